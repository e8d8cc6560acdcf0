package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.Test;

/**
 * Booking through HTTP against the real app and its demo spike (opens 8 June 2026; the clock says
 * Monday 1 June 12:00 UTC): book, move, cancel, every validation error, privacy, CSRF.
 */
class BookingHttpTest extends OnBothDatabases {
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
    private long windowId(int index) {
        return portal.db.select(SPIKE_WINDOW.ID).from(SPIKE_WINDOW).orderBy(SPIKE_WINDOW.STARTS_AT)
                .limit(1).offset(index).fetchOne(SPIKE_WINDOW.ID);
    }

    private int booked(long windowId) {
        return portal.db.select(SPIKE_WINDOW.BOOKED).from(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.eq(windowId)).fetchOne(SPIKE_WINDOW.BOOKED);
    }

    /** Opens the intake form for a window and returns its fields, filled in validly. */
    private Map<String, String> openForm(WebClient client, long windowId) {
        var form = client.get("/spikes/1/book?window=" + windowId);
        assertEquals(200, form.statusCode(), form.body());
        Matcher m = KEY.matcher(form.body());
        assertTrue(m.find(), "the form issues an idempotency key");
        Map<String, String> fields = new HashMap<>();
        fields.put("windowId", String.valueOf(windowId));
        fields.put("idempotencyKey", m.group(1));
        // One active booking per instance and spike: each form names its own instance.
        fields.put("instanceName", "gitlab-" + m.group(1).substring(0, 8).toLowerCase(java.util.Locale.ROOT) + ".acme.test");
        fields.put("deployment", "docker");
        fields.put("edition", "ee");
        fields.put("topology", "ra-3k");
        fields.put("geo", "no");
        fields.put("currentVersion", "17.8.7");
        fields.put("targetVersion", "18.11");
        fields.put("contactName", "Casey");
        fields.put("contactEmail", "casey@acme.test");
        fields.put("contactPhone", "+49 30 1234567");
        fields.put("upgradePlanUrl", "https://wiki.acme.test/upgrade");
        fields.put("rollbackPlanUrl", "");
        fields.put("notes", "Two Sidekiq nodes.");
        return fields;
    }

    private long book(WebClient client, long windowId) {
        var response = client.post("/spikes/1/bookings", openForm(client, windowId));
        assertEquals(303, response.statusCode(), response.body());
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll("^/bookings/(\\d+).*$", "$1"));
    }

    @Test
    void bookAWindowAndSeeTheConfirmationWithThePlan() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long window = windowId(6);
        int before = booked(window);
        long id = book(casey, window);
        assertEquals(before + 1, booked(window));
        String page = casey.get("/bookings/" + id).body();
        assertTrue(page.contains("Your window is booked"));
        assertFalse(casey.get("/bookings/" + id).body().contains("Your window is booked"), "the confirmation shows once");
        assertTrue(page.contains("17.11.7 → 18.2.8 → 18.5.7 → 18.8.11 → 18.11.11"), "the planner's path is attached");
        assertTrue(page.contains("requested"));
        assertTrue(page.contains("Europe/Berlin (UTC+02:00)"), "shown in the customer's own zone with its offset");
        var row = portal.db.selectFrom(BOOKING).where(BOOKING.ID.eq(id)).fetchOne();
        assertEquals("18.11.11", row.getTargetVersion(), "a release line means its newest patch");
        assertEquals("ra-3k", row.getTopology());
    }

    @Test
    void aDoubleSubmitBooksOnce() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long window = windowId(7);
        Map<String, String> form = openForm(casey, window);
        var first = casey.post("/spikes/1/bookings", form);
        var second = casey.post("/spikes/1/bookings", form);
        assertEquals(303, first.statusCode());
        assertEquals(303, second.statusCode());
        assertEquals(first.headers().firstValue("Location").orElseThrow().replace("?booked=1", ""),
                second.headers().firstValue("Location").orElseThrow());
        assertEquals(1, booked(window));
    }

    /** One bad form over HTTP: each field's rule has its unit test over the form binder (BookingFormTest). */
    @Test
    void aBadFormIsShownAgainWithItsMessageAndTheInputAndBooksNothing() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long window = windowId(8);
        int rows = portal.db.fetchCount(BOOKING);
        Map<String, String> form = openForm(casey, window);
        form.put("currentVersion", "banana");
        var response = casey.post("/spikes/1/bookings", form);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("is not a GitLab version"), response.body());
        assertTrue(response.body().contains("value=\"banana\""), "the input is kept");
        assertEquals(rows, portal.db.fetchCount(BOOKING), "no half-written booking");
        assertEquals(0, booked(window));
    }

    @Test
    void aFullWindowAnswers409WithTheWindowsStillFree() {
        long window = windowId(0); // capacity 2
        book(portal.signedIn("customer@demo.test"), window);
        book(portal.signedIn("customer2@demo.test"), window);
        WebClient late = portal.signedIn("customer@demo.test");
        Map<String, String> form = openForm(late, windowId(1));
        form.put("windowId", String.valueOf(window));
        var response = late.post("/spikes/1/bookings", form);
        assertEquals(409, response.statusCode());
        assertTrue(response.body().contains("has just been fully booked"));
        assertTrue(response.body().contains("Windows still free"));
        assertEquals(2, booked(window));
        assertEquals(409, late.get("/spikes/1/book?window=" + window).statusCode(), "visibly full before anyone clicks");
        assertTrue(late.get("/spikes/1").body().contains("data-availability=\"full\""));
    }

    @Test
    void tooSoonPastAndUnknownWindowsAreRefused() {
        long window = windowId(0); // Monday 8 June 09:00 Berlin
        portal.clock.advance(Duration.ofDays(4)); // Friday 5 June: three business days ahead is Wednesday
        WebClient casey = portal.signedIn("customer@demo.test");
        assertEquals(409, casey.get("/spikes/1/book?window=" + window).statusCode());
        assertTrue(casey.get("/spikes/1").body().contains("data-availability=\"too-soon\""));
        portal.clock.advance(Duration.ofDays(4));
        casey = portal.signedIn("customer@demo.test");
        assertTrue(casey.get("/spikes/1").body().contains("data-availability=\"past\""));
        assertEquals(404, casey.get("/spikes/1/book?window=999999").statusCode());
        assertEquals(400, casey.get("/spikes/1/book").statusCode());
        assertEquals(404, casey.get("/spikes/999/book?window=1").statusCode());
    }

    @Test
    void rescheduleKeepsTheIdAndRaisesTheCalendarSequence() throws Exception {
        WebClient casey = portal.signedIn("customer@demo.test");
        long from = windowId(10);
        long to = windowId(11);
        long id = book(casey, from);
        String before = casey.get("/bookings/" + id + ".ics").body();
        assertTrue(before.contains("METHOD:REQUEST") && before.contains("SEQUENCE:0"), before);
        casey.get("/bookings/" + id);
        var moved = casey.post("/bookings/" + id + "/reschedule", Map.of("windowId", String.valueOf(to)));
        assertEquals(303, moved.statusCode(), moved.body());
        assertEquals("/bookings/" + id, moved.headers().firstValue("Location").orElse(""));
        assertTrue(casey.get("/bookings/" + id).body().contains("Your booking moved to the new window"));
        assertEquals(0, booked(from));
        assertEquals(1, booked(to));
        var calendar = new CalendarBuilder().build(new StringReader(casey.get("/bookings/" + id + ".ics").body()));
        var event = calendar.getComponents("VEVENT").get(0);
        assertEquals("booking-" + id + "@portal.test", event.getProperty("UID").orElseThrow().getValue());
        assertEquals("1", event.getProperty("SEQUENCE").orElseThrow().getValue());
        assertTrue(event.getProperty("DTSTART").orElseThrow().getValue().endsWith("Z"), "times in UTC");
        String page = casey.get("/bookings/" + id).body();
        assertTrue(page.contains("data-kind=\"rescheduled\""), "the history keeps it");
        String history = page.substring(page.indexOf("id=\"history\""));
        assertTrue(history.contains("<strong>Moved to another window</strong>"), history);
        assertFalse(java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}").matcher(history).find(),
                "times read in the customer's zone, not as stored: " + history);
    }

    @Test
    void cancelFreesThePlaceUntilTheCutOffAndTheInvitationTurnsIntoACancel() throws Exception {
        WebClient casey = portal.signedIn("customer@demo.test");
        long window = windowId(12);
        long id = book(casey, window);
        casey.get("/bookings/" + id);
        assertEquals(400, casey.post("/bookings/" + id + "/cancel", Map.of("reason", "")).statusCode());
        assertEquals(303, casey.post("/bookings/" + id + "/cancel", Map.of("reason", "We postpone.")).statusCode());
        assertEquals(0, booked(window));
        String ics = casey.get("/bookings/" + id + ".ics").body();
        var event = new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT").get(0);
        assertTrue(ics.contains("METHOD:CANCEL"));
        assertEquals("CANCELLED", event.getProperty("STATUS").orElseThrow().getValue());
        assertEquals("1", event.getProperty("SEQUENCE").orElseThrow().getValue());
        casey.get("/bookings/" + id);
        assertEquals(400, casey.post("/bookings/" + id + "/cancel", Map.of("reason", "again")).statusCode(),
                "a cancelled booking stays cancelled");
    }

    @Test
    void customersCannotCancelOrMoveAfterTheCutOff() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long window = windowId(2); // Tuesday 9 June 09:00 Berlin = 07:00 UTC
        long id = book(casey, window);
        portal.clock.advance(Duration.ofDays(6).plusHours(20)); // Monday 8 June 08:00 UTC: 23 hours before
        casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + id);
        var late = casey.post("/bookings/" + id + "/cancel", Map.of("reason", "too late"));
        assertEquals(400, late.statusCode());
        assertTrue(late.body().contains("too late to cancel online"));
        var move = casey.post("/bookings/" + id + "/reschedule", Map.of("windowId", String.valueOf(windowId(19))));
        assertEquals(400, move.statusCode());
        WebClient engineer = portal.signedIn("engineer@demo.test");
        engineer.get("/bookings/" + id);
        assertEquals(303, engineer.post("/bookings/" + id + "/cancel", Map.of("reason", "customer called")).statusCode(),
                "support staff can still cancel");
    }

    @Test
    void staffConfirmAndCompleteOnceEach() {
        long id = book(portal.signedIn("customer@demo.test"), windowId(14));
        WebClient engineer = portal.signedIn("engineer@demo.test");
        WebClient manager = portal.signedIn("manager@demo.test");
        engineer.get("/bookings/" + id);
        manager.get("/bookings/" + id);
        portal.approvedReview(id);
        assertEquals(303, engineer.post("/bookings/" + id + "/confirm", Map.of()).statusCode());
        var second = manager.post("/bookings/" + id + "/confirm", Map.of());
        assertEquals(400, second.statusCode(), "already confirmed: the second click changes nothing");
        assertEquals("confirmed", portal.db.select(BOOKING.STATUS).from(BOOKING).where(BOOKING.ID.eq(id)).fetchOne(BOOKING.STATUS).key());
        var start = portal.db.select(SPIKE_WINDOW.STARTS_AT).from(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.eq(windowId(14))).fetchSingle().value1();
        portal.clock.advance(java.time.Duration.between(portal.clock.instant(), start.toInstant()).plusMinutes(5));
        manager = portal.signedIn("manager@demo.test");
        manager.get("/bookings/" + id);
        Map<String, String> outcome = Map.of("outcome", "upgraded", "reachedVersion", "18.0.6", "durationMinutes", "80");
        assertEquals(303, manager.post("/bookings/" + id + "/complete", outcome).statusCode());
        manager.get("/bookings/" + id);
        assertEquals(400, manager.post("/bookings/" + id + "/complete", outcome).statusCode(), "completed once");
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + id);
        assertEquals(403, casey.post("/bookings/" + id + "/confirm", Map.of()).statusCode());
    }

    @Test
    void anotherOrganizationsBookingIsNotThereForAnyAction() {
        long theirs = book(portal.signedIn("customer2@demo.test"), windowId(16));
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings");
        for (String path : new String[]{"/bookings/" + theirs, "/bookings/" + theirs + ".ics"}) {
            assertEquals(404, casey.get(path).statusCode(), path);
        }
        assertEquals(404, casey.post("/bookings/" + theirs + "/cancel", Map.of("reason", "mine now")).statusCode());
        assertEquals(404, casey.post("/bookings/" + theirs + "/reschedule", Map.of("windowId", String.valueOf(windowId(17)))).statusCode());
        assertEquals("requested", portal.db.select(BOOKING.STATUS).from(BOOKING).where(BOOKING.ID.eq(theirs)).fetchOne(BOOKING.STATUS).key());
        assertFalse(casey.get("/bookings").body().contains("data-booking=\"" + theirs + "\""));
        assertTrue(portal.signedIn("engineer@demo.test").get("/bookings?status=").body().contains("data-booking=\"" + theirs + "\""),
                "staff see every booking");
    }

    @Test
    void bookingWithoutTheCsrfTokenIsRefused() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long window = windowId(18);
        Map<String, String> form = openForm(casey, window);
        assertEquals(403, casey.postRaw("/spikes/1/bookings", form).statusCode());
        assertEquals(0, booked(window));
    }

    @Test
    void windowsShowInTheViewersZoneAndTheZoneCanBeSwitched() {
        WebClient kim = portal.signedIn("customer2@demo.test"); // America/New_York
        String page = kim.get("/spikes/1").body();
        assertTrue(page.contains("03:00\u201307:00"), "09:00 Berlin is 03:00 New York in June");
        assertTrue(page.contains("America/New_York (UTC-04:00)"));
        String tokyo = kim.get("/spikes/1?tz=Asia%2FTokyo").body();
        assertTrue(tokyo.contains("16:00\u201320:00") && tokyo.contains("Asia/Tokyo (UTC+09:00)"));
        var bad = kim.get("/spikes/1?tz=Mars%2FOlympus");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("We do not know the time zone"));
    }
}
