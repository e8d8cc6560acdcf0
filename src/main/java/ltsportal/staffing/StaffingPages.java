package ltsportal.staffing;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ltsportal.accounts.AuditLog;
import ltsportal.accounts.Auth;
import ltsportal.accounts.User;
import ltsportal.spikes.Booking;
import ltsportal.spikes.Bookings;
import ltsportal.spikes.Spike;
import ltsportal.spikes.Spikes;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;

/** The staffing board, and putting engineers on bookings and taking them off. */
public final class StaffingPages {
    private static final Map<String, Assignment.Role> ROLES = Map.of("primary", Assignment.Role.PRIMARY,
            "backup", Assignment.Role.BACKUP);
    private static final Map<String, String> SOURCES = Map.of(Assignment.MANUAL, Assignment.MANUAL,
            Assignment.SUGGESTION, Assignment.SUGGESTION);

    private final Spikes spikes;
    private final Bookings bookings;
    private final Engineers engineers;
    private final StaffingBoard board;
    private final Assignments assignments;
    private final Suggestions suggestions;
    private final AuditLog audit;

    public StaffingPages(Spikes spikes, Bookings bookings, Engineers engineers, StaffingBoard board, Assignments assignments,
                         Suggestions suggestions, AuditLog audit) {
        this.spikes = spikes;
        this.bookings = bookings;
        this.engineers = engineers;
        this.board = board;
        this.assignments = assignments;
        this.suggestions = suggestions;
        this.audit = audit;
    }

    /** The board with its filters; with {@code booking} open, that booking's suggestions and assign forms. */
    public record BoardPage(StaffingBoard.Board board, List<StaffingBoard.WindowRow> shown, String day, Long engineer,
                            String problem, Map<String, String> problemKeys, StaffingBoard.Row open,
                            List<StaffingRules.Suggestion> primarySuggestions, List<StaffingRules.Suggestion> backupSuggestions,
                            String error) {
    }

    public void board(Context ctx) {
        render(ctx, 200, spike(ctx), null, null);
    }

    public void autoAssign(Context ctx) {
        User manager = Auth.user(ctx);
        Spike spike = spike(ctx);
        var report = assignments.autoAssign(manager, spike.id());
        audit.record("staffing.auto-assign", manager, spike.name(), report.filled() + " places filled, "
                + report.unfilled().size() + " left", ClientAddress.of(ctx));
        Flash.redirect(ctx, "/manage/spikes/" + spike.id() + "/staffing", "Auto-assign filled " + report.filled() + " place"
                + (report.filled() == 1 ? "" : "s") + (report.unfilled().isEmpty() ? "; every booking has a primary and a backup."
                : ". Not staffed: " + String.join(" ", report.unfilled())));
    }

    public void assign(Context ctx) {
        User manager = Auth.user(ctx);
        Booking booking = booking(ctx);
        Form in = Form.of(ctx);
        Long engineerId = in.number("engineerId", in.text("engineerId"), 1, Integer.MAX_VALUE, "Choose an engineer.") == null
                ? null : Long.parseLong(in.text("engineerId"));
        Assignment.Role role = in.choice("role", in.text("role"), ROLES, "Choose primary or backup.");
        String source = in.text("source").isEmpty() ? Assignment.MANUAL : in.choice("source", in.text("source"), SOURCES,
                "Choose manual or suggestion.");
        if (!in.valid()) {
            renderFor(ctx, Form.INVALID, booking, String.join(" ", in.errors().values()));
            return;
        }
        if (!engineers.userExists(engineerId)) {
            renderFor(ctx, 404, booking, "There is no engineer with this number.");
            return;
        }
        // The form names the window the manager saw: if the booking moved since, say so rather than staff it blind.
        String seen = in.text("windowId");
        if (!seen.isEmpty() && !seen.equals(String.valueOf(booking.windowId()))) {
            renderFor(ctx, 409, booking, "Booking " + booking.id() + " moved to another window meanwhile (now "
                    + ltsportal.spikes.WindowView.describe(booking.windowStart(), booking.windowEnd(), manager.zone())
                    + "): check who can take it below.");
            return;
        }
        var result = assignments.assign(manager, booking.id(), engineerId, role, source);
        if (result instanceof Assignments.Refused refused) {
            renderFor(ctx, refused.status(), booking, refused.message());
            return;
        }
        audit.record("assignment.added", manager, "booking " + booking.id(), "engineer " + engineerId + " as " + role.key()
                + " (" + source + ")", ClientAddress.of(ctx));
        Flash.redirect(ctx, boardUrl(booking), "Assigned as " + role.key() + " on booking " + booking.id() + ".");
    }

    public void remove(Context ctx) {
        User manager = Auth.user(ctx);
        Booking booking = booking(ctx);
        var result = assignments.remove(manager, booking.id(), EngineerPages.id(ctx.pathParam("assignmentId")));
        if (result instanceof Assignments.Refused refused) {
            renderFor(ctx, refused.status(), booking, refused.message());
            return;
        }
        audit.record("assignment.removed", manager, "booking " + booking.id(), "assignment " + ctx.pathParam("assignmentId"), ClientAddress.of(ctx));
        Flash.redirect(ctx, boardUrl(booking), "The engineer is taken off booking " + booking.id() + ".");
    }

    static String boardUrl(Booking booking) {
        return "/manage/spikes/" + booking.spikeId() + "/staffing?booking=" + booking.id() + "#booking-" + booking.id();
    }

    private void renderFor(Context ctx, int status, Booking booking, String error) {
        Spike spike = spikes.byId(booking.spikeId()).orElseThrow();
        render(ctx, status, spike, booking.id(), error);
    }

    private void render(Context ctx, int status, Spike spike, Long openBooking, String error) {
        User manager = Auth.user(ctx);
        Form in = Form.ofQuery(ctx);
        var built = board.build(manager, spike);
        String day = in.text("day").isEmpty() ? null : in.text("day");
        Long engineer = in.text("engineer").matches("\\d{1,18}") ? Long.valueOf(in.text("engineer")) : null;
        String problem = StaffingBoard.PROBLEM_KEYS.containsKey(in.text("problem")) ? in.text("problem") : null;
        if (openBooking == null && in.text("booking").matches("\\d{1,18}")) {
            openBooking = Long.valueOf(in.text("booking"));
        }
        Long wanted = openBooking;
        Optional<StaffingBoard.Row> open = wanted == null ? Optional.empty() : built.windows().stream()
                .flatMap(w -> w.rows().stream()).filter(r -> r.booking().id() == wanted).findFirst();
        Map<Assignment.Role, List<StaffingRules.Suggestion>> ranked = open.map(r -> suggestions.forBooking(r.booking()))
                .orElse(Map.of());
        Templates.render(ctx, status, "staffing/board", new BoardPage(built, built.filtered(day, engineer, problem), day, engineer,
                problem, StaffingBoard.PROBLEM_KEYS, open.orElse(null),
                ranked.getOrDefault(Assignment.Role.PRIMARY, List.of()), ranked.getOrDefault(Assignment.Role.BACKUP, List.of()),
                error));
    }

    private Spike spike(Context ctx) {
        return spikes.byId(EngineerPages.id(ctx.pathParam("id")))
                .orElseThrow(() -> new PageNotFound("There is no spike with this number."));
    }

    private Booking booking(Context ctx) {
        return bookings.find(Auth.user(ctx), EngineerPages.id(ctx.pathParam("id")))
                .orElseThrow(() -> new PageNotFound("There is no booking with this number."));
    }
}
