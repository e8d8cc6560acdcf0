package ltsportal.jobs;

import static ltsportal.db.Tables.JOB_RUN;
import static ltsportal.db.Tables.SCHEDULED_TASKS;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * The record of each job's runs ({@code job_run}) and what the scheduler holds of each job ({@code scheduled_tasks}),
 * for {@code /admin/jobs}. Times are real time, as in a log: the scheduler runs on the system clock.
 */
public final class JobRuns {
    /** How many runs of each job the purge keeps. */
    static final int KEEP = 100;
    private static final int ERROR_LENGTH = 1000;
    private final DSLContext db;

    public JobRuns(DSLContext db) {
        this.db = db;
    }

    /** A run, finished or not. {@code finished} null: running, or its instance stopped before it ended. */
    public record Run(long id, String job, String instance, Instant started, Instant finished, String outcome, String result, String error) {
        public Duration took() {
            return finished == null ? null : Duration.between(started, finished);
        }
    }

    /** What the scheduler holds of a job: when it is due next and, while it runs, who has it and their last heartbeat. */
    public record Held(Instant due, boolean picked, String pickedBy, Instant heartbeat) {
    }

    long started(String job, String instance, Instant at) {
        return db.insertInto(JOB_RUN).set(JOB_RUN.JOB, job).set(JOB_RUN.INSTANCE, instance).set(JOB_RUN.STARTED_AT, utc(at))
                .set(JOB_RUN.OUTCOME, "running").returning(JOB_RUN.ID).fetchSingle(JOB_RUN.ID);
    }

    void finished(long id, Instant at, String result, String error) {
        db.update(JOB_RUN).set(JOB_RUN.FINISHED_AT, utc(at)).set(JOB_RUN.OUTCOME, error == null ? "ok" : "failed")
                .set(JOB_RUN.RESULT, result).set(JOB_RUN.ERROR, error == null ? null : clip(error)).where(JOB_RUN.ID.eq(id)).execute();
    }

    /** The latest run of each job, by name. */
    public Map<String, Run> latest() {
        return newestOfEachJob(org.jooq.impl.DSL.noCondition());
    }

    /** The latest failed run of each job, by name: what went wrong last, even after later runs went well. */
    public Map<String, Run> lastFailures() {
        return newestOfEachJob(JOB_RUN.OUTCOME.eq("failed"));
    }

    private Map<String, Run> newestOfEachJob(org.jooq.Condition among) {
        var newest = db.select(JOB_RUN.JOB, org.jooq.impl.DSL.max(JOB_RUN.ID).as("id")).from(JOB_RUN).where(among)
                .groupBy(JOB_RUN.JOB).asTable("newest");
        return db.select(JOB_RUN.asterisk()).from(JOB_RUN).join(newest).on(JOB_RUN.ID.eq(newest.field("id", Long.class)))
                .fetchInto(JOB_RUN).stream().map(JobRuns::run).collect(Collectors.toMap(Run::job, r -> r));
    }

    public Map<String, Held> held() {
        return db.selectFrom(SCHEDULED_TASKS).fetch().stream().collect(Collectors.toMap(r -> r.getTaskName(), r -> new Held(
                instant(r.getExecutionTime()), r.getPicked(), r.getPickedBy(), instant(r.getLastHeartbeat())), (a, b) -> a));
    }

    /**
     * Keeps the latest {@link #KEEP} runs of each job; a run left unfinished by an instance that stopped is marked as
     * such once it is a day old. How many rows changed.
     */
    public int purge(Instant now) {
        int n = db.update(JOB_RUN).set(JOB_RUN.OUTCOME, "failed").set(JOB_RUN.FINISHED_AT, utc(now))
                .set(JOB_RUN.ERROR, "did not finish: its instance stopped while it ran")
                .where(JOB_RUN.OUTCOME.eq("running")).and(JOB_RUN.STARTED_AT.lt(utc(now.minus(Duration.ofDays(1))))).execute();
        for (String job : db.selectDistinct(JOB_RUN.JOB).from(JOB_RUN).fetch(JOB_RUN.JOB)) {
            Optional<Long> oldestKept = db.select(JOB_RUN.ID).from(JOB_RUN).where(JOB_RUN.JOB.eq(job)).orderBy(JOB_RUN.ID.desc())
                    .offset(KEEP - 1).limit(1).fetchOptional(JOB_RUN.ID);
            if (oldestKept.isPresent()) {
                n += db.deleteFrom(JOB_RUN).where(JOB_RUN.JOB.eq(job)).and(JOB_RUN.ID.lt(oldestKept.get())).execute();
            }
        }
        return n;
    }

    private static Run run(ltsportal.db.tables.records.JobRunRecord r) {
        return new Run(r.getId(), r.getJob(), r.getInstance(), instant(r.getStartedAt()), instant(r.getFinishedAt()), r.getOutcome(),
                r.getResult(), r.getError());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String s) {
        return s.length() <= ERROR_LENGTH ? s : s.substring(0, ERROR_LENGTH - 1) + "…";
    }
}
