package ltsportal.jobs;

import java.time.Duration;
import java.util.Map;

/**
 * How background jobs are held and what the purge keeps.
 *
 * @param lease          how long a job stays with an instance that stopped answering before another instance takes it
 *                       over ({@code PORTAL_JOB_LEASE_SECONDS}, default 30): the holder renews it every quarter of it
 * @param outboxKeepDays how long a sent message stays in the outbox for admins to read ({@code PORTAL_OUTBOX_KEEP_DAYS},
 *                       default 90); messages that failed stay until an admin retries them
 */
public record JobsConfig(Duration lease, int outboxKeepDays) {
    public static final JobsConfig DEFAULTS = new JobsConfig(Duration.ofSeconds(30), 90);

    public JobsConfig {
        if (lease.compareTo(Duration.ofSeconds(4)) < 0) {
            throw new IllegalArgumentException("PORTAL_JOB_LEASE_SECONDS must be at least 4");
        }
        if (outboxKeepDays < 1) {
            throw new IllegalArgumentException("PORTAL_OUTBOX_KEEP_DAYS must be at least 1");
        }
    }

    public static JobsConfig fromEnvironment(Map<String, String> env) {
        return new JobsConfig(Duration.ofSeconds(number(env, "PORTAL_JOB_LEASE_SECONDS", DEFAULTS.lease().toSeconds())),
                (int) number(env, "PORTAL_OUTBOX_KEEP_DAYS", DEFAULTS.outboxKeepDays()));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + raw + "'");
        }
    }
}
