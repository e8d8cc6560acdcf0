package ltsportal.planner;

import java.util.List;
import java.util.Locale;
import ltsportal.catalog.ReleaseLine;
import ltsportal.catalog.Version;

/**
 * One version to install on the way, with why it is there, the release lines crossed since the
 * previous hop (whose notes apply) and the alerts for that stretch. {@code alerts} is every alert that
 * applies to the hop; {@code shown} those first met on this hop (an alert spanning several hops is told
 * once, on the first), {@code carried} those already told on an earlier hop.
 */
public record Hop(int number, Version from, Version version, Kind kind, Stop stop,
                  List<ReleaseLine> crossedLines, List<Alert> alerts, List<Shown> shown, List<Carried> carried) {

    /** An alert told on this hop that also applies to the {@code nextHops} hops after it. */
    public record Shown(Alert alert, int nextHops) {
        public String span() {
            return nextHops == 0 ? "" : nextHops == 1 ? "Applies to the next hop too." : "Applies to the next " + nextHops + " hops too.";
        }
    }

    /** An alert that still applies here, told on hop {@code firstHop}; its run of hops ends at {@code lastHop}. */
    public record Carried(Alert alert, int firstHop, int lastHop) {
    }

    /**
     * Marks each hop's alerts as told there or carried from an earlier hop: an alert is told on the first
     * hop of each run of consecutive hops it applies to.
     */
    static List<Hop> tellOnce(List<Hop> hops) {
        List<Hop> out = new java.util.ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            Hop h = hops.get(i);
            List<Shown> shown = new java.util.ArrayList<>();
            List<Carried> carried = new java.util.ArrayList<>();
            for (Alert a : h.alerts()) {
                int first = i;
                while (first > 0 && hops.get(first - 1).alerts().contains(a)) {
                    first--;
                }
                int last = i;
                while (last + 1 < hops.size() && hops.get(last + 1).alerts().contains(a)) {
                    last++;
                }
                if (first < i) {
                    carried.add(new Carried(a, first + 1, last + 1));
                } else {
                    shown.add(new Shown(a, last - i));
                }
            }
            out.add(new Hop(h.number(), h.from(), h.version(), h.kind(), h.stop(), h.crossedLines(), h.alerts(),
                    List.copyOf(shown), List.copyOf(carried)));
        }
        return List.copyOf(out);
    }

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

    /** The alerts told on this hop for one phase of the upgrade. */
    public List<Shown> shownWhen(Alert.When when) {
        return shown.stream().filter(s -> s.alert().when() == when).toList();
    }

    /** The alerts told on this hop grouped before / during / after the upgrade, empty groups left out. */
    public List<AlertGroup> alertGroups() {
        return java.util.Arrays.stream(Alert.When.values())
                .map(w -> new AlertGroup(w, shownWhen(w)))
                .filter(g -> !g.alerts().isEmpty())
                .toList();
    }

    public record AlertGroup(Alert.When when, List<Shown> alerts) {
    }
}
