package ltsportal.jobs;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.EMAIL_TOKEN;
import static ltsportal.db.Tables.INVITATION;
import static ltsportal.db.Tables.JOB_RUN;
import static ltsportal.db.Tables.ORGANIZATION;
import static ltsportal.db.Tables.OUTBOX_MESSAGE;
import static ltsportal.db.Tables.SIGN_IN_THROTTLE;
import static ltsportal.db.Tables.USER_SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import ltsportal.mail.Letter;
import ltsportal.mail.Outbox;
import ltsportal.support.OnBothDatabasesWithMail;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The background jobs as an admin sees them at {@code /admin/jobs}, a failing job logged once per change of state, and
 * the purge, on both databases. The jobs are run by hand here; {@code ops.JobsTakeoverTest} runs the scheduler itself.
 */
class JobsHttpTest extends OnBothDatabasesWithMail {

    private void queue(String key) {
        Outbox.enqueue(portal.db, portal.clock, new Letter(key, "test", "casey@example.test", "Casey", "Subject " + key, "text", "<p>html</p>",
                null, null, false));
    }

    @Test
    void everyJobIsListedWithItsLastRunAndWhatItDid() {
        WebClient admin = portal.signedIn("admin@demo.test");
        String before = admin.get("/admin/jobs").body();
        for (Job job : portal.jobs.all()) {
            assertTrue(before.contains("id=\"job-" + job.name() + "\" data-outcome=\"never\""), job.name() + " is listed, not run yet:\n" + before);
        }
        assertEquals(6, portal.jobs.all().size(), "outbox, reminders, two alerts, the snapshot and the purge");
        assertTrue(before.contains("id=\"not-scheduled\""), "the tests' portal runs no scheduler, and the page says so");

        queue("one");
        queue("two");
        assertEquals(2, portal.deliverMail());
        String after = admin.get("/admin/jobs").body();
        assertTrue(after.contains("id=\"job-outbox\" data-outcome=\"ok\""), after);
        assertTrue(after.contains("messages sent: 2"), after);
        assertTrue(after.contains("weeks recorded: "), "the snapshot ran too:\n" + after);
        assertTrue(after.contains("on " + Jobs.thisInstance()), "which instance ran it");
        assertEquals(403, portal.signedIn("manager@demo.test").get("/admin/jobs").statusCode());
    }

    @Test
    void aFailingJobShowsItsErrorAndIsLoggedOnceUntilItWorksAgain() {
        Logger logger = (Logger) LoggerFactory.getLogger(Jobs.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO); // the tests' logging shows warnings only; the recovery is logged at INFO
        try {
            smtp.stop();
            queue("waiting");
            for (int round = 0; round < 3; round++) {
                assertEquals(-1, portal.deliverMail(), "the outbox job fails while the mail server is down");
                portal.clock.advance(Duration.ofMinutes(5));
            }
            assertEquals(1, log.list.stream().filter(e -> e.getLevel() == Level.WARN).count(), "three failed rounds, one warning: " + log.list);
            String failing = portal.signedIn("admin@demo.test").get("/admin/jobs").body();
            assertTrue(failing.contains("id=\"job-outbox\" data-outcome=\"failed\""), failing);
            assertTrue(failing.contains("the mail server did not take message"), "the error, in words:\n" + failing);

            smtp.start();
            assertEquals(1, portal.deliverMail());
            assertEquals(1, log.list.stream().filter(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().contains("works again")).count(),
                    "its recovery is logged once: " + log.list);
            assertEquals(1, portal.deliverMail() + 1, "nothing left, and no more log lines");
            assertEquals(2, log.list.size(), String.valueOf(log.list));
            String recovered = portal.signedIn("admin@demo.test").get("/admin/jobs").body();
            assertTrue(recovered.contains("id=\"job-outbox\" data-outcome=\"ok\""), recovered);
            assertTrue(recovered.contains("Last failed"), "what went wrong last stays in view:\n" + recovered);
        } finally {
            logger.setLevel(level);
            logger.detachAppender(log);
        }
    }

    @Test
    void thePurgeRemovesWhatNoOneCanUseAnyMoreAndKeepsTheRest() {
        OffsetDateTime now = portal.clock.instant().atOffset(ZoneOffset.UTC);
        // a sign-in counter quiet for more than a day, and one of an hour ago
        for (String key : new String[] {"a|quiet@example.test", "a|recent@example.test"}) {
            portal.db.insertInto(SIGN_IN_THROTTLE).set(SIGN_IN_THROTTLE.THROTTLE_KEY, key).set(SIGN_IN_THROTTLE.FAILURES, 3)
                    .set(SIGN_IN_THROTTLE.LAST_FAILURE_AT, key.contains("quiet") ? now.minusHours(25) : now.minusHours(1)).execute();
        }
        // a session idle for 31 minutes, and one just used
        portal.signedIn("customer@demo.test");
        portal.clock.advance(Duration.ofMinutes(31));
        portal.signedIn("manager@demo.test");
        now = portal.clock.instant().atOffset(ZoneOffset.UTC);
        // a mail sent 91 days ago, one sent now
        queue("old");
        queue("new");
        assertEquals(2, portal.deliverMail());
        portal.db.update(OUTBOX_MESSAGE).set(OUTBOX_MESSAGE.SENT_AT, now.minusDays(91)).where(OUTBOX_MESSAGE.DEDUPE_KEY.eq("old")).execute();
        // a password link that expired two days ago, and one still valid
        long casey = portal.db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq("customer@demo.test")).fetchSingle(APP_USER.ID);
        for (String hash : new String[] {"a".repeat(64), "b".repeat(64)}) {
            portal.db.insertInto(EMAIL_TOKEN).set(EMAIL_TOKEN.TOKEN_HASH, hash).set(EMAIL_TOKEN.USER_ID, casey).set(EMAIL_TOKEN.PURPOSE, "reset")
                    .set(EMAIL_TOKEN.CREATED_AT, now.minusDays(3)).set(EMAIL_TOKEN.EXPIRES_AT, hash.startsWith("a") ? now.minusDays(2) : now.plusHours(1))
                    .execute();
        }
        // an invitation that expired 31 days ago unused, and one still open
        long org = portal.db.select(ORGANIZATION.ID).from(ORGANIZATION).limit(1).fetchSingle(ORGANIZATION.ID);
        for (String hash : new String[] {"c".repeat(64), "d".repeat(64)}) {
            portal.db.insertInto(INVITATION).set(INVITATION.ORG_ID, org).set(INVITATION.EMAIL_KEY, hash.charAt(0) + "@example.test")
                    .set(INVITATION.TOKEN_HASH, hash).set(INVITATION.INVITED_BY, casey).set(INVITATION.CREATED_AT, now.minusDays(40))
                    .set(INVITATION.EXPIRES_AT, hash.startsWith("c") ? now.minusDays(31) : now.plusDays(3)).execute();
        }
        // more runs of one job than are kept
        for (int i = 0; i < JobRuns.KEEP + 5; i++) {
            portal.jobs.run("reminders");
        }
        int sessionsBefore = portal.db.fetchCount(USER_SESSION);
        int runsBefore = portal.db.fetchCount(JOB_RUN, JOB_RUN.JOB.eq("reminders"));

        int removed = portal.jobs.run("purge");

        assertEquals(java.util.List.of("a|recent@example.test"), portal.db.select(SIGN_IN_THROTTLE.THROTTLE_KEY).from(SIGN_IN_THROTTLE)
                .where(SIGN_IN_THROTTLE.THROTTLE_KEY.in("a|quiet@example.test", "a|recent@example.test")).fetch(SIGN_IN_THROTTLE.THROTTLE_KEY),
                "the quiet counter is gone");
        assertFalse(portal.db.fetchExists(USER_SESSION, USER_SESSION.USER_ID.eq(casey)), "the idle session is gone");
        assertTrue(portal.db.fetchExists(USER_SESSION), "the one in use stays");
        assertEquals(java.util.List.of("new"), portal.db.select(OUTBOX_MESSAGE.DEDUPE_KEY).from(OUTBOX_MESSAGE)
                .where(OUTBOX_MESSAGE.DEDUPE_KEY.in("old", "new")).fetch(OUTBOX_MESSAGE.DEDUPE_KEY));
        assertEquals(java.util.List.of("b".repeat(64)), portal.db.select(EMAIL_TOKEN.TOKEN_HASH).from(EMAIL_TOKEN).fetch(EMAIL_TOKEN.TOKEN_HASH));
        assertEquals(java.util.List.of("d@example.test"), portal.db.select(INVITATION.EMAIL_KEY).from(INVITATION)
                .where(INVITATION.EMAIL_KEY.in("c@example.test", "d@example.test")).fetch(INVITATION.EMAIL_KEY));
        assertEquals(JobRuns.KEEP, portal.db.fetchCount(JOB_RUN, JOB_RUN.JOB.eq("reminders")), "the latest runs of each job are kept");
        int sessionsGone = sessionsBefore - portal.db.fetchCount(USER_SESSION);
        assertEquals(1 + sessionsGone + 1 + 1 + 1 + (runsBefore - JobRuns.KEEP), removed, "the purge counts what it removed");
        assertTrue(portal.signedIn("admin@demo.test").get("/admin/jobs").body().contains("rows removed: " + removed));
    }
}
