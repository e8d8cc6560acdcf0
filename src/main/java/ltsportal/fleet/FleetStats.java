package ltsportal.fleet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ltsportal.catalog.Version;
import ltsportal.planner.PlanRequest;
import ltsportal.planner.Planner;

/** The north star's numbers from the instances' statuses: pure, so the dashboard, the API and the snapshots agree. */
public final class FleetStats {
    private FleetStats() {
    }

    /** Counts of registered instances today; shares in whole percent (0 when there are none). */
    public record Summary(int instances, int maintained, int onLts, int ended, int endingWithin30, int endingWithin60,
                          int endingWithin90, int newerThanData) {
        public int maintainedPercent() {
            return percent(maintained, instances);
        }

        public int ltsPercent() {
            return percent(onLts, instances);
        }
    }

    static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }

    public static Summary summary(List<InstanceStatus> all) {
        int maintained = 0;
        int lts = 0;
        int ended = 0;
        int e30 = 0;
        int e60 = 0;
        int e90 = 0;
        int newer = 0;
        for (InstanceStatus s : all) {
            if (s.maintained()) {
                maintained++;
            } else {
                ended++;
            }
            if (s.maintained() && s.lts()) {
                lts++;
            }
            if (s.urgency() == InstanceStatus.Urgency.NEWER) {
                newer++;
            }
            if (s.maintained() && s.daysLeft() != null) {
                e30 += s.daysLeft() <= 30 ? 1 : 0;
                e60 += s.daysLeft() <= 60 ? 1 : 0;
                e90 += s.daysLeft() <= 90 ? 1 : 0;
            }
        }
        return new Summary(all.size(), maintained, lts, ended, e30, e60, e90, newer);
    }

    /** Maintained instances whose support ends within {@code days}, soonest first, then by organization and name. */
    public static List<InstanceStatus> endingWithin(List<InstanceStatus> all, int days) {
        return all.stream().filter(s -> s.maintained() && s.daysLeft() != null && s.daysLeft() <= days)
                .sorted(Comparator.comparing(InstanceStatus::endsOn).thenComparing(s -> s.instance().orgName())
                        .thenComparing(s -> s.instance().name()))
                .toList();
    }

    /** How many instances run each release line, newest line first (a version the data does not know under its own line). */
    public record LineCount(String line, String status, int instances) {
    }

    public static List<LineCount> versions(List<InstanceStatus> all) {
        Map<Version, LineCount> byLine = new java.util.TreeMap<>(Comparator.reverseOrder());
        for (InstanceStatus s : all) {
            Version line = Version.parse(s.instance().version()).map(Version::lineOnly).orElseThrow();
            LineCount old = byLine.get(line);
            byLine.put(line, new LineCount(line.toString(), s.label(), old == null ? 1 : old.instances() + 1));
        }
        return List.copyOf(byLine.values());
    }

    /** One instance that must cross {@code target}: the hops its path takes and the windows those likely need. */
    public record Demand(InstanceStatus status, int hops, int minutes, int windows, String problem) {
    }

    /** The forecast for a spike to {@code targetLine}: every instance below it, what it needs, and the totals. */
    public record Forecast(String targetLine, int windowMinutes, List<Demand> demands, int instances, int hops, int windows,
                           int unplanned) {
    }

    /**
     * The demand for a spike whose focus is {@code targetLine} with windows of {@code windowMinutes}: each instance on
     * an older line is planned to the line (the planner's path, hop by hop) and its likely length (the booking fit
     * check's pace) divided into windows. An instance the planner cannot plan (older than the data) is listed with why.
     */
    public static Forecast forecast(List<InstanceStatus> all, Planner planner, String targetLine, int windowMinutes, LocalDate today) {
        Version target = Version.parse(targetLine).orElseThrow().lineOnly();
        List<Demand> demands = new ArrayList<>();
        int hops = 0;
        int windows = 0;
        int unplanned = 0;
        for (InstanceStatus s : all) {
            Version v = Version.parse(s.instance().version()).orElseThrow();
            if (!v.lineOnly().isBefore(target)) {
                continue;
            }
            var result = planner.plan(new PlanRequest(s.instance().version(), targetLine, "", false), today);
            if (result instanceof Planner.Planned p) {
                int minutes = planner.pace().minutes(p.plan());
                int w = Math.max(1, (minutes + windowMinutes - 1) / windowMinutes);
                demands.add(new Demand(s, p.plan().hops().size(), minutes, w, null));
                hops += p.plan().hops().size();
                windows += w;
            } else if (result instanceof Planner.Refused r) {
                demands.add(new Demand(s, 0, 0, 0, r.refusal().message()));
                unplanned++;
            }
        }
        demands.sort(Comparator.comparing((Demand d) -> d.status().instance().orgName()).thenComparing(d -> d.status().instance().name()));
        return new Forecast(target.toString(), windowMinutes, List.copyOf(demands), demands.size(), hops, windows, unplanned);
    }

    /** Instances per organization among {@code list}, for the dashboard's grouping. */
    public static Map<String, List<InstanceStatus>> byOrganization(List<InstanceStatus> list) {
        Map<String, List<InstanceStatus>> out = new LinkedHashMap<>();
        list.forEach(s -> out.computeIfAbsent(s.instance().orgName(), k -> new ArrayList<>()).add(s));
        return out;
    }
}
