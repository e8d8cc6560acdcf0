package ltsportal.fleet;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ltsportal.accounts.Auth;
import ltsportal.catalog.Catalog;
import ltsportal.catalog.ReleaseLine;
import ltsportal.catalog.SupportCheck;
import ltsportal.catalog.Version;
import ltsportal.notes.Echo;
import ltsportal.planner.Planner;
import ltsportal.web.Csv;
import ltsportal.web.Form;
import ltsportal.web.Json;
import ltsportal.web.Templates;

/**
 * The north star for staff at {@code /manage/fleet}: the share of registered instances on maintained versions and
 * on LTS lines today and week by week, who falls off support within 30, 60 and 90 days, the versions run, and the
 * demand a spike to a given line would meet. Each table as CSV, and the numbers as JSON at
 * {@code /api/v1/fleet/summary}.
 */
public final class FleetPages {
    /** The window length the forecast assumes when none is asked for (the demo spike's). */
    static final int DEFAULT_WINDOW_MINUTES = 240;

    private final Instances instances;
    private final SupportCheck check;
    private final FleetSnapshots snapshots;
    private final Planner planner;
    private final Catalog catalog;
    private final Clock clock;

    public FleetPages(Instances instances, SupportCheck check, FleetSnapshots snapshots, Planner planner, Catalog catalog, Clock clock) {
        this.instances = instances;
        this.check = check;
        this.snapshots = snapshots;
        this.planner = planner;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Instances leaving support in one span of days, by organization. */
    public record EndingGroup(String title, Map<String, List<InstanceStatus>> byOrganization) {
    }

    public record FleetPage(FleetStats.Summary summary, List<FleetSnapshots.Week> weeks, String chartSvg,
                            List<EndingGroup> ending, List<FleetStats.LineCount> versions,
                            FleetStats.Forecast forecast, String target, String windowMinutes, Map<String, String> errors,
                            List<String> targets, LocalDate today) {
    }

    /** The forecast's inputs as typed: a release line (default the newest LTS line) and the window length. */
    private record ForecastInput(String target, String minutes, int windowMinutes, Map<String, String> errors) {
    }

    private ForecastInput input(Context ctx) {
        Form in = Form.ofQuery(ctx);
        String target = in.text("target").isEmpty() ? defaultTarget() : in.text("target");
        String minutes = in.text("window").isEmpty() ? String.valueOf(DEFAULT_WINDOW_MINUTES) : in.text("window");
        var line = Version.parse(target).flatMap(catalog::line);
        in.check(line.isPresent() && !Version.parse(target).get().hasPatch(), "target",
                "\u201c" + Echo.clip(target) + "\u201d is not a release line we know, such as " + defaultTarget() + ".");
        Integer m = in.number("window", minutes, 30, 24 * 60, "Give the window length in minutes, from 30 to 1440.");
        return new ForecastInput(target, minutes, m == null ? DEFAULT_WINDOW_MINUTES : m, in.errors());
    }

    private String defaultTarget() {
        return catalog.lines().stream().filter(ReleaseLine::lts).findFirst().orElse(catalog.newest()).name();
    }

    private List<InstanceStatus> fleet(Context ctx) {
        LocalDate today = LocalDate.now(clock);
        return instances.list(Auth.user(ctx)).stream().map(i -> InstanceStatus.of(i, check, today)).toList();
    }

    public void page(Context ctx) {
        var all = fleet(ctx);
        var in = input(ctx);
        LocalDate today = LocalDate.now(clock);
        var weeks = snapshots.weeks();
        var forecast = in.errors().isEmpty() ? FleetStats.forecast(all, planner, in.target(), in.windowMinutes(), today) : null;
        List<String> targets = catalog.lines().stream().filter(l -> l.lts() || l == catalog.newest()).map(ReleaseLine::name).toList();
        Templates.render(ctx, in.errors().isEmpty() ? 200 : Form.INVALID, "fleet/dashboard", new FleetPage(FleetStats.summary(all), weeks,
                FleetChart.svg(weeks), List.of(
                        new EndingGroup("Within 30 days", FleetStats.byOrganization(FleetStats.endingWithin(all, 30))),
                        new EndingGroup("In 31 to 60 days", FleetStats.byOrganization(FleetStats.endingWithin(all, 60).stream()
                                .filter(s -> s.daysLeft() > 30).toList())),
                        new EndingGroup("In 61 to 90 days", FleetStats.byOrganization(FleetStats.endingWithin(all, 90).stream()
                                .filter(s -> s.daysLeft() > 60).toList()))),
                FleetStats.versions(all), forecast, in.target(), in.minutes(), in.errors(), targets, today));
    }

    /** {@code /manage/fleet/{table}.csv}: ending, versions, forecast or trend; RFC 4180, formulas defused. */
    public void csv(Context ctx) {
        String table = ctx.pathParam("table");
        var all = fleet(ctx);
        List<String> rows = new ArrayList<>();
        switch (table) {
            case "ending" -> {
                rows.add(Csv.row("organization", "instance", "version", "status", "support_ends", "days_left", "recommended_target"));
                FleetStats.endingWithin(all, 90).forEach(s -> rows.add(Csv.row(s.instance().orgName(), s.instance().name(),
                        s.instance().version(), s.label(), String.valueOf(s.endsOn()), String.valueOf(s.daysLeft()),
                        s.target() == null ? "" : s.target().toString())));
            }
            case "versions" -> {
                rows.add(Csv.row("line", "status", "instances"));
                FleetStats.versions(all).forEach(v -> rows.add(Csv.row(v.line(), v.status(), String.valueOf(v.instances()))));
            }
            case "forecast" -> {
                var in = input(ctx);
                if (!in.errors().isEmpty()) {
                    ctx.status(Form.INVALID).contentType("text/plain; charset=utf-8").result(String.join("\n", in.errors().values()) + "\n");
                    return;
                }
                var f = FleetStats.forecast(all, planner, in.target(), in.windowMinutes(), LocalDate.now(clock));
                rows.add(Csv.row("organization", "instance", "version", "target_line", "hops", "likely_minutes", "windows", "problem"));
                f.demands().forEach(d -> rows.add(Csv.row(d.status().instance().orgName(), d.status().instance().name(),
                        d.status().instance().version(), f.targetLine(), String.valueOf(d.hops()), String.valueOf(d.minutes()),
                        String.valueOf(d.windows()), d.problem() == null ? "" : d.problem())));
            }
            case "trend" -> {
                rows.add(Csv.row("week_start", "instances", "maintained", "on_lts", "ended", "maintained_percent", "lts_percent"));
                snapshots.weeks().forEach(w -> rows.add(Csv.row(w.weekStart().toString(), String.valueOf(w.instances()),
                        String.valueOf(w.maintained()), String.valueOf(w.onLts()), String.valueOf(w.ended()),
                        String.valueOf(w.maintainedPercent()), String.valueOf(w.ltsPercent()))));
            }
            default -> throw new ltsportal.web.PageNotFound("There is no such table: ending, versions, forecast or trend.");
        }
        ctx.header("Content-Disposition", "attachment; filename=\"fleet-" + table + ".csv\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/csv; charset=utf-8").result(String.join("", rows));
    }

    public record SummaryJson(String asOf, int instances, int maintained, int onLts, int ended, int maintainedPercent, int ltsPercent,
                              int endingWithin30Days, int endingWithin60Days, int endingWithin90Days, int newerThanData,
                              List<FleetStats.LineCount> versions, List<FleetSnapshots.Week> weeks) {
    }

    /** {@code GET /api/v1/fleet/summary} for staff: the dashboard's numbers. */
    public void summary(Context ctx) {
        var all = fleet(ctx);
        var s = FleetStats.summary(all);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8").result(Json.write(new SummaryJson(LocalDate.now(clock).toString(),
                s.instances(), s.maintained(), s.onLts(), s.ended(), s.maintainedPercent(), s.ltsPercent(), s.endingWithin30(),
                s.endingWithin60(), s.endingWithin90(), s.newerThanData(), FleetStats.versions(all), snapshots.weeks())));
    }
}
