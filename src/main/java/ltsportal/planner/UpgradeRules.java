package ltsportal.planner;

import java.util.List;

/**
 * The planner's content: stops in version order, alerts, and the pace the booking's fit check assumes,
 * read from content/gitlab.
 */
public record UpgradeRules(List<Stop> stops, List<Alert> alerts, Pace pace) {

    public List<Stop> conditionalStops() {
        return stops.stream().filter(Stop::conditional).toList();
    }

    /**
     * The portal's planning assumption (not GitLab data), from {@code stops.yml}: minutes a hop takes,
     * and a hop onto a stop marked {@code duration: long} (long-running migrations).
     */
    public record Pace(int hopMinutes, int longHopMinutes) {
        public static final Pace DEFAULT = new Pace(45, 180);

        public int minutes(Hop hop) {
            // the stop's line is installed on this hop (in zero-downtime mode too): its migrations run here
            return hop.stop() != null && hop.stop().longRunning() ? longHopMinutes : hopMinutes;
        }

        /** The plan's likely length: every hop at its pace. */
        public int minutes(Plan plan) {
            return plan.hops().stream().mapToInt(this::minutes).sum();
        }
    }
}
