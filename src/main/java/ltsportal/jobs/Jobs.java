package ltsportal.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every background job of the portal, run by one scheduler (db-scheduler). With several instances on one PostgreSQL
 * database each job runs on one instance at a time: an instance takes a due job by updating its row in
 * {@code scheduled_tasks} (an optimistic version check), renews its heartbeat while it runs, and if it dies the others
 * take the job over once the heartbeat is older than the lease. Each run is recorded in {@code job_run}; a job that
 * starts failing is logged once, and once more when it recovers, not at every round.
 */
public final class Jobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    private final List<Job> jobs;
    private final JobRuns runs;
    private final String instance;
    private final Clock clock;
    /** The last error of each job that is failing on this instance (none: it is not), for logging changes only. */
    private final Map<String, String> failing = new ConcurrentHashMap<>();
    private Scheduler scheduler;

    /** {@code instance}: this instance's name in the records, such as "4242@host". Runs are timed by {@code clock}. */
    public Jobs(List<Job> jobs, JobRuns runs, String instance, Clock clock) {
        this.jobs = List.copyOf(jobs);
        this.runs = runs;
        this.instance = instance.length() <= 50 ? instance : instance.substring(0, 50);
        this.clock = clock;
    }

    /** This process's name: its process id and host, as the JVM gives them. */
    public static String thisInstance() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
    }

    public List<Job> all() {
        return jobs;
    }

    public JobRuns runs() {
        return runs;
    }

    public Optional<Job> named(String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst();
    }

    /**
     * Runs a job here and now, on this thread, recorded like a scheduled run; what it counted, or -1 if it failed.
     * The scheduler calls this; so do tests, which run the jobs by hand.
     */
    public int run(String name) {
        Job job = named(name).orElseThrow(() -> new IllegalArgumentException("no job " + name));
        Instant started = clock.instant();
        Long id = null;
        try {
            id = runs.started(job.name(), instance, started);
            int count = job.work().run();
            runs.finished(id, clock.instant(), job.unit() + ": " + count, null);
            if (failing.remove(job.name()) != null) {
                LOG.info("Job {} works again after failing", job.name());
            }
            return count;
        } catch (Exception e) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            String before = failing.put(job.name(), error);
            if (!error.equals(before)) {
                LOG.warn("Job {} failed (logged again only when the error changes or the job recovers): {}", job.name(), error);
            }
            if (id != null) {
                try {
                    runs.finished(id, clock.instant(), null, error);
                } catch (RuntimeException ignored) {
                    // the database is what failed: the run's row says running until the purge marks it
                }
            }
            return -1;
        }
    }

    /**
     * Starts the scheduler: each job runs {@link Job#every()} after its last run ended, on whichever instance takes it.
     * {@code poll}: how often this instance looks for due jobs. {@code lease}: how long a job stays with an instance
     * that stopped renewing its heartbeat.
     */
    public synchronized void start(DataSource dataSource, Duration poll, Duration lease) {
        if (scheduler != null) {
            return;
        }
        List<RecurringTask<Void>> tasks = jobs.stream().map(job -> Tasks.recurring(job.name(), FixedDelay.of(job.every()))
                .execute((taskInstance, context) -> run(job.name()))).toList();
        scheduler = Scheduler.create(dataSource)
                .startTasks(tasks)
                .schedulerName(new SchedulerName.Fixed(instance))
                .pollingInterval(poll)
                .heartbeatInterval(lease.dividedBy(4))
                .missedHeartbeatsLimit(4)
                .threads(2)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        scheduler.start();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    /** The data source under a jOOQ context made with {@code DSL.using(dataSource, ...)}, as every context here is. */
    public static DataSource dataSourceOf(org.jooq.DSLContext db) {
        if (db.configuration().connectionProvider() instanceof org.jooq.impl.DataSourceConnectionProvider p) {
            return p.dataSource();
        }
        throw new IllegalArgumentException("the scheduler needs a context made from a data source");
    }
}
