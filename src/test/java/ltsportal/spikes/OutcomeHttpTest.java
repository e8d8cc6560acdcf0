package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** Completing a booking records its outcome: only once the window has started, only for an active booking, with checked input. */
class OutcomeHttpTest extends OnBothDatabases {
    private long acmeBooking() {
        return portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
    }

    private Instant windowStart(long bookingId) {
        return portal.db.select(SPIKE_WINDOW.STARTS_AT).from(BOOKING).join(SPIKE_WINDOW).on(SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID))
                .where(BOOKING.ID.eq(bookingId)).fetchSingle().value1().toInstant();
    }

    private String status(long id) {
        return portal.db.select(BOOKING.STATUS).from(BOOKING).where(BOOKING.ID.eq(id)).fetchSingle().value1().key();
    }

    private static Map<String, String> outcome(String kind, String version, String minutes) {
        return Map.of("outcome", kind, "reachedVersion", version, "durationMinutes", minutes,
                "notes", "Batched migrations took **40 minutes** on `ci_builds`.");
    }

    private long confirmed() {
        long id = acmeBooking();
        portal.approvedReview(id);
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/confirm", Map.of()).statusCode());
        return id;
    }

    @Test
    void theOutcomeIsRefusedBeforeTheWindowAndRecordedOnceItHasStarted() {
        long id = confirmed();
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        var early = erin.post("/bookings/" + id + "/complete", outcome("upgraded", "18.0.6", "95"));
        assertEquals(400, early.statusCode());
        assertTrue(early.body().contains("id=\"outcome-error\"") && early.body().contains("The window has not started yet"), early.body());
        assertTrue(early.body().contains("value=\"95\""), "what was typed is kept");
        assertTrue(status(id).equals("confirmed") || status(id).equals("staffed"), "nothing changed");

        portal.clock.advance(Duration.between(portal.clock.instant(), windowStart(id)).plusMinutes(10));
        erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        var done = erin.post("/bookings/" + id + "/complete", outcome("partially-upgraded", "18.0.6", "95"));
        assertEquals(303, done.statusCode(), done.body());
        assertEquals("completed", status(id));
        var row = portal.db.selectFrom(BOOKING).where(BOOKING.ID.eq(id)).fetchSingle();
        assertEquals("partially-upgraded", row.getOutcome());
        assertEquals("18.0.6", row.getReachedVersion());
        assertEquals(95, row.getDurationMinutes());

        WebClient casey = portal.signedIn("customer@demo.test");
        String page = casey.get("/bookings/" + id).body();
        assertTrue(page.contains("Partially upgraded") && page.contains("runs 18.0.6, after 95 minutes")
                && page.contains("<strong>40 minutes</strong>"), "the customer sees the outcome and its notes rendered");
        String json = casey.get("/api/v1/bookings/" + id).body();
        assertTrue(json.contains("\"outcome\":{\"outcome\":\"partially-upgraded\",\"reachedVersion\":\"18.0.6\",\"durationMinutes\":95"), json);
    }

    @Test
    void eachBadFieldIsRefusedNextToItWithTheInputKept() {
        long id = confirmed();
        portal.clock.advance(Duration.between(portal.clock.instant(), windowStart(id)).plusMinutes(10));
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        var bad = erin.post("/bookings/" + id + "/complete", Map.of("outcome", "exploded", "reachedVersion", "17.99.1",
                "durationMinutes", "ninety", "notes", "n".repeat(8001)));
        assertEquals(400, bad.statusCode());
        for (String field : new String[] {"outcome", "reachedVersion", "durationMinutes", "notes"}) {
            assertTrue(bad.body().contains("id=\"" + field + "-error\""), field + " has its message");
        }
        assertTrue(bad.body().contains("value=\"17.99.1\"") && bad.body().contains("value=\"ninety\""), "the input is kept");
        var backwards = erin.post("/bookings/" + id + "/complete", outcome("upgraded", "16.11.10", "30"));
        assertEquals(400, backwards.statusCode());
        assertTrue(backwards.body().contains("The instance started on"), "an upgrade does not end below its start");
        var zero = erin.post("/bookings/" + id + "/complete", outcome("upgraded", "18.0.6", "0"));
        assertEquals(400, zero.statusCode());
        assertNull(portal.db.select(BOOKING.OUTCOME).from(BOOKING).where(BOOKING.ID.eq(id)).fetchSingle().value1(), "nothing written");
    }

    @Test
    void aCancelledBookingHasNoOutcome() {
        long id = acmeBooking();
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/cancel", Map.of("reason", "customer postponed")).statusCode());
        portal.clock.advance(Duration.between(portal.clock.instant(), windowStart(id)).plusMinutes(10));
        erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        var refused = erin.post("/bookings/" + id + "/complete", outcome("upgraded", "18.0.6", "60"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("This booking is cancelled: there is no upgrade to record."), refused.body());
        assertEquals("cancelled", status(id));
    }
}
