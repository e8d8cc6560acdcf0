package ltsportal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one status rule set at each boundary day: endoflife.date's "over the day after the end date", and "ending
 * soon" from 60 days (the last supported phase) or 20 days (active support) before the end date, through it.
 */
class LifecycleTest {
    // Released 1 Jan, bug fixes through 1 Feb, security fixes through 1 Jun 2026.
    private final ReleaseLine line = Lines.regular("18.1", "2026-01-01", "2026-02-01", "2026-06-01");
    // LTS: bug fixes through 1 Apr, then long-term support through 1 Mar 2027.
    private final ReleaseLine lts = Lines.lts("18.11", "2026-03-01", "2026-04-01", "2026-06-01", "2027-03-01");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2025-12-31, upcoming",
            "2026-01-01, maintained",
            "2026-02-01, maintained",      // the end of active support itself
            "2026-02-02, security-only",   // the day after
            "2026-04-01, security-only",   // 61 days before the end of maintenance
            "2026-04-02, ending-soon",     // 60 days before
            "2026-06-01, ending-soon",     // the end date itself: still supported
            "2026-06-02, eol",             // the day after
    })
    void regularLineAtEveryBoundary(String day, String expected) {
        assertEquals(expected, Lifecycle.status(line, LocalDate.parse(day)).key());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-02-28, upcoming",
            "2026-03-01, maintained",
            "2026-04-01, maintained",
            "2026-04-02, lts",
            "2026-06-02, lts",             // past GitLab's own end of maintenance: the portal's LTS goes on
            "2026-12-30, lts",
            "2026-12-31, ending-soon",     // 60 days before the LTS end
            "2027-03-01, ending-soon",
            "2027-03-02, eol",
    })
    void ltsLineAtEveryBoundary(String day, String expected) {
        assertEquals(expected, Lifecycle.status(lts, LocalDate.parse(day)).key());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-01-11, AHEAD",
            "2026-01-12, ENDING_SOON",     // 20 days before the end of active support
            "2026-02-01, ENDING_SOON",
            "2026-02-02, PAST",
    })
    void activeSupportCellAtEveryBoundary(String day, Cell expected) {
        assertEquals(expected, Lifecycle.status(line, LocalDate.parse(day)).activeSupportCell());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-04-01, AHEAD",
            "2026-04-02, ENDING_SOON",
            "2026-06-01, ENDING_SOON",
            "2026-06-02, PAST",
    })
    void maintenanceCellAtEveryBoundary(String day, Cell expected) {
        assertEquals(expected, Lifecycle.status(line, LocalDate.parse(day)).maintenanceCell());
    }

    @Test
    void supportedMeansSomeFixesStillShipThroughTheEndDate() {
        assertEquals(false, Lifecycle.status(line, LocalDate.parse("2025-12-31")).supported());
        assertEquals(true, Lifecycle.status(line, LocalDate.parse("2026-06-01")).supported());
        assertEquals(false, Lifecycle.status(line, LocalDate.parse("2026-06-02")).supported());
        assertEquals(true, Lifecycle.status(lts, LocalDate.parse("2027-03-01")).supported());
        assertEquals(false, Lifecycle.status(lts, LocalDate.parse("2027-03-02")).supported());
    }
}
