package ltsportal.ops;

import static ltsportal.db.Tables.OUTBOX_MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import ltsportal.Database;
import ltsportal.mail.Letter;
import ltsportal.mail.Outbox;
import ltsportal.support.PortalProcess;
import ltsportal.support.Smtp;
import ltsportal.support.TcpProxy;
import ltsportal.support.TestDatabase;
import ltsportal.support.TestPortal;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A portal killed (SIGKILL) while it sends its outbox loses no message. Over SMTP no sender can know
 * whether a message the server was taking at the moment of the kill arrived, so the one in flight may
 * go out again after the restart: with the same Message-ID, which mail systems use to drop the copy.
 */
@Tag("functional")
class MailRestartTest {
    private static final int MESSAGES = 120;

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPortalKilledWhileSendingLosesNoMessageAndRepeatsAtMostTheOneInFlightWithItsMessageId() throws Exception {
        try (Smtp smtp = new Smtp(); TcpProxy toSmtp = new TcpProxy("127.0.0.1", smtp.port); TestDatabase database = TestDatabase.postgres()) {
            Database.migrate(database.dataSource);
            DSLContext db = Database.dsl(database.dataSource, database.jdbcUrl);
            ltsportal.support.Fixture.seed(db, Instant.parse("2026-06-01T12:00:00Z"));
            for (int i = 0; i < MESSAGES; i++) {
                Outbox.enqueue(db, Clock.systemUTC(), new Letter("restart-test:" + i, "test", "person" + i + "@example.test", null,
                        "Restart test " + i, "Message " + i, "<p>Message " + i + "</p>", null, null, false));
            }
            Map<String, String> env = new HashMap<>(Map.of("PORTAL_SMTP_HOST", "127.0.0.1", "PORTAL_SMTP_PORT", String.valueOf(toSmtp.port()),
                    "PORTAL_SMTP_TLS", "none", "PORTAL_CLOCK", "", "PORTAL_MAIL_POLL_MS", "100", "PORTAL_MAIL_CLAIM_SECONDS", "3",
                    "PORTAL_JOB_LEASE_SECONDS", "4")); // the restarted portal takes the killed one's outbox job over after 4 s
            try (PortalProcess portal = PortalProcess.start(database.jdbcUrl, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD, "512m",
                    false, env)) {
                assertTrue(smtp.await(20, 60_000), "the portal sends:\n" + portal.log());
                // the mail server goes away under the sender, so the portal is killed mid-way however fast it sends
                toSmtp.cut();
                portal.kill();
            }
            int atKill = smtp.received().size();
            assertTrue(atKill < MESSAGES, "killed in the middle (" + atKill + " of " + MESSAGES + " sent)");
            toSmtp.restore();

            try (PortalProcess again = PortalProcess.start(database.jdbcUrl, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD, "512m",
                    false, env)) {
                assertTrue(smtp.await(MESSAGES, 90_000), "every message arrives after the restart:\n" + again.log());
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                while (db.fetchCount(OUTBOX_MESSAGE, OUTBOX_MESSAGE.STATUS.ne(ltsportal.mail.OutboxStatus.SENT)) > 0 && Instant.now().isBefore(deadline)) {
                    Thread.onSpinWait(); // the last ones are being marked
                }
                assertEquals(0, db.fetchCount(OUTBOX_MESSAGE, OUTBOX_MESSAGE.STATUS.ne(ltsportal.mail.OutboxStatus.SENT)), "every message marked sent");
            }
            var ours = smtp.received().stream().filter(m -> subject(m).startsWith("Restart test ")).toList();
            var ids = new HashSet<String>();
            var subjects = new HashSet<String>();
            for (MimeMessage m : ours) {
                ids.add(Smtp.header(m, "Message-ID"));
                subjects.add(subject(m));
            }
            assertEquals(MESSAGES, subjects.size(), "no message lost");
            assertEquals(MESSAGES, ids.size(), "a repeat carries the same Message-ID");
            assertTrue(ours.size() <= MESSAGES + 1, "at most the one in flight went out twice: " + ours.size());
        }
    }
}
