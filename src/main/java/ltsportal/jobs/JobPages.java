package ltsportal.jobs;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import ltsportal.web.Templates;

/** {@code /admin/jobs}: each background job with its last run, how it went, and when it runs next. */
public final class JobPages {
    private final Jobs jobs;
    private final boolean scheduled;

    /** {@code scheduled}: whether this instance runs the scheduler (off where {@code PORTAL_MAIL_POLL_MS} is 0). */
    public JobPages(Jobs jobs, boolean scheduled) {
        this.jobs = jobs;
        this.scheduled = scheduled;
    }

    /**
     * One job. {@code last} and {@code lastFailure} may be null (never run, never failed); {@code lastFailure} is only
     * given when a later run went well, so the page still shows what went wrong. {@code runningOn}: the instance that
     * holds the job right now, or null.
     */
    public record Row(String name, String purpose, String every, JobRuns.Run last, String took, JobRuns.Run lastFailure, Instant due,
                      String runningOn, Instant heartbeat) {
    }

    public record JobsPage(List<Row> jobs, boolean scheduled) {
    }

    public void list(Context ctx) {
        var latest = jobs.runs().latest();
        var failures = jobs.runs().lastFailures();
        var held = jobs.runs().held();
        List<Row> rows = jobs.all().stream().map(job -> {
            JobRuns.Run last = latest.get(job.name());
            JobRuns.Run failure = failures.get(job.name());
            JobRuns.Held h = held.get(job.name());
            return new Row(job.name(), job.purpose(), every(job.every()), last, last == null || last.took() == null ? null : took(last.took()),
                    failure != null && last != null && failure.id() != last.id() ? failure : null,
                    h == null ? null : h.due(), h != null && h.picked() ? h.pickedBy() : null, h == null ? null : h.heartbeat());
        }).toList();
        Templates.render(ctx, "admin/jobs", new JobsPage(rows, scheduled));
    }

    static String every(Duration d) {
        if (d.toHours() > 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return d.toHours() == 1 ? "every hour" : "every " + d.toHours() + " hours";
        }
        if (d.toMinutes() > 0 && d.toSecondsPart() == 0 && d.toMillisPart() == 0) {
            return d.toMinutes() == 1 ? "every minute" : "every " + d.toMinutes() + " minutes";
        }
        if (d.toMillisPart() == 0) {
            return d.toSeconds() == 1 ? "every second" : "every " + d.toSeconds() + " seconds";
        }
        return "every " + d.toMillis() + " ms";
    }

    static String took(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
