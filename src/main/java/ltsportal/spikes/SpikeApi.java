package ltsportal.spikes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.util.List;
import ltsportal.accounts.Auth;
import ltsportal.accounts.User;
import ltsportal.notes.Echo;
import ltsportal.web.ApiError;
import ltsportal.web.Json;

/** Open spikes and their windows as JSON, for signed-in users. Times are ISO instants (UTC). */
public final class SpikeApi {
    private final Spikes spikes;
    private final Bookings bookings;

    /** {@code sections}: what other features add to a booking's JSON (the review, the messages, the files). */
    public SpikeApi(Spikes spikes, Bookings bookings, BookingSections sections) {
        this.spikes = spikes;
        this.bookings = bookings;
        this.sections = sections;
    }

    /**
     * One booking as its organization and staff see it; the engineers once it is staffed (staff see them always).
     * {@code series}: the ids of the bookings of its series in window order (itself included), empty when on its own.
     */
    public record BookingJson(long id, String status, long windowId, String start, String end, Intake intake,
                              List<String> path, List<String> conditions, boolean zeroDowntime, List<Long> series,
                              List<Booking.Engineer> engineers, Object review, List<?> messages,
                              List<?> attachments, OutcomeJson outcome) {
    }

    /** What the upgrade came to, once the booking is completed (null before). */
    public record OutcomeJson(String outcome, String reachedVersion, Integer durationMinutes, String notes) {
        static OutcomeJson of(Outcome o) {
            return o == null ? null : new OutcomeJson(o.outcome(), o.reachedVersion(), o.durationMinutes(), o.notesMarkdown());
        }
    }

    private final BookingSections sections;

    public void booking(Context ctx) {
        User user = Auth.user(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "'" + Echo.clip(ctx.pathParam("id")) + "' is not a booking number");
        }
        Booking b = bookings.find(user, id).orElseThrow(() -> new ApiError(404, "There is no booking " + id));
        var parts = sections.api(user, b);
        ctx.contentType("application/json; charset=utf-8").result(Json.write(new BookingJson(b.id(), b.status().key(),
                b.windowId(), b.windowStart().toString(), b.windowEnd().toString(), b.intake(), b.upgradePath(),
                b.conditions().isEmpty() ? List.of() : List.of(b.conditions().split(",")), b.zeroDowntime(),
                bookings.series(user, b).stream().map(Booking::id).toList(),
                BookingPages.engineersShown(user, b, bookings), parts.review(), parts.messages(), parts.attachments(),
                OutcomeJson.of(b.outcome()))));
    }

    /** A spike as the API shows it; {@code windows} only where one spike is asked for. */
    public record SpikeJson(long id, String name, String startsOn, String endsOn, String timeZone, String focus,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<WindowJson> windows) {
    }

    public record WindowJson(long id, String start, String end, int capacity, int booked, int remaining) {
    }

    public void list(Context ctx) {
        ctx.contentType("application/json; charset=utf-8")
                .result(Json.write(spikes.open().stream().map(s -> json(s, null)).toList()));
    }

    public void show(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "'" + ctx.pathParam("id") + "' is not a spike number");
        }
        Spike spike = spikes.byId(id).filter(Spike::open)
                .orElseThrow(() -> new ApiError(404, "There is no open spike " + id));
        var windows = spikes.windows(id).stream().map(w -> new WindowJson(w.id(), w.start().toString(),
                w.end().toString(), w.capacity(), w.booked(), w.remaining())).toList();
        ctx.contentType("application/json; charset=utf-8").result(Json.write(json(spike, windows)));
    }

    private static SpikeJson json(Spike s, List<WindowJson> windows) {
        return new SpikeJson(s.id(), s.name(), s.startsOn().toString(), s.endsOn().toString(), s.zone().getId(),
                s.focus(), windows);
    }
}
