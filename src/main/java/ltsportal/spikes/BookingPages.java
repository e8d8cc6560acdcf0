package ltsportal.spikes;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ltsportal.accounts.AuditLog;
import ltsportal.accounts.Auth;
import ltsportal.accounts.User;
import ltsportal.planner.Plan;
import ltsportal.planner.PlanRequest;
import ltsportal.planner.Planner;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;

/**
 * A booking that exists: look at it, move it, cancel it (or its series), confirm and complete it, its invitation.
 * The form that makes one is {@link BookingFormPages}.
 */
public final class BookingPages {
    private final Spikes spikes;
    private final Bookings bookings;
    private final BookingService service;
    private final Planner planner;
    private final Clock clock;
    private final AuditLog audit;
    private final Completion completion;

    private final BookingSections sections;
    private final BookingCalendar invitations;

    /**
     * {@code sections}: what other features add to the page (see {@link BookingSections}); {@code invitations}: how the
     * booking's calendar invitation is written (organizer, links).
     */
    public BookingPages(Spikes spikes, Bookings bookings, BookingService service, Planner planner, Clock clock, AuditLog audit,
                        Completion completion, BookingSections sections, BookingCalendar invitations) {
        this.sections = sections;
        this.invitations = invitations;
        this.audit = audit;
        this.completion = completion;
        this.spikes = spikes;
        this.bookings = bookings;
        this.service = service;
        this.planner = planner;
        this.clock = clock;
    }

    /** One booking: its window in the viewer's zone and the spike's, its path, what the viewer may do. */
    /** The booking's page again, with another feature's refused form (its errors and what was typed). */
    public void showWith(Context ctx, int status, Booking booking, Map<String, String> errors, Map<String, String> kept) {
        render(ctx, status, booking, null, errors, kept);
    }

    public record BookingPage(Booking booking, Spike spike, String error, List<HistoryLine> history, String when,
                              String whenSpike, boolean canChange, boolean canCancel, List<WindowView> otherWindows,
                              Plan plan, List<Booking.Engineer> engineers, Record sections, Completing completing,
                              String newerPath, List<String> conditions, List<SeriesPart> series, boolean justBooked,
                              String googleUrl, String outlookUrl) {
    }

    /** One booking of the series this booking belongs to, its window in the viewer's zone. */
    public record SeriesPart(Booking booking, String when, boolean current) {
    }

    /** Today's path for the booking's plan when it differs from the path stored with the booking, else null. */
    static String newerPath(Booking booking, Plan plan) {
        if (plan == null) {
            return null;
        }
        List<String> today = BookingForm.pathOf(plan);
        return today.equals(booking.upgradePath()) ? null : String.join(" \u2192 ", today);
    }

    /**
     * The outcome part of the page: the recorded outcome (its notes rendered), or the form staff complete
     * the booking with, its errors and what was typed.
     */
    public record Completing(String notesHtml, Completion.Typed typed, Map<String, String> errors, Map<String, String> kinds,
                             boolean windowStarted) {
    }

    /** Customers see who will help them once the booking is staffed; staff see who is on it at any time. */
    static List<Booking.Engineer> engineersShown(User user, Booking b, Bookings bookings) {
        boolean shown = user.staff() || b.status() == BookingStatus.STAFFED || b.status() == BookingStatus.COMPLETED;
        return shown ? bookings.engineers(b.id()) : List.of();
    }

    public void list(Context ctx) {
        new BookingList(bookings, spikes).render(ctx);
    }

    public void show(Context ctx) {
        render(ctx, 200, booking(ctx), null);
    }

    public void reschedule(Context ctx) {
        User user = Auth.user(ctx);
        Booking booking = booking(ctx);
        Spike spike = spikes.byId(booking.spikeId()).orElseThrow();
        Form in = Form.of(ctx);
        String window = in.text("windowId");
        if (!in.check(window.matches("\\d{1,18}"), "windowId", "Choose the window to move to.")) {
            render(ctx, Form.INVALID, booking, in.errors().get("windowId"));
            return;
        }
        after(ctx, booking, new BookingChanges(service).reschedule(user, spike, booking.id(), Long.parseLong(window)), "booking.moved", "to window " + window,
                "Your booking moved to the new window. Download the invitation again to update your calendar.");
    }

    public void cancel(Context ctx) {
        User user = Auth.user(ctx);
        Booking booking = booking(ctx);
        Spike spike = spikes.byId(booking.spikeId()).orElseThrow();
        Form in = Form.of(ctx);
        String reason = in.text("reason");
        if (!in.required("reason", reason, 500, "Say in a few words why you cancel (at most 500 characters).")) {
            render(ctx, Form.INVALID, booking, in.errors().get("reason"));
            return;
        }
        after(ctx, booking, new BookingChanges(service).cancel(user, spike, booking.id(), reason), "booking.cancelled", reason, "The booking is cancelled and its place freed.");
    }

    /** Cancels every active booking of this booking's series, all or none. */
    public void cancelSeries(Context ctx) {
        User user = Auth.user(ctx);
        Booking booking = booking(ctx);
        Spike spike = spikes.byId(booking.spikeId()).orElseThrow();
        Form in = Form.of(ctx);
        String reason = in.text("seriesReason");
        if (!in.required("seriesReason", reason, 500, "Say in a few words why you cancel the series (at most 500 characters).")) {
            render(ctx, Form.INVALID, booking, in.errors().get("seriesReason"));
            return;
        }
        after(ctx, booking, new BookingChanges(service).cancelSeries(user, spike, booking.id(), reason), "booking.series-cancelled", reason,
                "Every booking of the series is cancelled and its place freed.");
    }

    public void confirm(Context ctx) {
        Booking booking = booking(ctx);
        String override = Form.of(ctx).text("overrideReason");
        after(ctx, booking, new BookingChanges(service).confirm(Auth.user(ctx), booking.id(), booking.status(), override), "booking.confirmed",
                override.isEmpty() ? null : "override: " + override,
                "The booking is confirmed.");
    }

    public void complete(Context ctx) {
        Booking booking = booking(ctx);
        User staff = Auth.user(ctx);
        var result = completion.complete(staff, booking, Form.of(ctx));
        if (result instanceof Completion.Refused refused) {
            render(ctx, refused.status(), booking, null, refused.errors(), Map.of(), refused.typed());
            return;
        }
        var outcome = ((Completion.Completed) result).outcome();
        audit.record("booking.completed", staff, "booking " + booking.id(), outcome.outcome() + ", on " + outcome.reachedVersion(),
                ClientAddress.of(ctx));
        Flash.redirect(ctx, "/bookings/" + booking.id() + "#outcome", "The booking is completed and its outcome recorded.");
    }

    public void calendar(Context ctx) {
        Booking booking = booking(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"upgrade-window-" + booking.id() + ".ics\"");
        ctx.contentType("text/calendar; charset=utf-8; method=" + (booking.status() == BookingStatus.CANCELLED ? "CANCEL" : "REQUEST"))
                .result(invitations.ics(booking, spikes.byId(booking.spikeId()).orElseThrow()));
    }

    private void after(Context ctx, Booking booking, BookingService.Result result, String event, String detail, String flash) {
        if (result instanceof BookingService.Refused refused) {
            render(ctx, refused.conflict() ? 409 : 400, booking(ctx), refused.message());
            return;
        }
        audit.record(event, Auth.user(ctx), "booking " + booking.id(), detail, ClientAddress.of(ctx));
        Flash.redirect(ctx, "/bookings/" + booking.id(), flash);
    }

    /** The booking, if the acting user may see it: another organization's is simply not found. */
    public Booking booking(Context ctx) {
        String raw = ctx.pathParam("id");
        long id = SpikePages.parseId(raw.endsWith(".ics") ? raw.substring(0, raw.length() - 4) : raw);
        return bookings.find(Auth.user(ctx), id).orElseThrow(() -> new PageNotFound("There is no booking with this number."));
    }

    private void render(Context ctx, int status, Booking booking, String error) {
        render(ctx, status, booking, error, Map.of(), Map.of());
    }

    private void render(Context ctx, int status, Booking booking, String error, Map<String, String> errors, Map<String, String> kept) {
        render(ctx, status, booking, error, errors, kept, Completion.Typed.blank(booking));
    }

    private void render(Context ctx, int status, Booking booking, String error, Map<String, String> errors, Map<String, String> kept,
                        Completion.Typed typed) {
        User user = Auth.user(ctx);
        Spike spike = spikes.byId(booking.spikeId()).orElseThrow();
        var now = clock.instant();
        var current = spikes.window(spike.id(), booking.windowId()).orElseThrow();
        var plan = planner.plan(new PlanRequest(booking.intake().currentVersion(), booking.intake().targetVersion(),
                booking.conditions(), booking.zeroDowntime()), LocalDate.now(clock));
        Plan planned = plan instanceof Planner.Planned p ? p.plan() : null;
        List<Booking> series = bookings.series(user, booking);
        // a part of a series never moves onto a window another active part holds
        java.util.Set<Long> heldBySeries = series.stream().filter(b -> b.status().active()).map(Booking::windowId)
                .collect(java.util.stream.Collectors.toSet());
        boolean beforeCutoff = user.staff() || BookingRules.beforeCutoff(spike, current, now);
        Templates.render(ctx, status, "spikes/booking", new BookingPage(booking, spike, error,
                HistoryLine.of(bookings.history(user, booking.id()), user.zone()),
                WindowView.describe(booking.windowStart(), booking.windowEnd(), user.zone()),
                WindowView.describe(booking.windowStart(), booking.windowEnd(), spike.zone()),
                booking.status().reschedulable() && beforeCutoff,
                booking.status().canBecome(BookingStatus.CANCELLED) && beforeCutoff,
                WindowView.of(spike, spikes.windows(spike.id()), user.zone(), now).stream()
                        .filter(v -> v.bookable() && v.window().id() != booking.windowId()
                                && !heldBySeries.contains(v.window().id())).toList(),
                planned, engineersShown(user, booking, bookings),
                sections.of(user, booking, errors, kept),
                new Completing(completion.notesHtml(booking.outcome()), typed, errors, Outcome.KINDS,
                        !now.isBefore(booking.windowStart())), newerPath(booking, planned),
                planned == null || booking.conditions().isEmpty() ? List.of()
                        : planned.appliedConditions().stream().map(ltsportal.planner.Stop::condition).toList(),
                series.stream().map(b -> new SeriesPart(b,
                        WindowView.describe(b.windowStart(), b.windowEnd(), user.zone()), b.id() == booking.id())).toList(),
                "1".equals(ctx.queryParam("booked")) && booking.status().active(),
                invitations.googleUrl(booking), invitations.outlookUrl(booking)));
    }
}
