package ltsportal.assistance;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import ltsportal.accounts.Auth;
import ltsportal.spikes.Spike;
import ltsportal.spikes.SpikePages;
import ltsportal.spikes.Spikes;
import ltsportal.web.Csv;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;

/** /manage/spikes/{id}/report and its CSV: what a spike came to, for its managers. */
public final class ReportPages {
    private final SpikeReports reports;
    private final Spikes spikes;

    public ReportPages(SpikeReports reports, Spikes spikes) {
        this.reports = reports;
        this.spikes = spikes;
    }

    /** The page's model: the report. */
    public record ReportPage(SpikeReports.Report report) {
    }

    public void page(Context ctx) {
        Templates.render(ctx, "assistance/report", new ReportPage(reports.of(Auth.user(ctx), spike(ctx))));
    }

    /** One row per booking, times in UTC (ISO 8601), for a spreadsheet. */
    public void csv(Context ctx) {
        Spike spike = spike(ctx);
        var report = reports.of(Auth.user(ctx), spike);
        StringBuilder out = new StringBuilder(Csv.row("booking", "organization", "instance", "window_start_utc", "status", "review",
                "approved_before_window", "deployment", "starting_version", "target_version", "outcome", "reached_version",
                "duration_minutes"));
        for (var line : report.lines()) {
            var b = line.booking();
            var o = b.outcome();
            out.append(Csv.row(String.valueOf(b.id()), b.orgName(), b.intake().instanceName(), b.windowStart().toString(),
                    b.status().key(), line.reviewStatus(), line.approvedBeforeWindow() ? "yes" : "no", b.intake().deployment(),
                    b.intake().currentVersion(), b.intake().targetVersion(), o == null ? "" : o.outcome(),
                    o == null ? "" : o.reachedVersion(), o == null ? "" : String.valueOf(o.durationMinutes())));
        }
        ctx.header("Content-Disposition", "attachment; filename=\"spike-" + spike.id() + "-report.csv\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/csv; charset=utf-8").result(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Spike spike(Context ctx) {
        long id = SpikePages.parseId(ctx.pathParam("id"));
        return spikes.byId(id).orElseThrow(() -> new PageNotFound("There is no spike with this number."));
    }
}
