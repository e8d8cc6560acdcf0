package ltsportal.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Windows stay at their local time across daylight-saving changes; the instant moves instead. */
class WindowTemplateTest {
    private static final WindowTemplate DAILY_NINE = new WindowTemplate(EnumSet.allOf(DayOfWeek.class),
            List.of(LocalTime.of(9, 0)), Duration.ofHours(4), 3);

    @ParameterizedTest(name = "{0}: {1} -> {2} UTC, {3} -> {4} UTC")
    @CsvSource({
            // zone, day before the change, its 09:00 in UTC, day after, its 09:00 in UTC
            "Europe/Berlin, 2026-03-28, 2026-03-28T08:00:00Z, 2026-03-30, 2026-03-30T07:00:00Z",
            "Europe/Berlin, 2026-10-24, 2026-10-24T07:00:00Z, 2026-10-26, 2026-10-26T08:00:00Z",
            "America/New_York, 2026-03-07, 2026-03-07T14:00:00Z, 2026-03-09, 2026-03-09T13:00:00Z",
            "America/New_York, 2026-10-31, 2026-10-31T13:00:00Z, 2026-11-02, 2026-11-02T14:00:00Z",
    })
    void nineOClockStaysNineOClockAcrossTheChange(String zone, LocalDate before, Instant beforeUtc,
                                                  LocalDate after, Instant afterUtc) {
        var windows = DAILY_NINE.generate(before, after, ZoneId.of(zone), Set.of());
        assertEquals(3, windows.size());
        assertEquals(beforeUtc, windows.get(0).start());
        assertEquals(afterUtc, windows.get(2).start());
        for (var w : windows) {
            assertEquals(9, w.start().atZone(ZoneId.of(zone)).getHour(), "local start hour");
            assertEquals(Duration.ofHours(4), Duration.between(w.start(), w.end()), "four real hours");
        }
    }

    @Test
    void onTheDayOfTheChangeItselfTheLocalTimeHolds() {
        var berlinSpring = DAILY_NINE.generate(LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-29"),
                ZoneId.of("Europe/Berlin"), Set.of());
        assertEquals(Instant.parse("2026-03-29T07:00:00Z"), berlinSpring.get(0).start());
        var nyAutumn = DAILY_NINE.generate(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-01"),
                ZoneId.of("America/New_York"), Set.of());
        assertEquals(Instant.parse("2026-11-01T14:00:00Z"), nyAutumn.get(0).start());
    }

    @Test
    void aStartInsideTheSpringGapMovesLaterByTheGap() {
        var template = new WindowTemplate(EnumSet.allOf(DayOfWeek.class), List.of(LocalTime.of(2, 30)), Duration.ofHours(2), 1);
        var windows = template.generate(LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-29"),
                ZoneId.of("Europe/Berlin"), Set.of());
        assertEquals(LocalTime.of(3, 30), windows.get(0).start().atZone(ZoneId.of("Europe/Berlin")).toLocalTime());
    }

    @Test
    void weekdaysStartTimesAndBlackoutDates() {
        var template = new WindowTemplate(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                List.of(LocalTime.of(14, 0), LocalTime.of(9, 0)), Duration.ofHours(3), 2);
        // 2026-06-01 is a Monday; two weeks hold 4 such days, one blacked out.
        var windows = template.generate(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-14"),
                ZoneId.of("UTC"), Set.of(LocalDate.parse("2026-06-03")));
        assertEquals(6, windows.size());
        assertEquals(Instant.parse("2026-06-01T09:00:00Z"), windows.get(0).start(), "in time order");
        assertEquals(Instant.parse("2026-06-01T14:00:00Z"), windows.get(1).start());
        assertEquals(Instant.parse("2026-06-08T09:00:00Z"), windows.get(2).start(), "3 June is blacked out");
    }
}
