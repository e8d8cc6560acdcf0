package ltsportal.planner;

import java.util.List;
import java.util.Locale;
import ltsportal.catalog.ReleaseLine;
import ltsportal.catalog.Version;

/**
 * One version to install on the way, with why it is there, the release lines crossed since the
 * previous hop (whose notes apply) and the alerts for that stretch.
 */
public record Hop(int number, Version from, Version version, Kind kind, Stop stop,
                  List<ReleaseLine> crossedLines, List<Alert> alerts) {

    public enum Kind {
        REQUIRED, CONDITIONAL, MINOR, TARGET;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why this hop is there, in Markdown (the page shows the stop's reason pre-rendered instead). */
    public String reason() {
        String why = switch (kind) {
            case TARGET -> "Your target.";
            case REQUIRED -> "Required upgrade stop.";
            case CONDITIONAL -> "Conditional upgrade stop, because: " + stop.condition();
            case MINOR -> "Zero-downtime upgrades go through every minor release, one at a time.";
        };
        return stop == null || kind == Kind.MINOR ? why : why + " " + stop.reasonMarkdown();
    }

    /** The release line this hop installs a patch of, such as 18.11. */
    public String lineName() {
        return version.lineName();
    }

    public boolean patchOfSameLine() {
        return version.sameLine(from);
    }

    public List<Alert> alertsWhen(Alert.When when) {
        return alerts.stream().filter(a -> a.when() == when).toList();
    }

    /** The hop's alerts grouped before / during / after the upgrade, empty groups left out. */
    public List<AlertGroup> alertGroups() {
        return java.util.Arrays.stream(Alert.When.values())
                .map(w -> new AlertGroup(w, alertsWhen(w)))
                .filter(g -> !g.alerts().isEmpty())
                .toList();
    }

    public record AlertGroup(Alert.When when, List<Alert> alerts) {
    }
}
