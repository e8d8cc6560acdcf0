package ltsportal.planner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ltsportal.catalog.Catalog;
import ltsportal.catalog.Lifecycle;
import ltsportal.catalog.LineStatus;
import ltsportal.catalog.Phase;
import ltsportal.catalog.ReleaseLine;
import ltsportal.catalog.Version;
import ltsportal.notes.Echo;

/**
 * GitLab's upgrade path rule: from current C to target T, every required stop S with C < S < T (S at
 * the newest patch of its line), in version order, then T. Conditional stops join the path only when
 * the request says their condition applies. Zero-downtime mode takes every minor instead. Pure: the
 * same request, content and day always give the same plan.
 */
public final class Planner {
    static final String MIGRATIONS_HINT =
            "Let background migrations finish before the next hop: `sudo gitlab-rake gitlab:background_migrations:list` "
                    + "lists them (or Admin > Monitoring > Background migrations).";

    private final Catalog catalog;
    private final UpgradeRules rules;

    public Planner(Catalog catalog, UpgradeRules rules) {
        this.catalog = catalog;
        this.rules = rules;
    }

    public sealed interface Result permits Planned, Refused {
    }

    public record Planned(Plan plan) implements Result {
    }

    public record Refused(Refusal refusal) implements Result {
    }

    /** The date of the release data the plans come from. */
    public java.time.LocalDate dataAsOf() {
        return catalog.product().dataAsOf();
    }

    /** The pace the booking form's fit check assumes (content, the portal's own assumption). */
    public UpgradeRules.Pace pace() {
        return rules.pace();
    }


    /**
     * The conditional stops a form asks about: those a path from {@code from} to {@code to} crosses once both
     * are versions the catalog knows ({@code between} then says the two), every one before that.
     */
    public record ConditionalChoices(List<Stop> shown, List<Stop> all, String between) {
        public boolean narrowed() {
            return between != null;
        }

        public boolean hidden(Stop stop) {
            return !shown.contains(stop);
        }
    }

    public ConditionalChoices conditionalChoices(String from, String to) {
        List<Stop> all = rules.conditionalStops();
        Version f;
        Version t;
        try {
            f = current(from == null ? "" : from.strip(), new ArrayList<>());
            t = target(to == null ? "" : to.strip());
        } catch (RefusalException e) {
            return new ConditionalChoices(all, all, null);
        }
        if (t.isBefore(f)) {
            return new ConditionalChoices(all, all, null);
        }
        return new ConditionalChoices(all.stream().filter(s -> f.isBefore(s.version()) && s.version().isBefore(t)).toList(),
                all, f + " and " + t);
    }

    public Result plan(PlanRequest request, LocalDate today) {
        List<String> warnings = new ArrayList<>();
        Version from;
        Version to;
        Set<Stop> applied;
        try {
            from = current(request.from(), warnings);
            to = target(request.to());
            applied = conditions(request.conditions());
        } catch (RefusalException e) {
            return new Refused(e.refusal);
        }
        if (to.isBefore(from)) {
            return new Refused(new Refusal("to", "GitLab cannot be downgraded: going from " + from + " back to " + to
                    + " means restoring a backup taken on " + to + ". Choose a target newer than " + from + "."));
        }
        LineStatus targetStatus = Lifecycle.status(catalog.line(to).orElseThrow(), today);
        List<Stop> between = rules.stops().stream()
                .filter(s -> from.isBefore(s.version()) && s.version().isBefore(to))
                .toList();
        List<Stop> otherConditional = between.stream().filter(s -> s.conditional() && !applied.contains(s)).toList();
        List<Stop> appliedBetween = between.stream().filter(applied::contains).toList();
        if (from.equals(to)) {
            warnings.add("You already run " + to + ": there is nothing to upgrade.");
            return new Planned(new Plan(from, to, request.zeroDowntime(), List.of(), appliedBetween,
                    otherConditional, List.copyOf(warnings), targetStatus));
        }

        List<Hop> hops = hops(from, to, request.zeroDowntime(), between, applied);
        describe(hops, from, targetStatus, otherConditional, request.zeroDowntime(), warnings);
        return new Planned(new Plan(from, to, request.zeroDowntime(), hops, appliedBetween, otherConditional,
                List.copyOf(warnings), targetStatus));
    }

    private List<Hop> hops(Version from, Version to, boolean zeroDowntime, List<Stop> between, Set<Stop> applied) {
        List<Version> versions = new ArrayList<>();
        if (zeroDowntime) {
            catalog.lines().stream().map(ReleaseLine::latest)
                    .filter(v -> from.isBefore(v) && v.isBefore(to))
                    .sorted()
                    .forEach(versions::add);
        } else {
            between.stream().filter(s -> !s.conditional() || applied.contains(s))
                    .map(Stop::version).forEach(versions::add);
        }
        versions.add(to);

        List<Hop> hops = new ArrayList<>();
        Version previous = from;
        for (Version version : versions) {
            Optional<Stop> stop = rules.stops().stream().filter(s -> s.line().version().equals(version.lineOnly()))
                    .findFirst();
            Hop.Kind kind;
            if (version.equals(to)) {
                kind = Hop.Kind.TARGET;
            } else if (stop.isPresent() && between.contains(stop.get())
                    && (!stop.get().conditional() || applied.contains(stop.get()))) {
                kind = stop.get().conditional() ? Hop.Kind.CONDITIONAL : Hop.Kind.REQUIRED;
            } else {
                kind = Hop.Kind.MINOR;
            }
            Version prev = previous;
            List<ReleaseLine> crossed = catalog.linesOldestFirst().stream()
                    .filter(l -> prev.lineOnly().isBefore(l.version()) && !version.lineOnly().isBefore(l.version()))
                    .toList();
            List<Alert> alerts = rules.alerts().stream().filter(a -> a.appliesToHop(prev, version)).toList();
            hops.add(new Hop(hops.size() + 1, prev, version, kind, stop.orElse(null), crossed, alerts, List.of(), List.of()));
            previous = version;
        }
        return Hop.tellOnce(hops);
    }

    private void describe(List<Hop> hops, Version from, LineStatus targetStatus, List<Stop> otherConditional,
                          boolean zeroDowntime, List<String> warnings) {
        Hop first = hops.get(0);
        if (first.patchOfSameLine()) {
            warnings.add("Your first hop, " + first.version() + ", is a patch release of " + from.lineName()
                    + ", the line you run: take it before anything else.");
        }
        if (targetStatus.phase() == Phase.END_OF_LIFE) {
            warnings.add("Your target " + targetStatus.line().latest().lineName() + " is past its end of life ("
                    + targetStatus.line().supportEnds() + "): it gets no fixes. Consider a maintained target.");
        } else if (targetStatus.endingSoon()) {
            warnings.add("Your target's support ends soon, on " + targetStatus.line().supportEnds() + ".");
        }
        Set<Integer> majors = hops.stream().map(h -> h.version().major())
                .filter(m -> m > from.major()).collect(Collectors.toCollection(LinkedHashSet::new));
        for (int major : majors) {
            warnings.add("The path crosses GitLab " + major + ".0, a major release that removes deprecated features: "
                    + "read its removals before you start.");
        }
        if (!otherConditional.isEmpty()) {
            warnings.add("Check the conditional stops below: "
                    + otherConditional.stream().map(s -> s.line().name()).collect(Collectors.joining(", "))
                    + " may apply to your instance.");
        }
        if (zeroDowntime) {
            warnings.add("Zero-downtime mode: one minor release at a time, on an installation with several nodes.");
        }
    }

    private Version current(String text, List<String> warnings) {
        if (text.isEmpty()) {
            throw refuse("from", "Enter the GitLab version you run now, for example 15.4.6.");
        }
        Version v = Version.parse(text)
                .orElseThrow(() -> refuse("from", "\u201c" + Echo.clip(text) + "\u201d is not a GitLab version such as 15.4.6."));
        ReleaseLine line = knownLine(v, "from");
        if (!v.hasPatch()) {
            warnings.add("You gave the release line " + v + "; the plan assumes you run " + v + ".0, its first release.");
            return new Version(v.major(), v.minor(), 0);
        }
        if (v.isAfter(line.latest())) {
            throw refuse("from", "We do not know GitLab " + v + ": the newest patch of " + line.name() + " is "
                    + line.latest() + ".");
        }
        return v;
    }

    private Version target(String text) {
        if (text.isEmpty()) {
            return catalog.newest().latest();
        }
        Version v = Version.parse(text)
                .orElseThrow(() -> refuse("to", "\u201c" + Echo.clip(text) + "\u201d is not a GitLab version such as 17.11 or 17.11.7."));
        ReleaseLine line = knownLine(v, "to");
        if (!v.hasPatch()) {
            return line.latest();
        }
        if (v.isAfter(line.latest())) {
            throw refuse("to", "We do not know GitLab " + v + ": the newest patch of " + line.name() + " is "
                    + line.latest() + ".");
        }
        return v;
    }

    /**
     * Null when {@code text} is a released GitLab version (major.minor.patch, within the release data);
     * otherwise what is wrong with it, to show next to the field.
     */
    public String releasedVersionProblem(String text) {
        var v = Version.parsePatch(text);
        if (v.isEmpty()) {
            return "\u201c" + Echo.clip(text) + "\u201d is not a GitLab version such as 17.11.7.";
        }
        var line = catalog.line(v.get());
        if (line.isEmpty() || v.get().isAfter(line.get().latest())) {
            return "GitLab " + v.get() + " is not a release we know.";
        }
        return null;
    }

    private ReleaseLine knownLine(Version v, String field) {
        return catalog.line(v).orElseThrow(() -> v.lineOnly().isBefore(catalog.oldest().version())
                ? refuse(field, "GitLab " + v + " is older than " + catalog.oldest().name()
                + ", the oldest release line the planner knows. Follow GitLab's upgrade path documentation to reach "
                + catalog.oldest().latest() + " first.")
                : refuse(field, "GitLab " + v.lineName() + " is not a release line we know (newest: "
                + catalog.newest().name() + ")."));
    }

    private Set<Stop> conditions(String text) {
        Set<Stop> applied = new LinkedHashSet<>();
        if (text.isEmpty()) {
            return applied;
        }
        for (String token : text.split(",")) {
            String t = token.strip();
            if (t.isEmpty()) {
                continue;
            }
            Stop stop = rules.conditionalStops().stream().filter(s -> s.matches(t)).findFirst()
                    .orElseThrow(() -> refuse("conditions", "\u201c" + Echo.clip(t) + "\u201d is not a conditional stop. Choose from "
                            + rules.conditionalStops().stream().map(s -> s.line().name() + " (" + s.key() + ")")
                            .collect(Collectors.joining(", ")) + "."));
            applied.add(stop);
            // Stops that GitLab also requires for this condition (the 16.0 stop for a large pipeline variables history).
            rules.conditionalStops().stream().filter(s -> s.alsoFor().contains(stop.key())).forEach(applied::add);
        }
        return applied;
    }


    private static RefusalException refuse(String field, String message) {
        return new RefusalException(new Refusal(field, message));
    }

    private static final class RefusalException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Refusal refusal;

        RefusalException(Refusal refusal) {
            super(refusal.message(), null, false, false);
            this.refusal = refusal;
        }
    }
}
