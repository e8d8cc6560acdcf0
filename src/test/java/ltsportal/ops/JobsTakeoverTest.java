package ltsportal.ops;

import static ltsportal.db.Tables.JOB_RUN;
import static ltsportal.db.Tables.SCHEDULED_TASKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import ltsportal.Database;
import ltsportal.db.tables.records.JobRunRecord;
import ltsportal.mail.Letter;
import ltsportal.mail.Outbox;
import ltsportal.support.PortalProcess;
import ltsportal.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two portals on one PostgreSQL database run each background job one at a time between them, and when the one holding
 * a job is killed (SIGKILL) in the middle of a run, the other takes the job over once the lease has run out.
 * The outbox job is held on purpose: the mail server here accepts connections and never answers, so a run lasts
 * until the mail client's 20-second read timeout, far longer than the 4-second lease.
 */
@Tag("functional")
class JobsTakeoverTest {
    private static final Duration LEASE = Duration.ofSeconds(4);

    @Test
    void eachJobRunsOnOneInstanceAtATimeAndIsTakenOverWhenItsHolderIsKilled() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); TestDatabase database = TestDatabase.postgres()) {
            Database.migrate(database.dataSource);
            DSLContext db = Database.dsl(database.dataSource, database.jdbcUrl);
            ltsportal.support.Fixture.seed(db, Instant.parse("2026-06-01T12:00:00Z"));
            Outbox.enqueue(db, Clock.systemUTC(), new Letter("takeover-test", "test", "casey@example.test", null, "Held", "text", "<p>text</p>",
                    null, null, false));
            Map<String, String> env = Map.of("PORTAL_SMTP_HOST", "127.0.0.1", "PORTAL_SMTP_PORT", String.valueOf(silent.getLocalPort()),
                    "PORTAL_SMTP_TLS", "none", "PORTAL_CLOCK", "", "PORTAL_MAIL_POLL_MS", "200", "PORTAL_JOB_LEASE_SECONDS", String.valueOf(LEASE.toSeconds()));
            try (PortalProcess one = PortalProcess.start(database.jdbcUrl, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD, "512m", false, env);
                 PortalProcess two = PortalProcess.start(database.jdbcUrl, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD, "512m", false, env)) {
                // the outbox job is taken by one of them and hangs on the silent mail server (the system clock: the message is due)
                JobRunRecord held = await(() -> db.selectFrom(JOB_RUN).where(JOB_RUN.JOB.eq("outbox"), JOB_RUN.OUTCOME.eq("running"))
                        .and(JOB_RUN.STARTED_AT.lt(java.time.OffsetDateTime.now().minusSeconds(1))).fetchOptional().orElse(null), Duration.ofSeconds(30), "an outbox run in progress:\n" + one.log() + two.log());
                var task = db.selectFrom(SCHEDULED_TASKS).where(SCHEDULED_TASKS.TASK_NAME.eq("outbox")).fetchSingle();
                assertTrue(task.getPicked(), "the scheduler's row says the job is taken");
                assertEquals(held.getInstance(), task.getPickedBy(), "by the instance whose run is in progress");
                // every job has run once at start, each on one of the two
                await(() -> db.fetchCount(JOB_RUN, JOB_RUN.OUTCOME.eq("ok")) >= 5 ? true : null, Duration.ofSeconds(30),
                        "the other jobs' first runs");

                long holderPid = Long.parseLong(held.getInstance().substring(0, held.getInstance().indexOf('@')));
                PortalProcess holder = one.pid() == holderPid ? one : two;
                PortalProcess other = holder == one ? two : one;
                task = db.selectFrom(SCHEDULED_TASKS).where(SCHEDULED_TASKS.TASK_NAME.eq("outbox")).fetchSingle();
                holder.kill();
                Instant killed = Instant.now();

                JobRunRecord taken = await(() -> db.selectFrom(JOB_RUN).where(JOB_RUN.JOB.eq("outbox"), JOB_RUN.ID.gt(held.getId()))
                        .orderBy(JOB_RUN.ID).limit(1).fetchOptional().orElse(null), Duration.ofSeconds(30), "the survivor takes the outbox job:\n" + other.log());
                assertNotEquals(held.getInstance(), taken.getInstance());
                assertEquals(other.pid() + "@", taken.getInstance().substring(0, taken.getInstance().indexOf('@') + 1), "the survivor runs it");
                Duration waited = Duration.between(killed, taken.getStartedAt().toInstant());
                assertTrue(waited.compareTo(LEASE.minusSeconds(1)) >= 0, "not before the killed holder's lease ran out (" + waited + "), killed at "
                        + killed + ", task at the kill " + task + "\n" + db.selectFrom(JOB_RUN).orderBy(JOB_RUN.ID).fetch());
                assertEquals("running", db.select(JOB_RUN.OUTCOME).from(JOB_RUN).where(JOB_RUN.ID.eq(held.getId())).fetchSingle().value1(),
                        "the killed run never finished");
            }

            // at no moment did two runs of one job overlap
            List<String> overlaps = new ArrayList<>();
            for (String job : db.selectDistinct(JOB_RUN.JOB).from(JOB_RUN).fetch(JOB_RUN.JOB)) {
                JobRunRecord previous = null;
                for (JobRunRecord run : db.selectFrom(JOB_RUN).where(JOB_RUN.JOB.eq(job)).orderBy(JOB_RUN.STARTED_AT, JOB_RUN.ID).fetch()) {
                    if (previous != null && previous.getFinishedAt() != null && run.getStartedAt().isBefore(previous.getFinishedAt())) {
                        overlaps.add(job + ": run " + run.getId() + " on " + run.getInstance() + " started before run " + previous.getId()
                                + " on " + previous.getInstance() + " ended");
                    }
                    previous = run;
                }
            }
            assertTrue(overlaps.isEmpty(), String.join("\n", overlaps));
            assertNotNull(db.selectFrom(JOB_RUN).where(JOB_RUN.JOB.eq("purge")).fetchAny(), "the purge is one of the jobs");
        }
    }

    private static <T> T await(Supplier<T> found, Duration limit, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100); // polling the database for what another process writes
        }
        throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
    }
}
