package ltsportal.planner;

import ltsportal.catalog.ReleaseLine;
import ltsportal.catalog.Version;

/**
 * A release line every instance (required) or some instances (conditional) must stop at on the way
 * up. It resolves to the newest patch of its line known to the catalog.
 */
public record Stop(ReleaseLine line, Kind kind, String key, String condition, String reasonMarkdown,
                   String reasonHtml, java.util.List<String> alsoFor) {

    /** A stop that applies for its own condition only. */
    public Stop(ReleaseLine line, Kind kind, String key, String condition, String reasonMarkdown, String reasonHtml) {
        this(line, kind, key, condition, reasonMarkdown, reasonHtml, java.util.List.of());
    }

    public enum Kind { REQUIRED, CONDITIONAL }

    public Version version() {
        return line.latest();
    }

    public boolean conditional() {
        return kind == Kind.CONDITIONAL;
    }

    public boolean matches(String conditionToken) {
        return conditionToken.equalsIgnoreCase(line.name()) || conditionToken.equalsIgnoreCase(key);
    }
}
