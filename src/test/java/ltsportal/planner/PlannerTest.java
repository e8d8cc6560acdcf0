package ltsportal.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import ltsportal.catalog.Version;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GitLab's upgrade path rule over the repository's own stops and release lines. */
class PlannerTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    private final Planner planner = new Planner(TestPortal.catalog(), TestPortal.content().upgradeRules());

    private Plan plan(String from, String to, String conditions, boolean zeroDowntime) {
        var result = planner.plan(new PlanRequest(from, to, conditions, zeroDowntime), TODAY);
        return assertInstanceOf(Planner.Planned.class, result, () -> result.toString()).plan();
    }

    private Refusal refusal(String from, String to, String conditions) {
        var result = planner.plan(new PlanRequest(from, to, conditions, false), TODAY);
        return assertInstanceOf(Planner.Refused.class, result, () -> result.toString()).refusal();
    }

    private static List<String> path(Plan plan) {
        return plan.path().stream().map(Version::toString).toList();
    }

    @ParameterizedTest(name = "{0} -> {1} [{2}] = {3}")
    @CsvSource(delimiter = '|', value = {
            // every required stop strictly between, at its newest patch, then the target
            "15.4.6|17.11|''|15.11.13 16.3.9 16.7.10 16.11.10 17.3.7 17.5.5 17.8.7 17.11.7",
            "15.4.6|18.11|''|15.11.13 16.3.9 16.7.10 16.11.10 17.3.7 17.5.5 17.8.7 17.11.7 18.2.8 18.5.7 18.8.11 18.11.11",
            // a stop of C's own minor counts when its newest patch is above C
            "18.11.2|19.3.0|''|18.11.11 19.2.4 19.3.0",
            "15.4.2|15.11|''|15.4.6 15.11.13",
            // the target's own stop is the target, not an extra hop
            "16.11.10|17.3.7|''|17.3.7",
            "16.11.10|17.3.2|''|17.3.2",
            // next minor, no stop between
            "18.9.3|18.10|''|18.10.8",
            // T omitted: the newest release
            "19.2.4|''|''|19.3.0",
            // from the oldest line of the catalog
            "13.10.0|14.0|''|13.12.15 14.0.12",
            "13.10.5|15.0.5|''|13.12.15 14.0.12 14.3.6 14.9.5 14.10.5 15.0.5",
            // conditional stops join only when asked for, by version or by key
            "15.0.2|15.4.6|15.1|15.0.5 15.1.6 15.4.6",
            "15.0.5|15.4.6|multiple-rails-nodes|15.1.6 15.4.6",
            "15.11.13|16.3|16.0,npm-packages|16.0.10 16.1.8 16.3.9",
            "15.11.13|16.3|' 16.2 , 30K-USERS '|16.0.10 16.2.11 16.3.9",
            "16.11.10|17.3|17.1|17.1.8 17.3.7",
            "16.11.10|17.3|''|17.3.7",
            // a condition outside the range changes nothing
            "17.3.7|17.8|15.1|17.5.5 17.8.7",
            // a line-only current version means its first release
            "17.3|17.5|''|17.3.7 17.5.5",
    })
    void followsTheRule(String from, String to, String conditions, String expected) {
        assertEquals(Arrays.asList(expected.split(" ")), path(plan(from, to, conditions, false)));
    }

    @ParameterizedTest(name = "zero downtime {0} -> {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "17.8.7|17.11|17.9.8 17.10.8 17.11.7",
            "17.8.2|18.1|17.8.7 17.9.8 17.10.8 17.11.7 18.0.6 18.1.6",
            "16.11.10|17.0.8|17.0.8",
    })
    void zeroDowntimeTakesEveryMinor(String from, String to, String expected) {
        Plan plan = plan(from, to, "", true);
        List<String> p = path(plan);
        // The expected lists name patches; compare lines and check each hop is its line's newest patch.
        List<String> expectedLines = Arrays.stream(expected.split(" ")).map(v -> v.substring(0, v.lastIndexOf('.'))).toList();
        assertEquals(expectedLines, p.stream().map(v -> v.substring(0, v.lastIndexOf('.'))).toList());
        for (int i = 0; i < plan.hops().size() - 1; i++) {
            var hop = plan.hops().get(i);
            assertEquals(TestPortal.catalog().line(hop.version()).orElseThrow().latest(), hop.version());
        }
        assertTrue(plan.warnings().stream().anyMatch(w -> w.startsWith("Zero-downtime mode")));
    }

    @Test
    void hopKindsSayWhyEachHopIsThere() {
        Plan plan = plan("15.11.13", "16.7", "16.1", false);
        assertEquals(List.of("conditional", "required", "target"),
                plan.hops().stream().map(h -> h.kind().key()).toList());
        assertTrue(plan.hops().get(0).reason().contains("npm packages"));
        assertTrue(plan.hops().get(1).reason().startsWith("Required upgrade stop."));
        assertEquals(List.of("16.0", "16.2"), plan.otherConditionalStops().stream().map(s -> s.line().name()).toList());
        assertEquals(3, plan.conditionalStops().size(), "every conditional stop between is listed, applied or not");
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("16.0, 16.2 may apply")));
    }

    @Test
    void everyHopCarriesTheLinesCrossedSinceThePreviousHop() {
        Plan plan = plan("16.11.10", "17.5", "", false);
        assertEquals(List.of("17.0", "17.1", "17.2", "17.3"),
                plan.hops().get(0).crossedLines().stream().map(l -> l.name()).toList());
        assertEquals(List.of("17.4", "17.5"), plan.hops().get(1).crossedLines().stream().map(l -> l.name()).toList());
    }

    @Test
    void alertsAttachToTheHopThatCrossesThem() {
        Plan plan = plan("15.4.6", "16.3", "", false);
        var toFifteenEleven = plan.hops().get(0);
        var toSixteenThree = plan.hops().get(1);
        assertTrue(toFifteenEleven.alerts().stream().anyMatch(a -> a.title().contains("glibc")));
        assertTrue(toSixteenThree.alerts().stream().anyMatch(a -> a.title().equals("Expiring Access Tokens")));
        assertTrue(toSixteenThree.alerts().stream().anyMatch(a -> a.title().contains("30k Users")),
                "the hop jumps over the conditional 16.0 stop");
        assertTrue(toFifteenEleven.alerts().stream().noneMatch(a -> a.title().contains("Multiple Rails Nodes")),
                "15.1 lies behind 15.4.6: nothing to warn about");
        var withSixteenZero = plan("15.11.13", "16.3", "16.0", false);
        assertTrue(withSixteenZero.hops().stream().flatMap(h -> h.alerts().stream())
                .noneMatch(a -> a.title().contains("30k Users")), "once 16.0 is a hop, nothing is jumped over");
    }

    @Test
    void anAlertSpanningSeveralHopsIsToldOnceOnTheFirst() {
        Plan plan = plan("15.4.6", "17.11", "", false);
        var glibc = plan.hops().get(0).alerts().stream().filter(a -> a.title().contains("glibc")).findFirst().orElseThrow();
        assertTrue(plan.hops().stream().allMatch(h -> h.alerts().contains(glibc)), "glibc applies from 15.11 to 17.11");
        assertEquals(List.of(new Hop.Shown(glibc, 7)),
                plan.hops().get(0).shown().stream().filter(s -> s.alert().equals(glibc)).toList());
        assertEquals("Applies to the next 7 hops too.", plan.hops().get(0).shown().stream()
                .filter(s -> s.alert().equals(glibc)).findFirst().orElseThrow().span());
        for (Hop later : plan.hops().subList(1, plan.hops().size())) {
            assertTrue(later.shown().stream().noneMatch(s -> s.alert().equals(glibc)), "told again on " + later.version());
            assertEquals(List.of(new Hop.Carried(glibc, 1, 8)),
                    later.carried().stream().filter(c -> c.alert().equals(glibc)).toList());
        }
    }

    @ParameterizedTest(name = "{0} -> {1} zero downtime {2}")
    @CsvSource({"15.4.6,18.11,false", "13.10.5,19.3,false", "16.11.10,17.11,true", "15.11.13,16.3,false"})
    void everyAlertOfAHopIsEitherToldThereOrCarriedFromTheFirstHopOfItsRun(String from, String to, boolean zeroDowntime) {
        Plan plan = plan(from, to, "", zeroDowntime);
        var hops = plan.hops();
        for (int i = 0; i < hops.size(); i++) {
            Hop hop = hops.get(i);
            assertEquals(hop.alerts().size(), hop.shown().size() + hop.carried().size(), "hop " + hop.number());
            for (var alert : hop.alerts()) {
                int first = i;
                while (first > 0 && hops.get(first - 1).alerts().contains(alert)) {
                    first--;
                }
                int last = i;
                while (last + 1 < hops.size() && hops.get(last + 1).alerts().contains(alert)) {
                    last++;
                }
                if (first == i) {
                    assertTrue(hop.shown().contains(new Hop.Shown(alert, last - i)), alert.title() + " on hop " + hop.number());
                } else {
                    assertTrue(hop.carried().contains(new Hop.Carried(alert, first + 1, last + 1)), alert.title() + " on hop " + hop.number());
                }
            }
        }
    }

    @Test
    void firstHopWithinTheSameLineIsPointedOut() {
        Plan plan = plan("18.11.2", "19.3", "", false);
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("is a patch release of 18.11")));
        assertTrue(plan.hops().get(0).patchOfSameLine());
    }

    @Test
    void sameVersionSaysSo() {
        Plan plan = plan("17.11.7", "17.11", "", false);
        assertTrue(plan.alreadyThere());
        assertEquals(List.of(), plan.path());
        assertTrue(plan.warnings().get(0).contains("You already run 17.11.7"));
    }

    @Test
    void majorsCrossedAndTargetStatusAreWarned() {
        Plan plan = plan("15.4.6", "17.3", "", false);
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("crosses GitLab 16.0")));
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("crosses GitLab 17.0")));
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("past its end of life")));
    }

    @ParameterizedTest(name = "{0} -> {1} [{2}]: refused on {3}")
    @CsvSource(delimiter = '|', value = {
            "''|17.11|''|from|Enter the GitLab version",
            "banana|17.11|''|from|is not a GitLab version",
            "12.10.14|17.11|''|from|older than 13.10",
            "15.4.99|17.11|''|from|We do not know GitLab 15.4.99",
            "30.1.0|''|''|from|not a release line we know",
            "17.11.7|16.11|''|to|cannot be downgraded",
            "17.11.7|17.11.2|''|to|cannot be downgraded",
            "15.4.6|17.11.99|''|to|We do not know GitLab 17.11.99",
            "15.4.6|latest|''|to|is not a GitLab version",
            "15.4.6|17.11|16.5|conditions|is not a conditional stop",
            "15.4.6|17.11|all|conditions|Choose from 15.1 (multiple-rails-nodes)",
    })
    void refusesWithAnExplanation(String from, String to, String conditions, String field, String message) {
        Refusal refusal = refusal(from, to, conditions);
        assertEquals(field, refusal.field());
        assertTrue(refusal.message().contains(message), refusal.message());
    }

    @Test
    void aLargePipelineVariablesHistoryStopsAt16_0And16_2AsGitLabsUpgradePathsPageSays() {
        List<String> with = path(plan("15.11.13", "16.3", "pipeline-variables", false));
        assertTrue(with.stream().anyMatch(v -> v.startsWith("16.0.")), "16.0 for pipeline variables: " + with);
        assertTrue(with.stream().anyMatch(v -> v.startsWith("16.2.")), with.toString());
        List<String> without = path(plan("15.11.13", "16.3", "", false));
        assertTrue(without.stream().noneMatch(v -> v.startsWith("16.0.") || v.startsWith("16.2.")), without.toString());
        List<String> users = path(plan("15.11.13", "16.3", "30k-users", false));
        assertTrue(users.stream().anyMatch(v -> v.startsWith("16.0.")) && users.stream().noneMatch(v -> v.startsWith("16.2.")),
                "the users condition alone does not add 16.2: " + users);
    }

    @Test
    void helmStepsNameTheChartLineAndHelmsOwnBackupAndAptAndYumAreSeparateBlocks() {
        var helm = Install.steps(ltsportal.catalog.Version.parse("18.11.11").orElseThrow(), Install.Edition.EE, Install.Deployment.HELM);
        assertTrue(helm.commands().stream().anyMatch(c -> c.contains("--version 9.11.")), helm.commands().toString());
        assertTrue(helm.note().contains("chart 9.11.x"), helm.note());
        assertTrue(Install.backup(Install.Deployment.HELM).contains("backup-utility")
                && !Install.backup(Install.Deployment.HELM).contains("/etc/gitlab"), "Helm backs up with its toolbox");
        var linux = Install.steps(ltsportal.catalog.Version.parse("17.5.5").orElseThrow(), Install.Edition.EE, Install.Deployment.LINUX_PACKAGE);
        assertEquals(2, linux.blocks().size(), "apt and yum apart");
        assertTrue(linux.blocks().get(0).commands().get(0).contains("apt-get") && linux.blocks().get(1).commands().get(0).contains("yum"));
    }
}
