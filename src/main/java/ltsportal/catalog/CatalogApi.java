package ltsportal.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.time.Clock;
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

    private final Catalog catalog;
    private final SupportCheck check;
    private final Clock clock;
    private final CatalogRevisions.Revision revision;

    private final String baseUrl;

    public CatalogApi(Catalog catalog, SupportCheck check, Clock clock, CatalogRevisions.Revision revision, String baseUrl) {
        this.baseUrl = baseUrl;
        this.catalog = catalog;
        this.check = check;
        this.clock = clock;
        this.revision = revision;
    }

    /** endoflife.date v0: one release line. {@code cycle} is left out where the URL names the line. */
    public record V0Line(@JsonInclude(JsonInclude.Include.NON_NULL) String cycle, LocalDate releaseDate, LocalDate eol,
                         String latest, LocalDate latestReleaseDate, boolean lts, LocalDate support) {
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
        Conditional.send(ctx, JSON, Json.write(new EndoflifeV1.ProductResponse(EndoflifeV1.SCHEMA_VERSION, generatedAt(today),
                revision.lastModified().toString(), EndoflifeV1.product(catalog, today, baseUrl))));
    }

    /** A release line by its exact name ("17.5"), or latest; anything else is not a release here (404, as endoflife.date). */
    public void v1Release(Context ctx) {
        String cycle = ctx.pathParam("cycle");
        LocalDate today = LocalDate.now(clock);
        ReleaseLine line = cycle.equals("latest") ? catalog.newest() : catalog.linesOldestFirst().stream()
                .filter(l -> l.name().equals(cycle)).findFirst()
                .orElseThrow(() -> new ApiError(404, "'" + Echo.clip(cycle) + "' is not a GitLab release line in the catalog"));
        Conditional.send(ctx, JSON, Json.write(new EndoflifeV1.ReleaseResponse(EndoflifeV1.SCHEMA_VERSION, generatedAt(today),
                EndoflifeV1.release(line, today, catalog.product().dataAsOf()))));
    }

    /** GET /api/v1/: the main endpoints, as endoflife.date's index lists them. */
    public void v1Index(Context ctx) {
        var uris = java.util.stream.Stream.of("products", "categories", "tags", "identifiers")
                .map(n -> new EndoflifeV1.Uri(n, baseUrl + "/api/v1/" + n + "/")).toList();
        list(ctx, uris);
    }

    /** The one product: /products, /categories/{category} and /tags/{tag} answer it (or 404 for another name). */
    public void v1Products(Context ctx) {
        list(ctx, List.of(EndoflifeV1.summary(catalog, baseUrl)));
    }

    public void v1ProductsFull(Context ctx) {
        list(ctx, List.of(EndoflifeV1.product(catalog, LocalDate.now(clock), baseUrl)));
    }

    public void v1Categories(Context ctx) {
        String category = catalog.product().category();
        list(ctx, List.of(new EndoflifeV1.Uri(category, baseUrl + "/api/v1/categories/" + category + "/")));
    }

    public void v1Category(Context ctx) {
        if (!ctx.pathParam("category").equals(catalog.product().category())) {
            throw new ApiError(404, "There is no category '" + Echo.clip(ctx.pathParam("category")) + "'");
        }
        v1Products(ctx);
    }

    public void v1Tags(Context ctx) {
        list(ctx, EndoflifeV1.tags(catalog).stream().map(t -> new EndoflifeV1.Uri(t, baseUrl + "/api/v1/tags/" + t + "/")).toList());
    }

    public void v1Tag(Context ctx) {
        if (!EndoflifeV1.tags(catalog).contains(ctx.pathParam("tag"))) {
            throw new ApiError(404, "There is no tag '" + Echo.clip(ctx.pathParam("tag")) + "'");
        }
        v1Products(ctx);
    }

    /** GitLab has no identifiers declared (no purl, cpe or repology entry), so the list is empty and every type 404. */
    public void v1Identifiers(Context ctx) {
        list(ctx, List.of());
    }

    public void v1IdentifiersOfType(Context ctx) {
        throw new ApiError(404, "There are no identifiers of type '" + Echo.clip(ctx.pathParam("type")) + "'");
    }

    /** endoflife.date v0's list of every product: here the one. */
    public void v0Products(Context ctx) {
        Conditional.send(ctx, JSON, Json.write(List.of(catalog.product().name())));
    }

    private void list(Context ctx, List<?> result) {
        Conditional.send(ctx, JSON, Json.write(new EndoflifeV1.ListResponse(EndoflifeV1.SCHEMA_VERSION,
                generatedAt(LocalDate.now(clock)), result.size(), result)));
    }

    /** For monitoring: how old the release data is, so an alert can fire before customers are told stale things. */
    public record StatusJson(String dataAsOf, long ageDays, int releaseLines, String contentHash) {
    }

    /** {@code GET /api/v1/status}: never cached, the age counted from the portal's today. */
    public void status(Context ctx) {
        var asOf = catalog.product().dataAsOf();
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8").result(ltsportal.web.Json.write(new StatusJson(asOf.toString(),
                java.time.temporal.ChronoUnit.DAYS.between(asOf, java.time.LocalDate.now(clock)), catalog.lines().size(), revision.hash())));
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

    /**
     * generated_at is the start of the day (UTC) the answer is for: flags such as isEol depend on the day, and
     * nothing else but the content changes an answer, so every instance gives the same bytes all day.
     */
    private String generatedAt(LocalDate today) {
        return today.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
    }

}
