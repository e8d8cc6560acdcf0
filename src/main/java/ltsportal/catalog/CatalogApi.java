package ltsportal.catalog;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ltsportal.web.ApiError;
import ltsportal.web.Conditional;
import ltsportal.web.Json;
import ltsportal.notes.Echo;

/**
 * The catalog as JSON in endoflife.date's v0 and v1 shapes, so clients written for it work here,
 * and the support check. Every answer carries a strong ETag.
 */
public final class CatalogApi {
    static final String JSON = "application/json; charset=utf-8";
    static final String SCHEMA_VERSION = "1.2.0";

    private final Catalog catalog;
    private final SupportCheck check;
    private final Clock clock;
    private final CatalogRevisions.Revision revision;

    public CatalogApi(Catalog catalog, SupportCheck check, Clock clock, CatalogRevisions.Revision revision) {
        this.catalog = catalog;
        this.check = check;
        this.clock = clock;
        this.revision = revision;
    }

    public void v0All(Context ctx) {
        List<Map<String, Object>> body = catalog.lines().stream().map(l -> v0(l, true)).toList();
        Conditional.send(ctx, JSON, Json.write(body));
    }

    public void v0One(Context ctx) {
        Conditional.send(ctx, JSON, Json.write(v0(lineFrom(ctx.pathParam("cycle")), false)));
    }

    public void v1Product(Context ctx) {
        LocalDate today = LocalDate.now(clock);
        Product p = catalog.product();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", p.name());
        result.put("label", p.label());
        result.put("category", p.category());
        result.put("links", Map.of("html", p.homepage(), "releasePolicy", p.releasePolicyUrl()));
        result.put("labels", Map.of("eoas", "Active support", "eol", "Maintenance"));
        result.put("releases", catalog.lines().stream().map(l -> v1(l, today)).toList());
        Conditional.send(ctx, JSON, Json.write(envelope(result, today)));
    }

    public void v1Release(Context ctx) {
        String cycle = ctx.pathParam("cycle");
        ReleaseLine line = cycle.equals("latest") ? catalog.newest() : lineFrom(cycle);
        LocalDate today = LocalDate.now(clock);
        Conditional.send(ctx, JSON, Json.write(envelope(v1(line, today), today)));
    }

    public void check(Context ctx) {
        String input = ctx.queryParam("version");
        if (input == null || input.isBlank()) {
            throw new ApiError(400, "Give the version to check, for example ?version=17.3.4");
        }
        LocalDate today = LocalDate.now(clock);
        SupportCheck.Answer answer = check.check(input, today);
        if (answer instanceof SupportCheck.Malformed) {
            throw new ApiError(400, "'" + Echo.clip(input) + "' is not a GitLab version such as 17.3.4");
        }
        if (answer instanceof SupportCheck.UnknownLine u) {
            throw new ApiError(404, "GitLab " + u.version().cycle() + " is not a release line in the catalog ("
                    + catalog.oldest().name() + " to " + catalog.newest().name() + ")");
        }
        var known = (SupportCheck.Known) answer;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", known.version().toString());
        body.put("cycle", known.line().name());
        body.put("status", known.status().key());
        body.put("supported", known.status().supported());
        body.put("eolFrom", known.line().supportEnds());
        body.put("latestPatch", known.line().latest().toString());
        body.put("recommendedTarget", known.recommendedTarget().toString());
        Conditional.send(ctx, JSON, Json.write(body));
    }

    private ReleaseLine lineFrom(String cycle) {
        var version = Version.parse(cycle).filter(v -> !v.hasPatch())
                .orElseThrow(() -> new ApiError(400, "'" + Echo.clip(cycle) + "' is not a release line such as 18.11"));
        return catalog.line(version)
                .orElseThrow(() -> new ApiError(404, "GitLab " + version + " is not a release line in the catalog"));
    }

    private static Map<String, Object> v0(ReleaseLine l, boolean withCycle) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (withCycle) {
            m.put("cycle", l.name());
        }
        m.put("releaseDate", l.releaseDate());
        m.put("eol", l.supportEnds());
        m.put("latest", l.latest().toString());
        m.put("latestReleaseDate", l.latestReleaseDate());
        m.put("lts", l.lts());
        m.put("support", l.eoas());
        return m;
    }

    private Map<String, Object> v1(ReleaseLine l, LocalDate today) {
        LineStatus s = Lifecycle.status(l, today);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("label", l.lts() ? l.name() + " (" + catalog.product().ltsLabel() + ")" : l.name());
        m.put("releaseDate", l.releaseDate());
        m.put("isLts", l.lts());
        m.put("ltsFrom", l.lts() ? l.releaseDate() : null);
        m.put("isEoas", !today.isBefore(l.eoas()));
        m.put("eoasFrom", l.eoas());
        m.put("isEol", s.phase() == Phase.END_OF_LIFE);
        m.put("eolFrom", l.supportEnds());
        m.put("isEoes", null);
        m.put("eoesFrom", null);
        m.put("isMaintained", s.supported());
        Map<String, Object> latest = new LinkedHashMap<>();
        latest.put("name", l.latest().toString());
        latest.put("date", l.latestReleaseDate());
        latest.put("link", null);
        m.put("latest", latest);
        return m;
    }

    /** generated_at moves only with the content or the day, so the ETag holds for a whole day. */
    private Map<String, Object> envelope(Object result, LocalDate today) {
        Instant dayStart = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant generated = dayStart.isAfter(revision.lastModified()) ? dayStart : revision.lastModified();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema_version", SCHEMA_VERSION);
        m.put("generated_at", generated.toString());
        m.put("last_modified", revision.lastModified().toString());
        m.put("result", result);
        return m;
    }

}
