package ltsportal.jobs;

import java.time.Duration;

/**
 * One piece of background work, declared once: its name (the scheduler's key and what {@code /admin/jobs} shows),
 * what it does in a sentence, how long after a run ends the next one starts, and the work itself.
 *
 * @param unit what the work's count counts, in the plural ("messages sent"): a run's result reads "messages sent: 3"
 */
public record Job(String name, String purpose, Duration every, String unit, Work work) {
    public Job {
        if (!name.matches("[a-z][a-z-]{0,39}")) {
            throw new IllegalArgumentException("a job's name is lower-case words joined by hyphens: " + name);
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("a job runs after a positive delay: " + name);
        }
    }

    /** The work of one run: how many things it did (messages sent, rows purged, alerts queued). */
    @FunctionalInterface
    public interface Work {
        int run() throws Exception;
    }
}
