package ltsportal.staffing;

import io.javalin.http.Context;
import java.util.List;
import ltsportal.accounts.Auth;
import ltsportal.spikes.Bookings;
import ltsportal.spikes.Spikes;
import ltsportal.web.ApiError;
import ltsportal.web.Json;

/** Staffing as JSON for staff: engineers, a spike's board, suggestions for a booking. */
public final class StaffingApi {
    private static final String JSON = "application/json; charset=utf-8";

    private final Engineers engineers;
    private final Spikes spikes;
    private final Bookings bookings;
    private final StaffingBoard board;
    private final Suggestions suggestions;

    public StaffingApi(Engineers engineers, Spikes spikes, Bookings bookings, StaffingBoard board, Suggestions suggestions) {
        this.engineers = engineers;
        this.spikes = spikes;
        this.bookings = bookings;
        this.board = board;
        this.suggestions = suggestions;
    }

    public record EngineerJson(long id, String name, String email, String timeZone, List<String> skills, int maxConcurrent) {
    }

    public record Person(long id, String name) {
    }

    public record ProblemJson(String key, String text) {
    }

    public record BookingStaffing(long id, long windowId, String start, String end, List<String> needs, Person primary,
                                  Person backup, List<ProblemJson> problems) {
    }

    public record WindowProblem(long windowId, String start, String end, ProblemJson problem) {
    }

    public record BoardJson(List<BookingStaffing> bookings, List<WindowProblem> windows, int problems) {
    }

    public record SuggestionJson(long engineerId, String name, int score, List<String> reasons) {
    }

    public void engineers(Context ctx) {
        ctx.contentType(JSON).result(Json.write(engineers.all().stream().map(e -> new EngineerJson(e.id(), e.name(), e.email(),
                e.zone().getId(), e.skills().stream().sorted().map(Skill::key).toList(), e.maxConcurrent())).toList()));
    }

    public void staffing(Context ctx) {
        var spike = spikes.byId(id(ctx, "spike")).orElseThrow(() -> new ApiError(404, "There is no such spike."));
        var built = board.build(Auth.user(ctx), spike);
        var rows = built.windows().stream().flatMap(w -> w.rows().stream()).map(r -> new BookingStaffing(r.booking().id(),
                r.booking().windowId(), r.booking().windowStart().toString(), r.booking().windowEnd().toString(),
                r.slot().needs().stream().sorted().map(Skill::key).toList(), person(r.primary()), person(r.backup()),
                r.problems().stream().map(p -> new ProblemJson(p.key(), p.text())).toList())).toList();
        var windows = built.windows().stream().filter(w -> w.problem() != null).map(w -> new WindowProblem(w.window().id(),
                w.window().start().toString(), w.window().end().toString(),
                new ProblemJson(w.problem().key(), w.problem().text()))).toList();
        ctx.contentType(JSON).result(Json.write(new BoardJson(rows, windows, built.problems())));
    }

    public void suggestions(Context ctx) {
        var booking = bookings.find(Auth.user(ctx), id(ctx, "booking")).orElseThrow(() -> new ApiError(404, "There is no such booking."));
        String roleKey = ctx.queryParam("role") == null ? "primary" : ctx.queryParam("role");
        var role = Assignment.Role.of(roleKey).orElseThrow(() -> new ApiError(400, "role is primary or backup"));
        ctx.contentType(JSON).result(Json.write(suggestions.forBooking(booking, role).stream().map(s -> new SuggestionJson(
                s.engineer().id(), s.engineer().name(), s.score(), s.reasons())).toList()));
    }

    private static Person person(Assignment a) {
        return a == null ? null : new Person(a.engineerId(), a.engineerName());
    }

    private static long id(Context ctx, String what) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "'" + ltsportal.notes.Echo.clip(ctx.pathParam("id")) + "' is not a " + what + " number");
        }
    }
}
