package ltsportal.assistance;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.BOOKING_MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** One conversation per booking: the customer's organization and support talk; internal notes stay with support. */
class ConversationHttpTest extends OnBothDatabases {
    private long acmeBooking() {
        return portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
    }

    @Test
    void customerAndSupportTalkAndInternalNotesNeverReachTheCustomer() {
        long id = acmeBooking();
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + id);
        var sent = casey.post("/bookings/" + id + "/messages", Map.of("body", "Our **Gitaly** nodes run on NFS. Is that a problem?",
                "internal", "true"));
        assertEquals(303, sent.statusCode());
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/messages", Map.of("body", "NFS for Gitaly: check their storage first.",
                "internal", "true")).statusCode());
        assertEquals(303, erin.post("/bookings/" + id + "/messages", Map.of("body", "NFS is not supported for Gitaly; let us plan the move.")).statusCode());

        String customerView = casey.get("/bookings/" + id).body();
        assertTrue(customerView.contains("Our <strong>Gitaly</strong> nodes run on NFS."), "Markdown rendered");
        assertTrue(customerView.contains("NFS is not supported for Gitaly"));
        assertFalse(customerView.contains("check their storage first"), "the internal note is not on the customer's page");
        assertFalse(customerView.contains("Internal note (support only"), "customers have no internal checkbox");
        assertFalse(portal.db.fetchExists(BOOKING_MESSAGE, BOOKING_MESSAGE.BODY_MD.contains("Gitaly** nodes")
                .and(BOOKING_MESSAGE.INTERNAL.isTrue())), "a customer's message is never hidden, whatever they send");

        String staffView = erin.get("/bookings/" + id).body();
        assertTrue(staffView.contains("check their storage first") && staffView.contains("internal note"));
        int first = staffView.indexOf("Our <strong>Gitaly</strong>");
        int last = staffView.indexOf("NFS is not supported");
        assertTrue(first > 0 && last > first, "oldest first");
        assertTrue(staffView.contains("support (engineer)") && staffView.contains("customer"), "each with the author's role");

        String customerJson = casey.get("/api/v1/bookings/" + id).body();
        assertTrue(customerJson.contains("NFS is not supported for Gitaly") && customerJson.contains("\"review\":{\"status\":\"not-submitted\""),
                customerJson);
        assertFalse(customerJson.contains("check their storage first"), "no internal note in the customer's JSON either");
        assertTrue(erin.get("/api/v1/bookings/" + id).body().contains("check their storage first"), "staff get it");
    }

    @Test
    void anotherOrganizationNeitherReadsNorPostsToTheThread() {
        long id = acmeBooking();
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + id);
        casey.post("/bookings/" + id + "/messages", Map.of("body", "Acme's secret topology"));
        WebClient globex = portal.signedIn("customer2@demo.test");
        globex.get("/bookings");
        assertEquals(404, globex.get("/bookings/" + id).statusCode());
        assertEquals(404, globex.post("/bookings/" + id + "/messages", Map.of("body", "hello")).statusCode());
        assertEquals(1, portal.db.fetchCount(BOOKING_MESSAGE));
    }

    @Test
    void anEmptyMessageIsRefusedNextToTheFieldAndHostileMarkdownIsNeutralised() {
        long id = acmeBooking();
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + id);
        var empty = casey.post("/bookings/" + id + "/messages", Map.of("body", "   "));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("id=\"body-error\""), "the message sits next to the field");
        var tooLong = casey.post("/bookings/" + id + "/messages", Map.of("body", "x".repeat(8001)));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("x".repeat(8001)), "what was typed is kept");
        assertEquals(0, portal.db.fetchCount(BOOKING_MESSAGE), "nothing half-written");

        casey.post("/bookings/" + id + "/messages", Map.of("body",
                "<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)> <b>bold</b>"));
        String page = casey.get("/bookings/" + id).body();
        String thread = page.substring(page.indexOf("id=\"messages\""));
        assertFalse(thread.contains("<script"), thread);
        assertFalse(thread.contains("href=\"javascript:"), thread);
        assertFalse(thread.contains("<img"), thread);
        assertTrue(thread.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as the text it is");
    }
}
