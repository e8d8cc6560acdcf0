package ltsportal.assistance;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** A spike's report for its managers: states, outcomes, plans approved in time, the median turnaround, the CSV. */
class SpikeReportHttpTest extends OnBothDatabases {
    private long booking(String instance) {
        return portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq(instance)).fetchSingle(BOOKING.ID);
    }

    private static Map<String, String> plan() {
        return Map.of("plan", "1. Upgrade\n2. Wait for migrations", "rollbackPlan", "Restore the backup.", "topology", "one node",
                "backupVerified", "true");
    }

    /** Moves the clock on; sessions would idle out over long jumps, so each step signs in afresh. */
    private WebClient after(Duration wait, String email) {
        portal.clock.advance(wait);
        return portal.signedIn(email);
    }

    private void send(String email, long id) {
        WebClient c = portal.signedIn(email);
        c.get("/bookings/" + id);
        assertEquals(303, c.post("/bookings/" + id + "/review", plan()).statusCode());
    }

    private void decide(WebClient erin, long id, String decision) {
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/review/decision", Map.of("decision", decision, "comment", "see notes")).statusCode());
    }

    @Test
    void theReportCountsStatesOutcomesTimelyApprovalsAndTheMedianTurnaround() {
        long acme = booking("gitlab.acme.test");
        long globex = booking("git.globex.test");
        long acme2 = booking("gitlab-dr.acme.test");
        portal.db.update(BOOKING).set(BOOKING.INSTANCE_NAME, "=HYPERLINK(\"http://evil.test\")").where(BOOKING.ID.eq(acme2)).execute();

        send("customer@demo.test", acme);
        send("customer2@demo.test", globex);
        decide(after(Duration.ofHours(1), "engineer@demo.test"), globex, "request-changes"); // globex: 1 h
        decide(after(Duration.ofHours(1), "engineer@demo.test"), acme, "approve");           // acme: 2 h
        send("customer2@demo.test", globex);
        decide(after(Duration.ofHours(4), "engineer@demo.test"), globex, "approve");         // globex again: 4 h

        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + acme);
        assertEquals(303, erin.post("/bookings/" + acme + "/confirm", Map.of()).statusCode());
        erin.get("/bookings/" + acme2);
        assertEquals(303, erin.post("/bookings/" + acme2 + "/cancel", Map.of("reason", "merged into the other instance")).statusCode());
        var start = portal.db.select(SPIKE_WINDOW.STARTS_AT).from(BOOKING).join(SPIKE_WINDOW).on(SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID))
                .where(BOOKING.ID.eq(acme)).fetchSingle().value1().toInstant();
        erin = after(Duration.between(portal.clock.instant(), start).plusMinutes(5), "engineer@demo.test");
        erin.get("/bookings/" + acme);
        assertEquals(303, erin.post("/bookings/" + acme + "/complete", Map.of("outcome", "upgraded", "reachedVersion", "18.0.6",
                "durationMinutes", "75")).statusCode());

        WebClient maria = portal.signedIn("manager@demo.test");
        var page = maria.get("/manage/spikes/1/report");
        assertEquals(200, page.statusCode());
        String html = page.body().replaceAll("\\s+", " ").replace("> <", "><");
        assertTrue(html.contains("id=\"approved-in-time\">100 %"), "both bookings not cancelled had their plan approved before the window");
        assertTrue(html.contains("id=\"median-turnaround\">2 h 00 min") && html.contains("over 3 decisions"), "median of 1 h, 2 h and 4 h");
        assertTrue(html.matches(".*<table id=\"by-state\">.*<td>1</td><td>0</td><td>0</td><td>1</td><td>1</td>.*"),
                "requested 1 (globex), confirmed 0, staffed 0, completed 1, cancelled 1: " + html);
        assertTrue(html.matches(".*<table id=\"by-major\">.*GitLab 16</th><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>1</td>.*"
                + "GitLab 17</th><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td>.*"), html);

        var csv = maria.get("/manage/spikes/1/report.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        String[] rows = csv.body().split("\r\n");
        assertEquals(4, rows.length, "a header and one row per booking");
        assertTrue(csv.body().contains(",upgraded,18.0.6,75"), csv.body());
        assertTrue(csv.body().contains(",\"'=HYPERLINK(\"\"http://evil.test\"\")\","), "a formula is defused: " + csv.body());
        assertEquals(403, portal.signedIn("engineer@demo.test").get("/manage/spikes/1/report").statusCode());
        assertEquals(404, maria.get("/manage/spikes/999/report").statusCode());
    }
}
