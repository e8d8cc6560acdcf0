package ltsportal.planner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ltsportal.catalog.Catalog;
import ltsportal.notes.ContentError;
import ltsportal.catalog.ReleaseLine;
import ltsportal.catalog.Version;
import ltsportal.notes.Markdown;
import ltsportal.notes.YamlDocument;

/**
 * Reads {@code content/gitlab/stops.yml} and {@code alerts.yml}, checked against the catalog: every
 * stop and alert names a known release line, ranges are ordered, every Markdown text renders.
 */
public final class UpgradeContentLoader {
    private final Path productDir;
    private final Catalog catalog;
    private final Markdown markdown;

    public UpgradeContentLoader(Path contentDir, Catalog catalog, Markdown markdown) {
        this.productDir = contentDir.resolve("gitlab");
        this.catalog = catalog;
        this.markdown = markdown;
    }

    public UpgradeRules load() {
        YamlDocument doc = read("stops.yml");
        doc.onlyFields(Set.of("stops", "hopMinutes", "longHopMinutes"));
        var pace = new UpgradeRules.Pace(doc.has("hopMinutes") ? doc.integer("hopMinutes", 5, 24 * 60) : UpgradeRules.Pace.DEFAULT.hopMinutes(),
                doc.has("longHopMinutes") ? doc.integer("longHopMinutes", 5, 24 * 60) : UpgradeRules.Pace.DEFAULT.longHopMinutes());
        return new UpgradeRules(stops(doc), alerts(), pace);
    }

    private List<Stop> stops(YamlDocument doc) {
        List<Stop> stops = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<YamlDocument> alsoChecks = new ArrayList<>();
        for (YamlDocument item : doc.list("stops")) {
            item.onlyFields(Set.of("version", "kind", "key", "condition", "reason", "alsoFor", "duration"));
            ReleaseLine line = knownLine(item, "version");
            if (!seen.add(line.name())) {
                throw item.error("version", line.name() + " is listed twice");
            }
            Stop.Kind kind = switch (item.text("kind")) {
                case "required" -> Stop.Kind.REQUIRED;
                case "conditional" -> Stop.Kind.CONDITIONAL;
                default -> throw item.error("kind", "must be required or conditional");
            };
            String key = item.optionalText("key");
            String condition = item.optionalText("condition");
            if (kind == Stop.Kind.CONDITIONAL) {
                if (key == null || !key.matches("[a-z0-9][a-z0-9-]{1,40}")) {
                    throw item.error("key", "a conditional stop needs a short key of lower-case letters, digits and dashes");
                }
                if (!seen.add("key:" + key)) {
                    throw item.error("key", "'" + key + "' is used twice");
                }
                if (condition == null) {
                    throw item.error("condition", "a conditional stop needs its condition in plain words");
                }
            } else if (key != null || condition != null) {
                throw item.error(key != null ? "key" : "condition", "only conditional stops have a key and a condition");
            }
            String reason = item.text("reason");
            String also = item.optionalText("alsoFor");
            List<String> alsoFor = also == null ? List.of() : java.util.Arrays.stream(also.split(",")).map(String::strip).toList();
            if (!alsoFor.isEmpty() && kind != Stop.Kind.CONDITIONAL) {
                throw item.error("alsoFor", "only a conditional stop applies for other conditions too");
            }
            String duration = item.optionalText("duration");
            if (duration != null && !duration.equals("long") && !duration.equals("standard")) {
                throw item.error("duration", "must be long or standard");
            }
            stops.add(new Stop(line, kind, key, condition, reason, render(item, "reason", reason), alsoFor, "long".equals(duration)));
            alsoChecks.add(item);
        }
        Set<String> keys = new HashSet<>();
        stops.forEach(s -> keys.add(s.key()));
        for (int i = 0; i < stops.size(); i++) {
            for (String other : stops.get(i).alsoFor()) {
                if (!keys.contains(other)) {
                    throw alsoChecks.get(i).error("alsoFor", "'" + other + "' is not the key of a conditional stop");
                }
            }
        }
        stops.sort(Comparator.comparing(s -> s.line().version()));
        return List.copyOf(stops);
    }

    private List<Alert> alerts() {
        YamlDocument doc = read("alerts.yml");
        doc.onlyFields(Set.of("alerts"));
        List<Alert> alerts = new ArrayList<>();
        for (YamlDocument item : doc.list("alerts")) {
            item.onlyFields(Set.of("title", "start", "end", "severity", "requires", "check", "message"));
            Version start = knownPatch(item, "start");
            Version end = knownPatch(item, "end");
            if (end.isBefore(start)) {
                throw item.error("end", "the range ends (" + end + ") before it starts (" + start + ")");
            }
            Version requires = item.has("requires") ? knownLine(item, "requires").version() : null;
            Alert.Severity severity = parseEnum(item, "severity", Alert.Severity.class);
            Alert.When when = parseEnum(item, "check", Alert.When.class);
            String message = item.text("message");
            alerts.add(new Alert(item.text("title"), start, end, severity, requires, when, message,
                    render(item, "message", message)));
        }
        return List.copyOf(alerts);
    }

    private YamlDocument read(String name) {
        Path file = productDir.resolve(name);
        try {
            return YamlDocument.parse(file, Files.readString(file), 0);
        } catch (IOException e) {
            throw new ContentError(file, 1, null, "cannot be read: " + e.getMessage());
        }
    }

    private ReleaseLine knownLine(YamlDocument item, String field) {
        String text = item.text(field);
        Version v = Version.parse(text).filter(x -> !x.hasPatch())
                .orElseThrow(() -> item.error(field, "'" + text + "' is not a release line such as 17.11"));
        return catalog.line(v).orElseThrow(() -> item.error(field, v + " is not a release line in the catalog"));
    }

    private Version knownPatch(YamlDocument item, String field) {
        String text = item.text(field);
        Version v = Version.parsePatch(text)
                .orElseThrow(() -> item.error(field, "'" + text + "' is not a version such as 17.11.0"));
        if (catalog.line(v).isEmpty()) {
            throw item.error(field, v + " is not on a release line in the catalog");
        }
        return v;
    }

    private String render(YamlDocument item, String field, String text) {
        try {
            return markdown.toSafeHtml(text);
        } catch (RuntimeException e) {
            throw item.error(field, "the Markdown cannot be rendered: " + e.getMessage());
        }
    }

    private static <E extends Enum<E>> E parseEnum(YamlDocument item, String field, Class<E> type) {
        String text = item.text(field);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E value : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(value.name().toLowerCase(Locale.ROOT));
            }
            throw item.error(field, "'" + text + "' is not one of " + allowed);
        }
    }
}
