package ltsportal.spikes;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    /** Bookings a page shows; the next page starts after the last of them. */
    static final int PAGE = 50;

    /**
     * The page: filtered by spike and status for everyone, by "unstaffed" and "mine" for staff. {@code needsConfirmation}:
     * staff opened the list with no filter at all, so it shows what waits for them (status "requested") and says so.
     * {@code olderHref}: the next page (null on the last); {@code paged}: this is not the first page.
     */
    public record BookingsPage(List<Booking> bookings, Map<Long, List<Booking.Engineer>> engineers, List<Spike> spikes,
                               String spike, String status, boolean unstaffed, boolean mine, List<BookingStatus> statuses,
                               String day, String dayError, boolean needsConfirmation, String olderHref, boolean paged) {
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
        Long after = in.text("after").matches("\\d{1,18}") ? Long.valueOf(in.text("after")) : null;
        List<Booking> shown = List.of();
        boolean more = false;
        if (in.valid()) {
            // a spike that is not a number matches no booking, as a status no booking has does
            Long spikeId = spike.isEmpty() ? null : spike.matches("\\d{1,18}") ? Long.valueOf(spike) : -1L;
            var query = new Bookings.ListQuery(spikeId, status.isEmpty() ? null : status,
                    onDay == null ? null : onDay.atStartOfDay(user.zone()).toInstant(),
                    onDay == null ? null : onDay.plusDays(1).atStartOfDay(user.zone()).toInstant(),
                    unstaffed, mine ? user.id() : null);
            List<Booking> fetched = bookings.page(user, query, after, PAGE + 1);
            more = fetched.size() > PAGE;
            shown = more ? fetched.subList(0, PAGE) : fetched;
        }
        var engineers = user.staff() ? bookings.engineersOf(shown.stream().map(Booking::id).toList()) : Map.<Long, List<Booking.Engineer>>of();
        String olderHref = more ? "/bookings?" + query(spike, status, day, unstaffed, mine) + "&after=" + shown.get(shown.size() - 1).id() : null;
        Templates.render(ctx, in.valid() ? 200 : Form.INVALID, "spikes/bookings", new BookingsPage(shown,
                engineers, user.staff() ? spikes.all() : spikes.open(), spike, status, unstaffed, mine,
                List.of(BookingStatus.values()), ltsportal.notes.Echo.clip(day), in.errors().get("day"), needsConfirmation,
                olderHref, after != null));
    }

    /** The filters as a query string, every one stated (an empty status means any, not the staff's default). */
    private static String query(String spike, String status, String day, boolean unstaffed, boolean mine) {
        var enc = (java.util.function.UnaryOperator<String>) v -> java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
        return "spike=" + enc.apply(spike) + "&status=" + enc.apply(status) + "&day=" + enc.apply(day)
                + (unstaffed ? "&unstaffed=true" : "") + (mine ? "&mine=true" : "");
    }
}
