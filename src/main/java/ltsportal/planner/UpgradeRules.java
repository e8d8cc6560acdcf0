package ltsportal.planner;

import java.util.List;

/** The planner's content: stops in version order and alerts, read from content/gitlab. */
public record UpgradeRules(List<Stop> stops, List<Alert> alerts) {

    public List<Stop> conditionalStops() {
        return stops.stream().filter(Stop::conditional).toList();
    }
}
