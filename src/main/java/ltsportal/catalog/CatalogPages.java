package ltsportal.catalog;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import ltsportal.web.DateText;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;

/** The catalog's pages: home with the support check, the lifecycle table, one page per line. */
public final class CatalogPages {
    /** Lines past their end of life that stay visible above "show older". */
    static final int RECENT_ENDED_SHOWN = 6;
    /** GitLab ships monthly: data older than this has missed at least one release. */
    static final int STALE_AFTER_DAYS = 45;

    private final Catalog catalog;
    private final SupportCheck check;
    private final TimelineChart timeline;
    private final SpikeInvite invite;
    private final Clock clock;

    public CatalogPages(Catalog catalog, SupportCheck check, TimelineChart timeline, SpikeInvite invite, Clock clock) {
        this.catalog = catalog;
        this.check = check;
        this.timeline = timeline;
        this.invite = invite;
        this.clock = clock;
    }

    /**
     * The home page: the version check (with its answer once asked), the supported and LTS lines, and the open
     * spike to book a window in ({@code invite}, null when there is none; the template shows it to signed-out visitors).
     */
    public record HomePage(DateText dates, boolean staleData, List<LineStatus> current, List<LineStatus> lts,
                           String version, CheckAnswerText answer, SpikeInvite.Invite invite) {
    }

    /** {@code timelineSvg} is drawn by {@link TimelineChart} with every text XML-escaped; {@code timeline} says it as a table. */
    public record LifecyclePage(DateText dates, boolean staleData, List<LineStatus> recent, List<LineStatus> older,
                                String timelineSvg, List<TimelineChart.Row> timeline) {
    }

    public record LinePage(DateText dates, boolean staleData, LineStatus s, ReleaseLine line) {
    }

    /** The home page's cache key: the page alone (a checked version renders afresh), with the spike it offers. */
    public String homeKey(Context ctx) {
        String path = ltsportal.web.PublicCache.byPath(ctx);
        return path == null ? null : path + " " + invite.next(LocalDate.now(clock)).map(Object::toString).orElse("");
    }

    public void home(Context ctx) {
        LocalDate today = LocalDate.now(clock);
        DateText dates = new DateText(today);
        List<LineStatus> statuses = statuses(today);
        String version = ctx.queryParam("version");
        Templates.render(ctx, "catalog/home", new HomePage(dates, stale(today),
                statuses.stream().filter(s -> s.supported() || s.phase() == Phase.UPCOMING).toList(),
                statuses.stream().filter(s -> s.line().lts()).toList(),
                version == null ? "" : version,
                version == null ? null : CheckAnswerText.of(check.check(version, today), dates, catalog),
                invite.next(today).orElse(null)));
    }

    public void lifecycle(Context ctx) {
        LocalDate today = LocalDate.now(clock);
        List<LineStatus> all = statuses(today);
        List<LineStatus> ended = all.stream().filter(s -> s.phase() == Phase.END_OF_LIFE).toList();
        List<LineStatus> older = ended.subList(Math.min(RECENT_ENDED_SHOWN, ended.size()), ended.size());
        Templates.render(ctx, "catalog/lifecycle", new LifecyclePage(new DateText(today), stale(today),
                all.stream().filter(s -> !older.contains(s)).toList(), older, timeline.inlineSvg(today), timeline.rows(today)));
    }

    public void line(Context ctx) {
        String cycle = ctx.pathParam("cycle");
        ReleaseLine line = Version.parse(cycle)
                .filter(v -> !v.hasPatch())
                .flatMap(catalog::line)
                .orElseThrow(() -> new PageNotFound(
                        "We have no GitLab release line called \u201c" + cycle + "\u201d. "
                                + "The catalog holds " + catalog.oldest().name() + " to " + catalog.newest().name() + "."));
        LocalDate today = LocalDate.now(clock);
        Templates.render(ctx, "catalog/line", new LinePage(new DateText(today), stale(today), Lifecycle.status(line, today), line));
    }

    private boolean stale(LocalDate today) {
        return catalog.product().dataAsOf().plusDays(STALE_AFTER_DAYS).isBefore(today);
    }

    private List<LineStatus> statuses(LocalDate today) {
        return catalog.lines().stream().map(l -> Lifecycle.status(l, today)).toList();
    }
}
