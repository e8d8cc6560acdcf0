package ltsportal.updates;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ltsportal.catalog.Version;

/**
 * What {@code update-content} would change in {@code content/}, worked out from the two sources without writing
 * anything: each release line's dates and newest patch from an endoflife.date-compatible product answer, new
 * lines with a notes skeleton, new upgrade stops as drafts marked for review, and {@code dataAsOf}. The Markdown
 * below a line's front matter is never touched. Changes that should never happen (a release date that moves, a
 * newest patch that goes down, a line that disappears, a date missing) refuse the whole update, naming the line
 * and field. The portal's own LTS overlay (lts, ltsEnd) is kept from the files; a new x.11 line gets it by the rule.
 */
final class ContentUpdate {
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The files to write (relative to the content directory) and the summary, end-date changes first. */
    record Plan(Map<String, String> files, List<String> summary) {
        boolean changed() {
            return !files.isEmpty();
        }
    }

    private record Line(Version version, LocalDate releaseDate, LocalDate eoas, LocalDate eol, boolean lts, LocalDate ltsEnd,
                        Version latest, LocalDate latestReleaseDate) {
    }

    private static final Pattern FRONT = Pattern.compile("\\A---\\n(.*?\\n)---\\n", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("^(\\w+):\\s*\"?([^\"\\n]*?)\"?\\s*$", Pattern.MULTILINE);

    static Plan plan(Path content, String releasesJson, String stopsYaml, LocalDate today) throws Refused, IOException {
        Path releases = content.resolve("gitlab/releases");
        int ltsMonths = ltsMonths(Files.readString(content.resolve("gitlab/product.yml")));
        Map<Version, Line> current = new TreeMap<>();
        Map<Version, String> texts = new TreeMap<>();
        try (var files = Files.list(releases)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                String text = Files.readString(f).replace("\r\n", "\n");
                Line line = parse(f.getFileName().toString(), text);
                current.put(line.version(), line);
                texts.put(line.version(), text);
            }
        }
        Version oldest = current.keySet().iterator().next();
        JsonNode root = json(releasesJson);
        JsonNode list = root.path("result").path("releases");
        if (!list.isArray() || list.isEmpty()) {
            throw new Refused("releases source: no result.releases list in the answer (an endoflife.date v1 product, such as "
                    + "https://endoflife.date/api/v1/products/gitlab, is expected).");
        }
        Map<Version, Line> source = new TreeMap<>();
        for (JsonNode r : list) {
            Line line = fromSource(r, current, ltsMonths);
            if (line != null && !line.version().isBefore(oldest)) {
                source.put(line.version(), line);
            }
        }

        List<String> endDates = new ArrayList<>();
        List<String> others = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>();
        for (Version v : current.keySet()) {
            if (!source.containsKey(v)) {
                throw new Refused(v.lineName() + ": the line is in content/ but not in the source; a release line never disappears. "
                        + "Check the source before updating.");
            }
        }
        for (Line s : source.values()) {
            String name = s.version().lineName();
            Line c = current.get(s.version());
            if (c == null) {
                files.put("gitlab/releases/" + name + ".md", frontMatter(s) + skeleton(s, StopDrafts.versions(Files.readString(content.resolve("gitlab/stops.yml")))));
                others.add(name + " new release line (released " + s.releaseDate() + ", eoas " + s.eoas() + ", eol " + s.eol()
                        + (s.lts() ? ", LTS until " + s.ltsEnd() : "") + ", latest " + s.latest() + ")");
                continue;
            }
            if (!s.releaseDate().equals(c.releaseDate())) {
                throw new Refused(name + " releaseDate: the source says " + s.releaseDate() + ", content/ says " + c.releaseDate()
                        + "; a release date never changes. Check the source.");
            }
            if (s.latest().isBefore(c.latest())) {
                throw new Refused(name + " latest: the source says " + s.latest() + ", older than " + c.latest()
                        + " in content/; the newest patch never goes down. Check the source.");
            }
            Line merged = new Line(c.version(), c.releaseDate(), s.eoas(), s.eol(), c.lts(), c.ltsEnd(),
                    s.latest().isAfter(c.latest()) ? s.latest() : c.latest(),
                    s.latest().isAfter(c.latest()) ? s.latestReleaseDate() : c.latestReleaseDate());
            if (!s.eoas().equals(c.eoas())) {
                endDates.add(name + " eoas " + c.eoas() + " -> " + s.eoas() + " (an end date: it changes what customers are told)");
            }
            if (!s.eol().equals(c.eol())) {
                endDates.add(name + " eol " + c.eol() + " -> " + s.eol() + " (an end date: it changes what customers are told)");
            }
            if (!merged.latest().equals(c.latest())) {
                others.add(name + " latest " + c.latest() + " -> " + merged.latest());
            }
            if (!merged.latestReleaseDate().equals(c.latestReleaseDate())) {
                others.add(name + " latestReleaseDate " + c.latestReleaseDate() + " -> " + merged.latestReleaseDate());
            }
            if (!merged.equals(c)) {
                String text = texts.get(s.version());
                Matcher m = FRONT.matcher(text);
                m.find();
                files.put("gitlab/releases/" + name + ".md", frontMatter(merged) + text.substring(m.end()));
            }
        }

        String stopsText = Files.readString(content.resolve("gitlab/stops.yml"));
        String newStops = StopDrafts.append(stopsText, stopsYaml, source.keySet(), oldest, today, others);
        if (!newStops.equals(stopsText)) {
            files.put("gitlab/stops.yml", newStops);
        }

        String product = Files.readString(content.resolve("gitlab/product.yml"));
        LocalDate asOf = lastModified(root);
        Matcher d = Pattern.compile("(?m)^dataAsOf: (\\d{4}-\\d{2}-\\d{2})$").matcher(product);
        if (!d.find()) {
            throw new Refused("gitlab/product.yml: no dataAsOf line to move.");
        }
        if (asOf != null && asOf.isAfter(LocalDate.parse(d.group(1)))) {
            // newer data from the source, even with no line changed: the content is confirmed current to that day
            files.put("gitlab/product.yml", product.substring(0, d.start(1)) + asOf + product.substring(d.end(1)));
            others.add("dataAsOf " + d.group(1) + " -> " + asOf);
        }
        List<String> summary = new ArrayList<>(endDates);
        summary.addAll(others);
        return new Plan(files, summary);
    }

    private static JsonNode json(String text) throws Refused {
        try {
            JsonNode node = ltsportal.web.Json.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new Refused("releases source: the answer is not a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw new Refused("releases source: the answer is not JSON (" + e.getMessage().lines().findFirst().orElse("") + ").");
        }
    }

    private static LocalDate lastModified(JsonNode root) throws Refused {
        String text = root.path("last_modified").asText("");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toLocalDate();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
            } catch (java.time.format.DateTimeParseException e2) {
                throw new Refused("releases source: last_modified \u201c" + text + "\u201d is not a date.");
            }
        }
    }

    /** One release of the source as a line; null for one that is not a GitLab release line (no x.y name). */
    private static Line fromSource(JsonNode r, Map<Version, Line> current, int ltsMonths) throws Refused {
        String name = r.path("name").asText("");
        Version v = Version.parse(name).filter(x -> !x.hasPatch()).orElse(null);
        if (v == null) {
            return null;
        }
        LocalDate release = date(r, "releaseDate", name);
        LocalDate eoas = date(r, "eoasFrom", name);
        LocalDate eol = date(r, "eolFrom", name);
        JsonNode latest = r.path("latest");
        Version latestVersion = Version.parse(latest.path("name").asText("")).filter(Version::hasPatch)
                .filter(x -> x.lineOnly().equals(v)).orElseThrow(() -> new Refused(name + " latest: \u201c"
                        + latest.path("name").asText("") + "\u201d is not a patch of " + name + "."));
        LocalDate latestDate = date(latest, "date", name + " latest");
        Line existing = current.get(v);
        boolean lts = existing != null ? existing.lts() : v.minor() == 11;
        LocalDate ltsEnd = existing != null ? existing.ltsEnd() : lts ? release.plusMonths(ltsMonths) : null;
        return new Line(v, release, eoas, eol, lts, ltsEnd, latestVersion, latestDate);
    }

    private static LocalDate date(JsonNode node, String field, String where) throws Refused {
        String text = node.path(field).asText("");
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Refused(where + " " + field + ": \u201c" + text + "\u201d is not a date (YYYY-MM-DD).");
        }
    }

    private static Line parse(String file, String text) throws Refused {
        Matcher m = FRONT.matcher(text);
        if (!m.find()) {
            throw new Refused("gitlab/releases/" + file + ": no front matter; run check-content first.");
        }
        Map<String, String> f = new LinkedHashMap<>();
        Matcher field = FIELD.matcher(m.group(1));
        while (field.find()) {
            f.put(field.group(1), field.group(2).strip());
        }
        try {
            boolean lts = "true".equals(f.get("lts"));
            return new Line(Version.parse(f.get("cycle")).orElseThrow(), LocalDate.parse(f.get("releaseDate")), LocalDate.parse(f.get("eoas")),
                    LocalDate.parse(f.get("eol")), lts, lts ? LocalDate.parse(f.get("ltsEnd")) : null, Version.parse(f.get("latest")).orElseThrow(),
                    LocalDate.parse(f.get("latestReleaseDate")));
        } catch (RuntimeException e) {
            throw new Refused("gitlab/releases/" + file + ": its front matter does not read; run check-content first.");
        }
    }

    private static String frontMatter(Line l) {
        return "---\ncycle: \"" + l.version().lineName() + "\"\nreleaseDate: " + l.releaseDate() + "\neoas: " + l.eoas() + "\neol: " + l.eol()
                + "\n" + (l.lts() ? "lts: true\nltsEnd: " + l.ltsEnd() + "\n" : "") + "latest: \"" + l.latest() + "\"\nlatestReleaseDate: "
                + l.latestReleaseDate() + "\n---\n";
    }

    /** The notes of a new line: whether it is a stop, and the standard checks before any upgrade. */
    private static String skeleton(Line l, List<String> stops) {
        String name = l.version().lineName();
        boolean stop = stops.contains(name);
        return "## Upgrading to GitLab " + name + "\n\n"
                + (stop ? "**GitLab " + name + " is a required upgrade stop.** Whatever version you come from, install " + l.latest()
                + " (the newest patch of the line), let its background migrations finish, and only then go further."
                : "GitLab " + name + " is not an upgrade stop: the upgrade path may pass over it. If you stay on this line, run its newest patch, "
                + l.latest() + ".")
                + "\n\n### Before you upgrade\n\n"
                + "- Take a backup and check that it restores.\n"
                + "- Check that background migrations have finished: `sudo gitlab-rake gitlab:background_migrations:list`.\n"
                + "- Read the release's deprecations and removals, and the upgrade notes for " + name + " in GitLab's documentation.\n";
    }

    private static int ltsMonths(String product) {
        Matcher m = Pattern.compile("(?m)^\\s+months:\\s*(\\d+)").matcher(product);
        return m.find() ? Integer.parseInt(m.group(1)) : 12;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
