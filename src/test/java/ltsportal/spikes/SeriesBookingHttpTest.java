package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.BOOKING_EVENT;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/**
 * The fit check and series of windows (issue 14): a path longer than the window asks for more windows, a series is
 * booked all or none with each window's capacity kept, and is cancelled together or part by part.
 */
class SeriesBookingHttpTest extends OnBothDatabases {

    /** 15.4.6 to 18.11: twelve hops, about 9 hours at 45 minutes a hop, against the demo spike's 4-hour windows. */
    private Map<String, String> longPath(WebClient casey, long window) {
        Map<String, String> form = new HashMap<>(SpikePlanningHttpTest.bookingForm(casey, window, "gitlab-series.acme.test"));
        form.remove("acceptFit");
        return form;
    }

    private int booked(long window) {
        return portal.db.select(SPIKE_WINDOW.BOOKED).from(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.eq(window)).fetchSingle(SPIKE_WINDOW.BOOKED);
    }

    private long bookingIn(Map<String, String> form, WebClient casey, String... extra) {
        var sent = casey.postMulti("/spikes/1/bookings", form, "seriesWindows", extra);
        assertEquals(303, sent.statusCode(), sent.body());
        return Long.parseLong(sent.headers().firstValue("Location").orElseThrow().replaceAll("^/bookings/(\\d+).*$", "$1"));
    }

    @Test
    void aPathLongerThanTheWindowAsksForMoreWindowsAndBooksThemAsOneSeries() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long first = SpikePlanningHttpTest.freeWindow(portal, 0);
        long second = SpikePlanningHttpTest.freeWindow(portal, 1);
        long third = SpikePlanningHttpTest.freeWindow(portal, 2);
        int before = portal.db.fetchCount(BOOKING);
        Map<String, String> form = longPath(casey, first);

        var alone = casey.post("/spikes/1/bookings", form);
        assertEquals(400, alone.statusCode());
        String body = alone.body();
        assertTrue(body.contains("id=\"series-error\"") && body.contains("Your path has 12 hops and likely takes about 9 h")
                && body.contains("this window is 4 h"), body.replaceAll("(?s).*<main", "<main"));
        assertTrue(body.contains("name=\"seriesWindows\" value=\"" + second + "\""), "later windows are offered");
        assertTrue(body.contains("value=\"gitlab-series.acme.test\""), "the input is kept");
        assertEquals(before, portal.db.fetchCount(BOOKING));

        var two = casey.postMulti("/spikes/1/bookings", form, "seriesWindows", String.valueOf(second));
        assertEquals(400, two.statusCode());
        assertTrue(two.body().contains("your 2 windows total 8 h"), "still short");
        assertTrue(two.body().contains("value=\"" + second + "\" checked"), "the window added is kept ticked");

        long id = bookingIn(form, casey, String.valueOf(second), String.valueOf(third));
        var rows = portal.db.selectFrom(BOOKING).where(BOOKING.SERIES_ID.eq(id)).orderBy(BOOKING.ID).fetch();
        assertEquals(3, rows.size(), "one booking per window, linked by the first one's id");
        assertEquals(List.of(first, second, third), rows.map(r -> r.getWindowId()));
        for (long w : List.of(first, second, third)) {
            assertEquals(1, booked(w), "each window's place is taken once");
        }
        String page = casey.get("/bookings/" + id).body();
        assertTrue(page.contains("One of 3 windows booked together"));
        assertTrue(page.contains("href=\"/bookings/" + rows.get(1).getId() + "\"") && page.contains("(this booking)"));
        assertTrue(casey.get("/api/v1/bookings/" + rows.get(1).getId()).body().contains("\"series\":[" + rows.get(0).getId() + ","
                + rows.get(1).getId() + "," + rows.get(2).getId() + "]"), "the API lists the series");
        assertTrue(portal.db.fetchExists(BOOKING_EVENT, BOOKING_EVENT.BOOKING_ID.eq(rows.get(2).getId()),
                BOOKING_EVENT.DETAIL.contains("part 3 of 3 of series #" + id)));
    }

    @Test
    void theSameFormWithBookAnywayBooksOneWindow() {
        WebClient casey = portal.signedIn("customer@demo.test");
        Map<String, String> form = longPath(casey, SpikePlanningHttpTest.freeWindow(portal, 0));
        form.put("acceptFit", "true");
        long id = bookingIn(form, casey);
        assertEquals(null, portal.db.select(BOOKING.SERIES_ID).from(BOOKING).where(BOOKING.ID.eq(id)).fetchSingle(BOOKING.SERIES_ID));
    }

    @Test
    void aSeriesIsAllOrNoneWhenOneWindowIsFull() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long first = SpikePlanningHttpTest.freeWindow(portal, 0);
        long second = SpikePlanningHttpTest.freeWindow(portal, 1);
        long third = SpikePlanningHttpTest.freeWindow(portal, 2);
        Map<String, String> form = longPath(casey, first);
        portal.db.update(SPIKE_WINDOW).set(SPIKE_WINDOW.BOOKED, SPIKE_WINDOW.CAPACITY).where(SPIKE_WINDOW.ID.eq(third)).execute();
        int before = portal.db.fetchCount(BOOKING);
        var full = casey.postMulti("/spikes/1/bookings", form, "seriesWindows", String.valueOf(second), String.valueOf(third));
        assertEquals(409, full.statusCode(), full.body());
        assertTrue(full.body().contains("One of the windows you chose for the series"));
        assertEquals(before, portal.db.fetchCount(BOOKING), "nothing half-written");
        assertEquals(0, booked(first));
        assertEquals(0, booked(second));
    }

    @Test
    void badSeriesChoicesAreRefusedOnTheField() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long first = SpikePlanningHttpTest.freeWindow(portal, 0);
        Map<String, String> form = longPath(casey, first);
        int before = portal.db.fetchCount(BOOKING);
        for (String[] extra : List.of(new String[] {String.valueOf(first)},
                new String[] {"1", "2", "3"}, new String[] {"banana"}, new String[] {"99999999"})) {
            var refused = casey.postMulti("/spikes/1/bookings", form, "seriesWindows", extra);
            assertEquals(400, refused.statusCode(), String.join(",", extra));
            assertTrue(refused.body().contains("id=\"series-error\""), String.join(",", extra));
        }
        assertEquals(before, portal.db.fetchCount(BOOKING));
    }

    @Test
    void aSeriesIsCancelledTogetherOrPartByPartAndItsPartsNeverShareAWindow() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long first = SpikePlanningHttpTest.freeWindow(portal, 0);
        long second = SpikePlanningHttpTest.freeWindow(portal, 1);
        long third = SpikePlanningHttpTest.freeWindow(portal, 2);
        long id = bookingIn(longPath(casey, first), casey, String.valueOf(second), String.valueOf(third));
        List<Long> parts = portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.SERIES_ID.eq(id)).orderBy(BOOKING.ID).fetch(BOOKING.ID);

        var onto = casey.post("/bookings/" + id + "/reschedule", Map.of("windowId", String.valueOf(second)));
        assertEquals(400, onto.statusCode());
        assertTrue(onto.body().contains("Another booking of this series holds that window"));

        var one = casey.post("/bookings/" + parts.get(2) + "/cancel", Map.of("reason", "two windows are enough"));
        assertEquals(303, one.statusCode());
        assertEquals(0, booked(third));
        assertEquals(1, booked(first), "the other parts stay");

        var noReason = casey.post("/bookings/" + id + "/cancel-series", Map.of("seriesReason", " "));
        assertEquals(400, noReason.statusCode());
        assertTrue(noReason.body().contains("id=\"seriesReason\"") || noReason.body().contains("why you cancel the series"));

        var all = casey.post("/bookings/" + id + "/cancel-series", Map.of("seriesReason", "we postpone"));
        assertEquals(303, all.statusCode(), all.body());
        assertEquals(List.of(BookingStatus.CANCELLED, BookingStatus.CANCELLED, BookingStatus.CANCELLED), portal.db.select(BOOKING.STATUS)
                .from(BOOKING).where(BOOKING.ID.in(parts)).orderBy(BOOKING.ID).fetch(BOOKING.STATUS));
        assertEquals(0, booked(first));
        assertEquals(0, booked(second));
        assertEquals(0, booked(third), "the part cancelled before is not freed twice");

        var lone = portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.SERIES_ID.isNull()).and(BOOKING.SPIKE_ID.eq(1L))
                .limit(1).fetchSingle(BOOKING.ID);
        var notSeries = casey.post("/bookings/" + lone + "/cancel-series", Map.of("seriesReason", "x"));
        assertTrue(notSeries.statusCode() == 400 || notSeries.statusCode() == 404, "a booking on its own has no series: " + notSeries.statusCode());
    }
}
