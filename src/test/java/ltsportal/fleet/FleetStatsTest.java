package ltsportal.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ltsportal.catalog.SupportCheck;
import ltsportal.planner.PlanRequest;
import ltsportal.planner.Planner;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Test;

/** The north star's numbers and the spike forecast, from instances on the fixture's release data on 1 June 2026. */
class FleetStatsTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    private final SupportCheck check = new SupportCheck(TestPortal.catalog());
    private final Planner planner = new Planner(TestPortal.catalog(), TestPortal.content().upgradeRules());

    private InstanceStatus on(String org, String name, String version) {
        return InstanceStatus.of(new Instance(name.hashCode(), org.hashCode(), org, name, version, "linux-package", "ee", "single-node",
                false, "", false, null, Instant.EPOCH), check, TODAY);
    }

    /** 18.10 ends 18 Jun (17 days), 19.0 on 20 Aug (80), 18.11 is LTS to April 2027, 18.9 and 16.3 ended, 25.1 is past the data. */
    private List<InstanceStatus> fleet() {
        return List.of(on("Acme", "a", "18.10.8"), on("Acme", "b", "19.0.8"), on("Acme", "c", "18.11.11"),
                on("Globex", "d", "18.9.8"), on("Globex", "e", "16.3.4"), on("Globex", "f", "25.1.0"));
    }

    @Test
    void theShareCountsEveryInstanceOnASupportedVersionAndANewerOneAsMaintained() {
        var s = FleetStats.summary(fleet());
        assertEquals(6, s.instances());
        assertEquals(4, s.maintained(), "18.10, 19.0, 18.11 and 25.1 (newer than the data)");
        assertEquals(2, s.ended());
        assertEquals(1, s.onLts());
        assertEquals(67, s.maintainedPercent());
        assertEquals(17, s.ltsPercent());
        assertEquals(1, s.endingWithin30());
        assertEquals(1, s.endingWithin60());
        assertEquals(2, s.endingWithin90());
        assertEquals(1, s.newerThanData());
        assertEquals(0, FleetStats.summary(List.of()).maintainedPercent(), "no instances: 0%, not a division by zero");
    }

    @Test
    void statusesSayWhatEndsWhenAndRecommendAnUpgradeNeverADowngrade() {
        var ending = on("Acme", "a", "18.10.8");
        assertEquals(InstanceStatus.Urgency.ENDING, ending.urgency());
        assertEquals(LocalDate.parse("2026-06-18"), ending.endsOn());
        assertEquals(17L, ending.daysLeft());
        assertTrue(ending.target().isAfter(ltsportal.catalog.Version.parse("18.10.8").orElseThrow()));
        var newer = on("Acme", "f", "25.1.0");
        assertEquals(InstanceStatus.Urgency.NEWER, newer.urgency());
        assertNull(newer.target());
        assertEquals(InstanceStatus.Urgency.ENDED, on("Acme", "old", "12.4.1").urgency(), "older than the data: ended");
        assertEquals(InstanceStatus.Urgency.SUPPORTED, on("Acme", "c", "18.11.11").urgency());
        assertTrue(on("Acme", "c", "18.11.11").lts());
    }

    @Test
    void endingWithinListsSoonestFirstAndVersionsCountPerLine() {
        var ending = FleetStats.endingWithin(fleet(), 90);
        assertEquals(List.of("a", "b"), ending.stream().map(s -> s.instance().name()).toList());
        var versions = FleetStats.versions(fleet());
        assertEquals("25.1", versions.get(0).line(), "newest line first");
        assertEquals(6, versions.stream().mapToInt(FleetStats.LineCount::instances).sum());
    }

    @Test
    void theForecastPlansEveryOlderInstanceToTheLineAndCountsItsWindows() {
        var all = new java.util.ArrayList<>(fleet());
        all.add(on("Initech", "ancient", "12.4.1"));
        var f = FleetStats.forecast(all, planner, "18.11", 240, TODAY);
        assertEquals(List.of("a", "ancient", "d", "e"), f.demands().stream().map(d -> d.status().instance().name()).sorted().toList(),
                "only instances on lines before 18.11");
        int hops = 0;
        int windows = 0;
        for (var d : f.demands()) {
            if (d.problem() != null) {
                assertEquals("ancient", d.status().instance().name());
                continue;
            }
            var plan = ((Planner.Planned) planner.plan(new PlanRequest(d.status().instance().version(), "18.11", "", false), TODAY)).plan();
            assertEquals(plan.hops().size(), d.hops(), d.status().instance().name());
            assertEquals(planner.pace().minutes(plan), d.minutes());
            assertEquals((d.minutes() + 239) / 240, d.windows(), "whole windows of 240 minutes");
            hops += d.hops();
            windows += d.windows();
        }
        assertEquals(hops, f.hops());
        assertEquals(windows, f.windows());
        assertEquals(1, f.unplanned());
        assertNotNull(f.demands().stream().filter(d -> d.problem() != null).findFirst().orElseThrow().problem());
        assertTrue(f.demands().stream().filter(d -> d.status().instance().name().equals("e")).findFirst().orElseThrow().windows() > 1,
                "16.3 to 18.11 takes more than one window");
    }

    @Test
    void theTrendChartDrawsOnePointPerWeekAndSaysSoWhenThereIsNone() {
        String none = FleetChart.svg(List.of());
        assertTrue(none.contains("No weekly snapshot yet"));
        var weeks = List.of(new FleetSnapshots.Week(LocalDate.parse("2026-05-18"), 4, 2, 1, 2),
                new FleetSnapshots.Week(LocalDate.parse("2026-05-25"), 4, 3, 1, 1));
        String svg = FleetChart.svg(weeks);
        var points = java.util.regex.Pattern.compile("class=\"maintained\"[^>]*points=\"([^\"]*)\"").matcher(svg);
        assertTrue(points.find(), svg);
        assertEquals(2, points.group(1).split(" ").length);
        assertEquals(50, weeks.get(0).maintainedPercent());
        assertEquals(75, weeks.get(1).maintainedPercent());
    }
}
