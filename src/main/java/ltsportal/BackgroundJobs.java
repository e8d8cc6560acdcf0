package ltsportal;

import java.time.Duration;
import java.util.List;
import ltsportal.jobs.Job;

/** What the portal does on its own: each background job once, with what it does and how often (run by {@code Jobs}). */
final class BackgroundJobs {
    private BackgroundJobs() {
    }

    /** Each job's work, as the features provide it. */
    record Work(Job.Work outbox, Job.Work reminders, Job.Work lifecycleAlerts, Job.Work instanceAlerts, Job.Work fleetSnapshot,
                Job.Work purge) {
    }

    /** {@code pollMillis}: how often the outbox job sends ({@code PORTAL_MAIL_POLL_MS}); {@code keepDays}: how long sent mail stays. */
    static List<Job> of(long pollMillis, int keepDays, Work work) {
        return List.of(
                new Job("outbox", "Sends the queued mail, one message at a time.",
                        Duration.ofMillis(pollMillis > 0 ? pollMillis : 2000), "messages sent", work.outbox()),
                new Job("reminders", "Queues the reminders: customers 48 hours before their window, engineers 2 hours before.",
                        Duration.ofMinutes(1), "reminders queued", work.reminders()),
                new Job("lifecycle-alerts", "Tells organizations with bookings when their release line leaves maintenance soon.",
                        Duration.ofMinutes(10), "warnings queued", work.lifecycleAlerts()),
                new Job("instance-alerts", "Tells organizations when an instance's release line leaves support soon.",
                        Duration.ofMinutes(10), "warnings queued", work.instanceAlerts()),
                new Job("fleet-snapshot", "Records this week's share of instances on maintained versions, once a week.",
                        Duration.ofHours(1), "weeks recorded", work.fleetSnapshot()),
                new Job("purge", "Removes expired sessions, sign-in links and challenges, quiet sign-in counters, old invitations, "
                        + "mail sent " + keepDays + " days ago and old job runs.", Duration.ofHours(1), "rows removed",
                        work.purge()));
    }
}
