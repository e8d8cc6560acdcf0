package ltsportal.planner;

import ltsportal.catalog.ReleaseLine;
import ltsportal.catalog.Version;

/**
 * A release line every instance (required) or some instances (conditional) must stop at on the way
 * up. It resolves to the newest patch of its line known to the catalog.
 */
public record Stop(ReleaseLine line, Kind kind, String key, String condition, String reasonMarkdown,
                   String reasonHtml, java.util.List<String> alsoFor, boolean longRunning) {

    /** A stop that applies for its own condition only, of standard duration. */
    public Stop(ReleaseLine line, Kind kind, String key, String condition, String reasonMarkdown, String reasonHtml) {
        this(line, kind, key, condition, reasonMarkdown, reasonHtml, java.util.List.of(), false);
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
