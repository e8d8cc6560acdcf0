package ltsportal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleTest {
    // Released 1 Mar, bug fixes until 1 Apr, security fixes until 1 Jun (61 days: a third is 20 days).
    private final ReleaseLine line = Lines.regular("18.1", "2026-03-01", "2026-04-01", "2026-06-01");
    // LTS: bug fixes until 1 Apr, then long-term support until 1 Mar 2027 (334 days; a third is 111 days,
    // four months before 1 Mar is 1 Nov: 120 days, so ending soon starts 111 days before, on 10 Nov 2026).
    private final ReleaseLine lts = Lines.lts("18.11", "2026-03-01", "2026-04-01", "2026-06-01", "2027-03-01");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-02-28, upcoming",
            "2026-03-01, maintained",
            "2026-03-02, maintained",
            "2026-03-31, maintained",
            "2026-04-01, security-only",
            "2026-04-02, security-only",
            "2026-05-11, security-only",
            "2026-05-12, ending-soon",
            "2026-05-13, ending-soon",
            "2026-05-31, ending-soon",
            "2026-06-01, eol",
            "2026-06-02, eol",
    })
    void regularLineAtEveryBoundary(String day, String expected) {
        assertEquals(expected, Lifecycle.status(line, LocalDate.parse(day)).key());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-02-28, upcoming",
            "2026-03-01, maintained",
            "2026-03-31, maintained",
            "2026-04-01, lts",
            "2026-04-02, lts",
            "2026-06-01, lts",
            "2026-11-09, lts",
            "2026-11-10, ending-soon",
            "2026-11-11, ending-soon",
            "2027-02-28, ending-soon",
            "2027-03-01, eol",
            "2027-03-02, eol",
    })
    void ltsLineAtEveryBoundary(String day, String expected) {
        assertEquals(expected, Lifecycle.status(lts, LocalDate.parse(day)).key());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            // Phase of 600 days: a third is 200, four months (1 Jun 2027 back to 1 Feb) is 120 days.
            "2027-01-31, AHEAD",
            "2027-02-01, ENDING_SOON",
            "2027-05-31, ENDING_SOON",
            "2027-06-01, PAST",
    })
    void endingSoonIsCappedAtFourMonths(String day, Cell expected) {
        LocalDate start = LocalDate.parse("2025-10-09");
        LocalDate end = LocalDate.parse("2027-06-01");
        assertEquals(600, java.time.temporal.ChronoUnit.DAYS.between(start, end));
        assertEquals(expected, Lifecycle.cell(start, end, LocalDate.parse(day)));
    }

    @Test
    void activeSupportCellTurnsYellowInTheLastThirdAndRedOnTheDay() {
        // 31 days of active support: a third is 10 days, so yellow from 22 Mar.
        assertEquals(Cell.AHEAD, Lifecycle.status(line, LocalDate.parse("2026-03-21")).activeSupportCell());
        assertEquals(Cell.ENDING_SOON, Lifecycle.status(line, LocalDate.parse("2026-03-22")).activeSupportCell());
        assertEquals(Cell.PAST, Lifecycle.status(line, LocalDate.parse("2026-04-01")).activeSupportCell());
    }

    @Test
    void supportedMeansSomeFixesStillShip() {
        assertEquals(false, Lifecycle.status(line, LocalDate.parse("2026-02-28")).supported());
        assertEquals(true, Lifecycle.status(line, LocalDate.parse("2026-05-31")).supported());
        assertEquals(false, Lifecycle.status(line, LocalDate.parse("2026-06-01")).supported());
        assertEquals(true, Lifecycle.status(lts, LocalDate.parse("2027-02-28")).supported());
    }
}
