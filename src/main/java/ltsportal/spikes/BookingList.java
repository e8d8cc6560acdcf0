package ltsportal.spikes;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ltsportal.accounts.Auth;
import ltsportal.accounts.User;
import ltsportal.web.Form;
import ltsportal.web.Templates;

/** The bookings list (`/bookings`): the viewer's bookings, filtered by spike, status, window day, staffing and "mine". */
public final class BookingList {
    private final Bookings bookings;
    private final Spikes spikes;

    BookingList(Bookings bookings, Spikes spikes) {
        this.bookings = bookings;
        this.spikes = spikes;
    }

    /**
     * The page: filtered by spike and status for everyone, by "unstaffed" and "mine" for staff. {@code needsConfirmation}:
     * staff opened the list with no filter at all, so it shows what waits for them (status "requested") and says so.
     */
    public record BookingsPage(List<Booking> bookings, Map<Long, List<Booking.Engineer>> engineers, List<Spike> spikes,
                               String spike, String status, boolean unstaffed, boolean mine, List<BookingStatus> statuses,
                               String day, String dayError, boolean needsConfirmation) {
    }

    void render(Context ctx) {
        User user = Auth.user(ctx);
        Form in = Form.ofQuery(ctx);
        String spike = in.text("spike");
        boolean needsConfirmation = user.staff() && (ctx.queryString() == null || ctx.queryString().isEmpty());
        String status = needsConfirmation ? BookingStatus.REQUESTED.key() : in.text("status");
        boolean unstaffed = user.staff() && in.text("unstaffed").equals("true");
        boolean mine = user.staff() && in.text("mine").equals("true");
        String day = in.text("day");
        LocalDate onDay = null;
        if (!day.isEmpty()) {
            try {
                onDay = LocalDate.parse(day);
            } catch (java.time.format.DateTimeParseException e) {
                in.check(false, "day", "Give the window's day as a date, such as 2026-06-18, or leave it empty.");
            }
        }
        LocalDate windowDay = onDay;
        List<Booking> all = bookings.list(user);
        Map<Long, Set<Long>> engineerIds = new HashMap<>();
        var engineers = bookings.engineersOf(all.stream().map(Booking::id).toList(), engineerIds);
        List<Booking> shown = all.stream()
                .filter(b -> spike.isEmpty() || String.valueOf(b.spikeId()).equals(spike))
                .filter(b -> status.isEmpty() || b.status().key().equals(status))
                .filter(b -> !unstaffed || (b.status().active() && engineers.getOrDefault(b.id(), List.of()).stream()
                        .noneMatch(e -> e.role().equals("primary"))))
                .filter(b -> !mine || engineerIds.getOrDefault(b.id(), Set.of()).contains(user.id()))
                .filter(b -> windowDay == null || b.windowStart().atZone(user.zone()).toLocalDate().equals(windowDay))
                .toList();
        Templates.render(ctx, in.valid() ? 200 : Form.INVALID, "spikes/bookings", new BookingsPage(shown,
                user.staff() ? engineers : Map.of(), user.staff() ? spikes.all() : spikes.open(), spike, status, unstaffed, mine,
                List.of(BookingStatus.values()), ltsportal.notes.Echo.clip(day), in.errors().get("day"), needsConfirmation));
    }
}
