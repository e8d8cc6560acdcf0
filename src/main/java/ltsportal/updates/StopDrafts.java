package ltsportal.updates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ltsportal.catalog.Version;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** New upgrade stops from GitLab's {@code config/upgrade_path.yml}, appended to stops.yml as drafts for a person to review. */
final class StopDrafts {
    private StopDrafts() {
    }

    /** The stop versions stops.yml lists ("18.11"), in its order. */
    static List<String> versions(String stopsText) {
        List<String> versions = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*- version: \"?([0-9.]+)\"?").matcher(stopsText);
        while (m.find()) {
            versions.add(m.group(1));
        }
        return versions;
    }

    /**
     * stops.yml with every stop of GitLab's list that it lacks appended as a draft (within the catalog's lines only),
     * each under a REVIEW comment; the rest of the file stays as it is.
     */
    static String append(String stopsText, String stopsYaml, java.util.Set<Version> lines, Version oldest, LocalDate today,
                                   List<String> summary) throws ContentUpdate.Refused {
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(stopsYaml);
        } catch (RuntimeException e) {
            throw new ContentUpdate.Refused("stops source: the answer is not YAML (" + e.getMessage().lines().findFirst().orElse("") + ").");
        }
        if (!(parsed instanceof List<?> items)) {
            throw new ContentUpdate.Refused("stops source: a YAML list of {major, minor, comments} is expected.");
        }
        List<String> known = versions(stopsText);
        StringBuilder added = new StringBuilder();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> stop) || !(stop.get("major") instanceof Integer major) || !(stop.get("minor") instanceof Integer minor)) {
                throw new ContentUpdate.Refused("stops source: every entry needs a numeric major and minor, such as {major: 17, minor: 11}.");
            }
            Version v = new Version(major, minor, null);
            String name = major + "." + minor;
            if (v.isBefore(oldest) || known.contains(name)) {
                continue;
            }
            if (!lines.contains(v)) {
                summary.add("stop " + name + " skipped: GitLab lists it, but the source has no release line " + name + " yet");
                continue;
            }
            String comment = stop.get("comments") == null ? "" : stop.get("comments").toString().strip().replaceAll("\\s+", " ");
            boolean conditional = comment.toLowerCase(Locale.ROOT).contains("conditional")
                    || comment.toLowerCase(Locale.ROOT).contains("only required");
            added.append("  # REVIEW: added by update-content on ").append(today).append(" from GitLab's upgrade_path.yml;")
                    .append(" check the reason").append(conditional ? ", key and condition" : "").append(" before merging.\n")
                    .append("  - version: \"").append(name).append("\"\n")
                    .append("    kind: ").append(conditional ? "conditional" : "required").append('\n');
            if (conditional) {
                added.append("    key: review-").append(major).append('-').append(minor).append('\n')
                        .append("    condition: >\n      ").append(comment.isEmpty() ? "See GitLab's upgrade path notes." : comment).append('\n');
            }
            added.append("    reason: >\n      Draft from GitLab's config/upgrade_path.yml, to review: ")
                    .append(comment.isEmpty() ? "GitLab lists " + name + " as an upgrade stop." : comment).append('\n');
            summary.add("stop " + name + " new " + (conditional ? "conditional" : "required") + " stop (a draft marked REVIEW in stops.yml)");
            known.add(name);
        }
        if (added.length() == 0) {
            return stopsText;
        }
        return (stopsText.endsWith("\n") ? stopsText : stopsText + "\n") + added;
    }
}
