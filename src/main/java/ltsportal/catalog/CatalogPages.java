package ltsportal.catalog;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ltsportal.web.DateText;
import ltsportal.web.PageNotFound;

/** The catalog's pages: home with the support check, the lifecycle table, one page per line. */
public final class CatalogPages {
    /** Lines past their end of life that stay visible above "show older". */
    static final int RECENT_ENDED_SHOWN = 6;
    /** GitLab ships monthly: data older than this has missed at least one release. */
    static final int STALE_AFTER_DAYS = 45;

    private final Catalog catalog;
    private final SupportCheck check;
    private final Clock clock;

    public CatalogPages(Catalog catalog, SupportCheck check, Clock clock) {
        this.catalog = catalog;
        this.check = check;
        this.clock = clock;
    }

    public void home(Context ctx) {
        LocalDate today = LocalDate.now(clock);
        DateText dates = new DateText(today);
        List<LineStatus> statuses = statuses(today);
        Map<String, Object> model = new HashMap<>();
        model.put("dates", dates);
        model.put("staleData", stale(today));
        model.put("current", statuses.stream().filter(s -> s.supported() || s.phase() == Phase.UPCOMING).toList());
        model.put("lts", statuses.stream().filter(s -> s.line().lts()).toList());
        String version = ctx.queryParam("version");
        model.put("version", version == null ? "" : version);
        if (version != null) {
            model.put("answer", CheckAnswerText.of(check.check(version, today), dates));
        }
        ctx.render("catalog/home", model);
    }

    public void lifecycle(Context ctx) {
        LocalDate today = LocalDate.now(clock);
        List<LineStatus> all = statuses(today);
        List<LineStatus> ended = all.stream().filter(s -> s.phase() == Phase.END_OF_LIFE).toList();
        List<LineStatus> older = ended.subList(Math.min(RECENT_ENDED_SHOWN, ended.size()), ended.size());
        ctx.render("catalog/lifecycle", Map.of(
                "dates", new DateText(today),
                "staleData", stale(today),
                "recent", all.stream().filter(s -> !older.contains(s)).toList(),
                "older", older));
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
        ctx.render("catalog/line", Map.of(
                "dates", new DateText(today),
                "s", Lifecycle.status(line, today),
                "line", line));
    }

    private boolean stale(LocalDate today) {
        return catalog.product().dataAsOf().plusDays(STALE_AFTER_DAYS).isBefore(today);
    }

    private List<LineStatus> statuses(LocalDate today) {
        return catalog.lines().stream().map(l -> Lifecycle.status(l, today)).toList();
    }
}
