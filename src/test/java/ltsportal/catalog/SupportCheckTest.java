package ltsportal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupportCheckTest {
    private final Catalog catalog = new Catalog(SupportCheckTestData.PRODUCT, List.of(
            Lines.regular("18.10", "2026-03-19", "2026-04-16", "2026-06-18"),
            Lines.lts("18.11", "2026-04-16", "2026-05-21", "2026-07-16", "2027-04-16"),
            Lines.regular("19.0", "2026-05-21", "2026-06-18", "2026-08-20"),
            Lines.regular("19.1", "2026-06-18", "2026-07-16", "2026-09-17")), "hash");
    private final SupportCheck check = new SupportCheck(catalog);

    private SupportCheck.Known known(String version, String day) {
        return assertInstanceOf(SupportCheck.Known.class, check.check(version, LocalDate.parse(day)));
    }

    @Test
    void oldLinePointsToTheNewestLtsPatch() {
        var answer = known("18.10.2", "2026-05-25");
        assertEquals("security-only", answer.status().phase().key());
        assertEquals("18.11.3", answer.recommendedTarget().toString());
    }

    @Test
    void ltsLineBelowItsLatestPatchPointsToThatPatch() {
        var answer = known("18.11.1", "2026-07-01");
        assertTrue(answer.status().supported());
        assertFalse(answer.onLatestPatch());
        assertEquals("18.11.3", answer.recommendedTarget().toString());
    }

    @Test
    void lineNewerThanTheLtsStaysOnTheNewestLine() {
        var answer = known("19.0.3", "2026-07-01");
        assertEquals("19.1.3", known("19.0.3", "2026-07-01").recommendedTarget().toString());
        assertTrue(answer.patchKnown());
        assertTrue(answer.onLatestPatch());
    }

    @Test
    void unknownPatchIsFlaggedButTheLineStillAnswers() {
        var answer = known("19.1.42", "2026-07-01");
        assertFalse(answer.patchKnown());
        assertEquals("maintained", answer.status().key());
    }

    @Test
    void withNothingSupportedTheNewestPatchIsRecommended() {
        assertEquals("19.1.3", known("18.10", "2028-01-01").recommendedTarget().toString());
    }

    @Test
    void linesOutsideTheCatalogAndGarbageAreTold() {
        var old = assertInstanceOf(SupportCheck.UnknownLine.class, check.check("12.0.1", LocalDate.parse("2026-07-01")));
        assertTrue(old.olderThanCatalog());
        var future = assertInstanceOf(SupportCheck.UnknownLine.class, check.check("25.1", LocalDate.parse("2026-07-01")));
        assertFalse(future.olderThanCatalog());
        assertInstanceOf(SupportCheck.Malformed.class, check.check("latest please", LocalDate.parse("2026-07-01")));
    }
}
