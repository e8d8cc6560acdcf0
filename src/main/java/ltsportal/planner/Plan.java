package ltsportal.planner;

import java.util.List;
import java.util.stream.Stream;
import ltsportal.catalog.LineStatus;
import ltsportal.catalog.Version;

/**
 * An upgrade path: the hops in order (the last one is the target), the conditional stops that may
 * apply, and warnings. An empty path means the customer already runs the target.
 */
public record Plan(Version from, Version to, boolean zeroDowntime, List<Hop> hops, List<Stop> appliedConditions,
                   List<Stop> otherConditionalStops, List<String> warnings, LineStatus targetStatus) {

    public List<Version> path() {
        return hops.stream().map(Hop::version).toList();
    }

    public boolean alreadyThere() {
        return hops.isEmpty();
    }

    /** Every conditional stop between from and target, applied or not. */
    public List<Stop> conditionalStops() {
        return Stream.concat(appliedConditions.stream(), otherConditionalStops.stream())
                .sorted(java.util.Comparator.comparing(s -> s.line().version())).toList();
    }
}
