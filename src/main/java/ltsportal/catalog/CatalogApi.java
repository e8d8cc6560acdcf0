package ltsportal.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import ltsportal.web.ApiError;
import ltsportal.web.Conditional;
import ltsportal.web.Json;
import ltsportal.notes.Echo;

/**
 * The catalog as JSON in endoflife.date's v0 and v1 shapes, so clients written for it work here,
 * and the support check. Every answer carries a weak ETag (the body may be sent gzipped or not; Vary says so).
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

    /** endoflife.date v0: one release line. {@code cycle} is left out where the URL names the line. */
    public record V0Line(@JsonInclude(JsonInclude.Include.NON_NULL) String cycle, LocalDate releaseDate, LocalDate eol,
                         String latest, LocalDate latestReleaseDate, boolean lts, LocalDate support) {
    }

    /** endoflife.date v1: a release, and the product with every release. */
    public record V1Release(String name, String label, LocalDate releaseDate, boolean isLts, LocalDate ltsFrom,
                            boolean isEoas, LocalDate eoasFrom, boolean isEol, LocalDate eolFrom, Boolean isEoes,
                            LocalDate eoesFrom, boolean isMaintained, V1Latest latest) {
    }

    public record V1Latest(String name, LocalDate date, String link) {
    }

    public record V1Product(String name, String label, String category, Links links, Labels labels,
                            List<V1Release> releases) {
    }

    public record Links(String html, String releasePolicy) {
    }

    public record Labels(String eoas, String eol) {
    }

    /** The v1 envelope around every answer. */
    public record Envelope(String schema_version, String generated_at, String last_modified, Object result) {
    }

    /** GET /api/v1/check: is this version supported, and what to upgrade to. */
    /** {@code recommendedTarget} is null when nothing known is above the version; {@code newerThanData}: see the README. */
    public record CheckAnswer(String version, String cycle, String status, boolean supported, LocalDate eolFrom,
                              String latestPatch, String recommendedTarget, boolean newerThanData, LocalDate dataAsOf) {
    }

    public void v0All(Context ctx) {
        List<V0Line> body = catalog.lines().stream().map(l -> v0(l, true)).toList();
        Conditional.send(ctx, JSON, Json.write(body));
    }

    public void v0One(Context ctx) {
        Conditional.send(ctx, JSON, Json.write(v0(lineFrom(ctx.pathParam("cycle")), false)));
    }

    public void v1Product(Context ctx) {
        LocalDate today = LocalDate.now(clock);
        Product p = catalog.product();
        var result = new V1Product(p.name(), p.label(), p.category(), new Links(p.homepage(), p.releasePolicyUrl()),
                new Labels("Active support", "Maintenance"), catalog.lines().stream().map(l -> v1(l, today)).toList());
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
            throw new ApiError(404, "GitLab " + u.version().lineName() + " is not a release line in the catalog ("
                    + catalog.oldest().name() + " to " + catalog.newest().name() + ")");
        }
        var known = (SupportCheck.Known) answer;
        Conditional.send(ctx, JSON, Json.write(new CheckAnswer(known.version().toString(), known.line().name(),
                known.status().key(), known.status().supported(), known.line().supportEnds(),
                known.line().latest().toString(), known.recommendedTarget() == null ? null : known.recommendedTarget().toString(),
                known.newerThanData(), catalog.product().dataAsOf())));
    }

    private ReleaseLine lineFrom(String cycle) {
        var version = Version.parse(cycle).filter(v -> !v.hasPatch())
                .orElseThrow(() -> new ApiError(400, "'" + Echo.clip(cycle) + "' is not a release line such as 18.11"));
        return catalog.line(version)
                .orElseThrow(() -> new ApiError(404, "GitLab " + version + " is not a release line in the catalog"));
    }

    private static V0Line v0(ReleaseLine l, boolean withCycle) {
        return new V0Line(withCycle ? l.name() : null, l.releaseDate(), l.supportEnds(), l.latest().toString(),
                l.latestReleaseDate(), l.lts(), l.eoas());
    }

    private V1Release v1(ReleaseLine l, LocalDate today) {
        LineStatus s = Lifecycle.status(l, today);
        return new V1Release(l.name(), l.lts() ? l.name() + " (" + catalog.product().ltsLabel() + ")" : l.name(),
                l.releaseDate(), l.lts(), l.lts() ? l.releaseDate() : null, !today.isBefore(l.eoas()), l.eoas(),
                s.phase() == Phase.END_OF_LIFE, l.supportEnds(), null, null, s.supported(),
                new V1Latest(l.latest().toString(), l.latestReleaseDate(), null));
    }

    /** generated_at moves only with the content or the day, so the ETag holds for a whole day. */
    private Envelope envelope(Object result, LocalDate today) {
        Instant dayStart = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant generated = dayStart.isAfter(revision.lastModified()) ? dayStart : revision.lastModified();
        return new Envelope(SCHEMA_VERSION, generated.toString(), revision.lastModified().toString(), result);
    }

}
