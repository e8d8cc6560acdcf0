package ltsportal.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog in endoflife.date's v1 shapes (its {@code api_v1/openapi.yml}, schema 1.2.1): every required field
 * present, nullable ones null, optional ones left out where GitLab has no such phase (extended support,
 * discontinuation). The dates and flags are GitLab's own, with endoflife.date's rule that a phase is over the
 * day after its end date. The portal's LTS overlay (x.11 supported for a year) is not GitLab's data, so it goes
 * in {@code custom} ({@code portalLts}, {@code portalLtsEnd}), where a client can tell it is the portal's policy,
 * with {@code portalDataAsOf}, the date of the release data (a line that "ended" after it may have had news since).
 */
public final class EndoflifeV1 {
    static final String SCHEMA_VERSION = "1.2.1";
    /** endoflife.date's changelog link for GitLab releases ({@code changelogTemplate} in its products/gitlab.md). */
    static final String CHANGELOG = "https://gitlab.com/gitlab-org/gitlab/-/releases/v%s.0-ee";
    static final String VERSION_COMMAND = "gitlab-rake gitlab:env:info";
    static final String ICON = "https://simpleicons.org/icons/gitlab.svg";

    private EndoflifeV1() {
    }

    public record Release(String name, String codename, String label, LocalDate releaseDate, boolean isLts, LocalDate ltsFrom,
                          boolean isEoas, LocalDate eoasFrom, boolean isEol, LocalDate eolFrom, boolean isMaintained,
                          Latest latest, Map<String, String> custom) {
    }

    public record Latest(String name, LocalDate date, String link) {
    }

    public record Labels(String eoas, String discontinued, String eol, String eoes) {
    }

    public record Links(String icon, String html, String releasePolicy) {
    }

    public record Identifier(String id, String type) {
    }

    public record Product(String name, String label, List<String> aliases, String category, List<String> tags,
                          String versionCommand, List<Identifier> identifiers, Labels labels, Links links, List<Release> releases) {
    }

    public record Summary(String name, String label, List<String> aliases, String category, List<String> tags, String uri) {
    }

    public record Uri(String name, String uri) {
    }

    /** The responses: with {@code last_modified} for one product, with {@code total} for lists, neither for a release. */
    public record ProductResponse(String schema_version, String generated_at, String last_modified, Product result) {
    }

    public record ReleaseResponse(String schema_version, String generated_at, Release result) {
    }

    public record ListResponse(String schema_version, String generated_at, int total, List<?> result) {
    }

    /** A release as endoflife.date computes it on {@code today}: a phase ends the day after its end date. */
    static Release release(ReleaseLine l, LocalDate today, LocalDate dataAsOf) {
        boolean eol = today.isAfter(l.eol());
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("portalDataAsOf", dataAsOf.toString());
        custom.put("portalLts", String.valueOf(l.lts()));
        custom.put("portalLtsEnd", l.lts() ? l.ltsEnd().toString() : null);
        return new Release(l.name(), null, l.name(), l.releaseDate(), false, null, today.isAfter(l.eoas()), l.eoas(), eol,
                l.eol(), !eol, new Latest(l.latest().toString(), l.latestReleaseDate(), String.format(CHANGELOG, l.name())), custom);
    }

    static List<String> tags(Catalog catalog) {
        return List.of(catalog.product().name(), catalog.product().category());
    }

    static Product product(Catalog catalog, LocalDate today, String baseUrl) {
        var p = catalog.product();
        return new Product(p.name(), p.label(), List.of(), p.category(), tags(catalog), VERSION_COMMAND, List.of(),
                new Labels("Active Support", null, "Maintenance Support", null), new Links(ICON, baseUrl + "/gitlab", p.releasePolicyUrl()),
                catalog.lines().stream().map(l -> release(l, today, p.dataAsOf())).toList());
    }

    static Summary summary(Catalog catalog, String baseUrl) {
        var p = catalog.product();
        return new Summary(p.name(), p.label(), List.of(), p.category(), tags(catalog), baseUrl + "/api/v1/products/" + p.name() + "/");
    }
}
