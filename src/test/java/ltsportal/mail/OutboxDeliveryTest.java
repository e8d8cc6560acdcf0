package ltsportal.mail;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.OUTBOX_MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import ltsportal.support.Smtp;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The outbox against a real SMTP server: a server that is down delays mail but never loses it, a refused
 * address is given up with the server's answer, and two portals on one database send each message once.
 */
@Tag("functional")
class OutboxDeliveryTest {
    private static long acme(TestPortal portal) {
        return portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
    }

    private static void cancelAcme(TestPortal portal) {
        long id = acme(portal);
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + id);
        assertEquals(303, casey.post("/bookings/" + id + "/cancel", Map.of("reason", "postponed")).statusCode(),
                "the web request never waits for the mail server");
    }

    @Test
    void aServerThatIsDownDelaysTheMailAndAFailureShowsInTheOutboxUntilItComesBack() throws Exception {
        try (Smtp smtp = new Smtp(); TestPortal portal = TestPortal.withMail("h2", "2026-06-01T12:00:00Z", smtp.port)) {
            smtp.stop();
            cancelAcme(portal);
            assertEquals(-1, portal.deliverMail(), "the outbox job's run fails while the server is down");
            var row = portal.db.selectFrom(OUTBOX_MESSAGE).orderBy(OUTBOX_MESSAGE.ID).limit(1).fetchSingle();
            assertEquals(OutboxStatus.PENDING, row.getStatus());
            assertEquals(1, row.getAttempts());
            assertTrue(row.getLastError() != null && !row.getLastError().isBlank(), "the failure is kept");

            WebClient admin = portal.signedIn("admin@demo.test");
            String outbox = admin.get("/admin/outbox").body();
            assertTrue(outbox.contains("Upgrade window cancelled: gitlab.acme.test") && outbox.contains("1 attempts"), outbox);
            String message = admin.get("/admin/outbox/" + row.getId()).body();
            assertTrue(message.contains("Your upgrade window is cancelled") && message.contains("METHOD:CANCEL"), "read in full");

            smtp.start();
            assertEquals(0, portal.deliverMail(), "not before its backoff has passed");
            portal.clock.advance(Duration.ofSeconds(31));
            assertEquals(1, portal.deliverMail(), "the one recipient (the booker is the contact)");
            assertEquals(1, smtp.received().size());
            assertEquals(OutboxStatus.SENT, portal.db.select(OUTBOX_MESSAGE.STATUS).from(OUTBOX_MESSAGE).where(OUTBOX_MESSAGE.ID.eq(row.getId()))
                    .fetchSingle().value1());
        }
    }

    @Test
    void aMessageNotDeliveredWithinADayIsGivenUpAndAnAdminRetriesIt() {
        try (Smtp smtp = new Smtp(); TestPortal portal = TestPortal.withMail("h2", "2026-06-01T12:00:00Z", smtp.port)) {
            smtp.stop();
            cancelAcme(portal);
            for (int i = 0; i < 30; i++) {
                portal.deliverMail();
                portal.clock.advance(Duration.ofHours(1));
            }
            var row = portal.db.selectFrom(OUTBOX_MESSAGE).fetchSingle();
            assertEquals(OutboxStatus.FAILED, row.getStatus());
            WebClient admin = portal.signedIn("admin@demo.test");
            assertTrue(admin.get("/admin/outbox?status=failed").body().contains("data-status=\"failed\""));
            admin.get("/admin/outbox/" + row.getId());
            smtp.start();
            assertEquals(303, admin.post("/admin/outbox/" + row.getId() + "/retry", Map.of()).statusCode());
            assertEquals(1, portal.deliverMail());
            assertEquals(1, smtp.received().size());
            assertEquals(400, admin.get("/admin/outbox?status=lost").statusCode(), "an unknown status is refused with a message");
        }
    }

    @Test
    void anAddressMailCannotGoToIsGivenUpWithTheReason() {
        try (Smtp smtp = new Smtp(); TestPortal portal = TestPortal.withMail("h2", "2026-06-01T12:00:00Z", smtp.port)) {
            portal.db.update(BOOKING).set(BOOKING.CONTACT_EMAIL, "ops@acme..test").where(BOOKING.ID.eq(acme(portal))).execute();
            cancelAcme(portal);
            portal.deliverMail();
            var statuses = portal.db.select(OUTBOX_MESSAGE.RECIPIENT_EMAIL, OUTBOX_MESSAGE.STATUS, OUTBOX_MESSAGE.LAST_ERROR)
                    .from(OUTBOX_MESSAGE).fetch();
            var refused = statuses.stream().filter(r -> r.value1().startsWith("ops@")).findFirst().orElseThrow();
            assertEquals(OutboxStatus.FAILED, refused.value2());
            assertTrue(refused.value3().contains("is not an address mail can be sent to"), "with the reason: " + refused.value3());
            assertTrue(statuses.stream().anyMatch(r -> r.value1().equals("customer@demo.test") && r.value2() == OutboxStatus.SENT),
                    "the other recipient still gets theirs");
        }
    }

    @Test
    void twoPortalsOnOnePostgresqlDatabaseSendEachMessageOnce() throws Exception {
        try (Smtp smtp = new Smtp(); TestPortal first = TestPortal.withMail("postgresql", "2026-06-01T12:00:00Z", smtp.port);
             TestPortal second = TestPortal.alongside(first.database(), "2026-06-01T12:00:00Z", smtp.port)) {
            // 30 moves of the demo bookings back and forth: 60 messages or so, queued by both portals.
            long id = acme(first);
            for (int i = 0; i < 10; i++) {
                TestPortal portal = i % 2 == 0 ? first : second;
                WebClient casey = portal.signedIn("customer@demo.test");
                String page = casey.get("/bookings/" + id).body();
                var m = java.util.regex.Pattern.compile("<option value=\"(\\d+)\"").matcher(page);
                assertTrue(m.find(), "a window to move to");
                assertEquals(303, casey.post("/bookings/" + id + "/reschedule", Map.of("windowId", m.group(1))).statusCode());
            }
            int queued = first.db.fetchCount(OUTBOX_MESSAGE);
            var pool = Executors.newFixedThreadPool(4);
            List<Callable<Integer>> rounds = List.of(first::deliverMail, second::deliverMail, first::deliverMail, second::deliverMail);
            int sent = 0;
            for (var f : pool.invokeAll(rounds)) {
                sent += f.get();
            }
            pool.shutdown();
            assertEquals(queued, sent, "every message sent by exactly one of them");
            assertEquals(queued, smtp.received().size());
            var ids = new HashSet<String>();
            for (MimeMessage message : smtp.received()) {
                assertTrue(ids.add(Smtp.header(message, "Message-ID")), "no message twice");
            }
        }
    }
}
