package ltsportal.assistance;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.BOOKING_EVENT;
import static ltsportal.db.Tables.BOOKING_REVIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** The plan review: submit, ask for changes, submit again, approve, confirm; and confirming before approval. */
class ReviewHttpTest extends OnBothDatabases {
    private long acmeBooking() {
        return portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
    }

    private String status(long id) {
        return portal.db.select(BOOKING.STATUS).from(BOOKING).where(BOOKING.ID.eq(id)).fetchSingle().value1().key();
    }

    private static Map<String, String> plan(String steps) {
        return Map.of("plan", steps, "rollbackPlan", "Restore the backup taken at 09:00 on the old version.",
                "topology", "3 Rails nodes, 3 Gitaly, Patroni PostgreSQL 14", "backupVerified", "true");
    }

    @Test
    void theFullReviewCycleEndsInAConfirmedBooking() {
        long id = acmeBooking();
        WebClient casey = portal.signedIn("customer@demo.test");
        String before = casey.get("/bookings/" + id).body();
        assertTrue(before.contains("id=\"review-status\" class=\"review-status not-submitted\"") || before.contains(">not-submitted<"), "nothing sent yet");
        assertEquals(303, casey.post("/bookings/" + id + "/review", plan("1. Upgrade to 17.3.7\n2. Wait for migrations")).statusCode());

        WebClient erin = portal.signedIn("engineer@demo.test");
        String toReview = erin.get("/bookings/" + id).body();
        assertTrue(toReview.contains("Background migrations finished before the upgrade to"), "a checklist from the path");
        assertTrue(toReview.contains("<li>Upgrade to 17.3.7</li>"), "the plan rendered from Markdown");
        var noComment = erin.post("/bookings/" + id + "/review/decision", Map.of("decision", "request-changes", "comment", ""));
        assertEquals(400, noComment.statusCode());
        assertTrue(noComment.body().contains("Say what should change"));
        assertEquals(409, erin.post("/bookings/" + id + "/confirm", Map.of()).statusCode(), "not approved: no confirmation");
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/review/decision", Map.of("decision", "request-changes",
                "comment", "Add the **PostgreSQL 16** upgrade before 18.0.", "check", "backup")).statusCode());

        String asked = casey.get("/bookings/" + id).body();
        assertTrue(asked.contains("changes-requested") && asked.contains("<strong>PostgreSQL 16</strong>"), "the customer reads why");
        assertEquals(303, casey.post("/bookings/" + id + "/review", plan("1. Upgrade to 17.3.7\n2. PostgreSQL 16\n3. 18.0")).statusCode());

        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/review/decision", Map.of("decision", "approve", "check", "disk")).statusCode());
        assertEquals("approved", portal.db.select(BOOKING_REVIEW.STATUS).from(BOOKING_REVIEW).where(BOOKING_REVIEW.BOOKING_ID.eq(id)).fetchSingle().value1());
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/confirm", Map.of()).statusCode());
        assertTrue(status(id).equals("confirmed") || status(id).equals("staffed"));
        var kinds = portal.db.select(BOOKING_EVENT.KIND).from(BOOKING_EVENT).where(BOOKING_EVENT.BOOKING_ID.eq(id))
                .orderBy(BOOKING_EVENT.ID).fetch(BOOKING_EVENT.KIND);
        assertTrue(kinds.containsAll(java.util.List.of("review-sent", "review-changes", "review-resent",
                "review-approved", "confirmed")), kinds.toString());
    }

    @Test
    void confirmingBeforeApprovalIsRefusedUnlessAManagerGivesAReason() {
        long id = acmeBooking();
        WebClient manager = portal.signedIn("manager@demo.test");
        manager.get("/bookings/" + id);
        var refused = manager.post("/bookings/" + id + "/confirm", Map.of());
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("its upgrade plan has no approved review"), refused.body());
        assertEquals("requested", status(id));
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        assertEquals(409, erin.post("/bookings/" + id + "/confirm", Map.of("overrideReason", "trust me")).statusCode(),
                "only a manager overrides");
        manager.get("/bookings/" + id);
        assertEquals(303, manager.post("/bookings/" + id + "/confirm", Map.of("overrideReason", "Reviewed by phone with their architect"))
                .statusCode());
        assertEquals("Reviewed by phone with their architect",
                portal.db.select(BOOKING.CONFIRM_OVERRIDE).from(BOOKING).where(BOOKING.ID.eq(id)).fetchSingle().value1());
        assertTrue(portal.db.fetchExists(BOOKING_EVENT, BOOKING_EVENT.BOOKING_ID.eq(id).and(BOOKING_EVENT.KIND.eq("confirmed-override"))));
    }

    @Test
    void anEmptyPlanIsRefusedWithTheInputKeptAndOnlyTheBookingsOrganizationSubmits() {
        long id = acmeBooking();
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + id);
        var empty = casey.post("/bookings/" + id + "/review", Map.of("plan", " ", "rollbackPlan", "Restore the backup.",
                "topology", "one node"));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("id=\"plan-error\""));
        assertTrue(empty.body().contains("Restore the backup."), "what was typed is kept");
        assertFalse(portal.db.fetchExists(BOOKING_REVIEW), "nothing written");
        WebClient globex = portal.signedIn("customer2@demo.test");
        globex.get("/bookings");
        assertEquals(404, globex.post("/bookings/" + id + "/review", plan("steal")).statusCode());
        var script = casey.post("/bookings/" + id + "/review", plan("<script>alert(1)</script> [x](javascript:alert(1))"));
        assertEquals(303, script.statusCode());
        String page = portal.signedIn("engineer@demo.test").get("/bookings/" + id).body();
        String review = page.substring(page.indexOf("id=\"review\""));
        assertFalse(review.contains("<script") || review.contains("href=\"javascript:"), review);
    }

    @Test
    void theQueueShowsPlansToDecideAndSoonWindowsWithoutAnApprovedPlan() {
        long acme = acmeBooking();
        long globex = portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("git.globex.test")).fetchSingle(BOOKING.ID);
        WebClient erin = portal.signedIn("engineer@demo.test");
        assertFalse(erin.get("/manage/reviews").body().contains("data-booking=\"" + acme + "\""), "a week away and nothing sent: not yet");

        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + acme);
        casey.post("/bookings/" + acme + "/review", plan("1. Upgrade"));
        portal.clock.advance(java.time.Duration.ofDays(2));
        erin = portal.signedIn("engineer@demo.test"); // two days on: the sessions have ended, as they should
        casey = portal.signedIn("customer@demo.test");
        String queue = erin.get("/manage/reviews").body();
        int a = queue.indexOf("data-booking=\"" + acme + "\"");
        int g = queue.indexOf("data-booking=\"" + globex + "\"");
        assertTrue(a > 0 && queue.substring(a, a + 60).contains("data-state=\"submitted\""), queue);
        assertTrue(g > 0 && queue.substring(g).contains("within 7 days"), "no plan and the window is close");

        String notSent = erin.get("/manage/reviews?state=not-submitted").body();
        assertTrue(notSent.contains("data-booking=\"" + globex + "\"") && !notSent.contains("data-booking=\"" + acme + "\""));
        var bad = erin.get("/manage/reviews?state=whatever");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Choose a state from the list."));

        erin.get("/bookings/" + acme);
        erin.post("/bookings/" + acme + "/review/decision", Map.of("decision", "approve"));
        assertFalse(erin.get("/manage/reviews").body().contains("data-booking=\"" + acme + "\""), "approved: off the queue");
        assertEquals(403, casey.get("/manage/reviews").statusCode());
    }
}
