package ltsportal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ltsportal.support.TestPortal;
import ltsportal.web.DateText;
import org.junit.jupiter.api.Test;

/**
 * The support check never advises a downgrade (issue 15): for every version from 13.0.0 to 19.9.0, at a clock
 * inside the data, at its end, and months after it, a recommended target is above the version, and a version
 * at or past the newest release the data knows gets no recommendation but "newer than our data".
 */
class NoDowngradeTest {
    private static final Catalog CATALOG = TestPortal.content().catalog();
    private static final List<LocalDate> CLOCKS = List.of(LocalDate.parse("2026-06-01"), CATALOG.product().dataAsOf(),
            LocalDate.parse("2026-11-27"));

    @Test
    void noVersionFrom13To19IsEverAdvisedADowngradeAtThreeClocks() {
        SupportCheck check = new SupportCheck(CATALOG);
        List<String> wrong = new ArrayList<>();
        int recommended = 0;
        for (LocalDate day : CLOCKS) {
            for (int major = 13; major <= 19; major++) {
                for (int minor = 0; minor <= 11 && (major < 19 || minor <= 9); minor++) {
                    for (int patch : new int[] {0, 1, 7, 15}) {
                        String v = major + "." + minor + "." + patch;
                        if (check.check(v, day) instanceof SupportCheck.Known k) {
                            if (k.recommendedTarget() != null) {
                                recommended++;
                                if (!k.recommendedTarget().isAfter(k.version())) {
                                    wrong.add(v + " on " + day + " -> " + k.recommendedTarget());
                                }
                            }
                            String text = String.join(" ", CheckAnswerText.of(k, new DateText(day), CATALOG).details());
                            var target = text.replaceAll("(?s).*We recommend upgrading to ([0-9.]+)\\..*", "$1");
                            if (!target.equals(text) && !Version.parse(target).orElseThrow().isAfter(k.version())) {
                                wrong.add(v + " on " + day + ": the home page says " + target);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(recommended > 500, "most versions get a recommendation: " + recommended);
    }

    @Test
    void aLineThatEndedAfterTheDataWasGatheredSaysHowOldTheDataIs() {
        var check = new SupportCheck(CATALOG);
        var ended = (SupportCheck.Known) check.check("19.2.4", LocalDate.parse("2026-11-27"));
        assertEquals(ltsportal.catalog.Phase.END_OF_LIFE, ended.status().phase());
        String text = String.join(" ", CheckAnswerText.of(ended, new DateText(LocalDate.parse("2026-11-27")), CATALOG).details());
        assertTrue(text.contains("release data as of"), "an end after the data's date comes with the data's age: " + text);
        var old = (SupportCheck.Known) check.check("16.0.1", LocalDate.parse("2026-11-27"));
        assertTrue(!String.join(" ", CheckAnswerText.of(old, new DateText(LocalDate.parse("2026-11-27")), CATALOG).details())
                .contains("release data as of"), "a line that ended long before the data needs no such word");
    }

    @Test
    void theNewestReleaseAndAPatchTheDataDoesNotKnowAreNewerThanTheData() {
        SupportCheck check = new SupportCheck(CATALOG);
        Version newest = CATALOG.newest().latest();
        var atNewest = (SupportCheck.Known) check.check(newest.toString(), LocalDate.parse("2026-11-27"));
        assertTrue(atNewest.newerThanData());
        assertNull(atNewest.recommendedTarget());
        var unknownPatch = (SupportCheck.Known) check.check("18.11.15", LocalDate.parse("2026-11-27"));
        assertTrue(unknownPatch.newerThanData(), "18.11.15 is past the data's 18.11 patches");
        var text = CheckAnswerText.of(unknownPatch, new DateText(LocalDate.parse("2026-11-27")), CATALOG);
        assertEquals("info", text.tone());
        assertTrue(String.join(" ", text.details()).contains("Our release data is as of " ), text.details().toString());
        assertEquals(CheckAnswerText.RELEASES, text.nextHref());
    }
}
