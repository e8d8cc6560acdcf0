package ltsportal.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import ltsportal.spikes.BookingRules.Availability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class BookingRulesTest {
    static Spike spike(Spike.Status status) {
        return new Spike(1, "Spike", "", "", LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30"),
                ZoneId.of("Europe/Berlin"), "18.11",
                new WindowTemplate(EnumSet.of(DayOfWeek.MONDAY), List.of(LocalTime.NOON), Duration.ofHours(4), 3),
                Set.of(), 3, 30, 24, status);
    }

    private static SpikeWindow window(String start, int capacity, int booked) {
        Instant s = Instant.parse(start);
        return new SpikeWindow(7, 1, s, s.plus(Duration.ofHours(4)), capacity, booked);
    }

    @ParameterizedTest(name = "now {0}: earliest {1}")
    @CsvSource({
            // Berlin is UTC+2 in June. Friday 5 June 15:00 local + 3 business days = Wednesday 10 June 15:00.
            "2026-06-05T13:00:00Z, 2026-06-10T13:00:00Z",
            // Saturday counts from the weekend: Mon, Tue, Wed -> Wednesday.
            "2026-06-06T08:00:00Z, 2026-06-10T08:00:00Z",
            // Monday -> Thursday.
            "2026-06-08T08:00:00Z, 2026-06-11T08:00:00Z",
            // Wednesday -> Monday (Thu, Fri, Mon).
            "2026-06-10T08:00:00Z, 2026-06-15T08:00:00Z",
    })
    void noticeCountsBusinessDays(Instant now, Instant earliest) {
        assertEquals(earliest, BookingRules.earliestStart(spike(Spike.Status.OPEN), now));
    }

    @Test
    void availabilityAtTheNoticeAndHorizonBoundaries() {
        Spike open = spike(Spike.Status.OPEN);
        Instant now = Instant.parse("2026-06-08T08:00:00Z"); // earliest start Thursday 11 June 08:00Z
        assertEquals(Availability.TOO_SOON, BookingRules.availability(open, window("2026-06-11T07:59:59Z", 3, 0), now));
        assertEquals(Availability.AVAILABLE, BookingRules.availability(open, window("2026-06-11T08:00:00Z", 3, 0), now));
        assertEquals(Availability.AVAILABLE, BookingRules.availability(open, window("2026-07-08T08:00:00Z", 3, 0), now),
                "exactly 30 days ahead");
        assertEquals(Availability.BEYOND_HORIZON, BookingRules.availability(open, window("2026-07-08T08:00:01Z", 3, 0), now));
        assertEquals(Availability.FULL, BookingRules.availability(open, window("2026-06-15T10:00:00Z", 3, 3), now));
        assertEquals(Availability.PAST, BookingRules.availability(open, window("2026-06-08T08:00:00Z", 3, 0), now));
        assertEquals(Availability.PAST, BookingRules.availability(open, window("2026-06-01T10:00:00Z", 3, 3), now),
                "past wins over full");
    }

    @ParameterizedTest
    @EnumSource(value = Spike.Status.class, names = {"DRAFT", "CLOSED"})
    void onlyOpenSpikesTakeBookings(Spike.Status status) {
        assertEquals(Availability.CLOSED, BookingRules.availability(spike(status), window("2026-06-15T10:00:00Z", 3, 0),
                Instant.parse("2026-06-08T08:00:00Z")));
    }

    @Test
    void cancellationCutOffIsTwentyFourHoursBeforeTheStart() {
        Spike open = spike(Spike.Status.OPEN);
        SpikeWindow w = window("2026-06-15T10:00:00Z", 3, 1);
        assertTrue(BookingRules.beforeCutoff(open, w, Instant.parse("2026-06-14T09:59:59Z")));
        assertFalse(BookingRules.beforeCutoff(open, w, Instant.parse("2026-06-14T10:00:00Z")));
        assertFalse(BookingRules.beforeCutoff(open, w, Instant.parse("2026-06-15T11:00:00Z")));
    }

    @Test
    void theStateMachine() {
        assertTrue(BookingStatus.REQUESTED.canBecome(BookingStatus.CONFIRMED));
        assertTrue(BookingStatus.REQUESTED.canBecome(BookingStatus.CANCELLED));
        assertFalse(BookingStatus.REQUESTED.canBecome(BookingStatus.COMPLETED));
        assertFalse(BookingStatus.REQUESTED.canBecome(BookingStatus.STAFFED));
        assertTrue(BookingStatus.CONFIRMED.canBecome(BookingStatus.STAFFED));
        assertTrue(BookingStatus.CONFIRMED.canBecome(BookingStatus.COMPLETED));
        assertTrue(BookingStatus.STAFFED.canBecome(BookingStatus.COMPLETED));
        for (BookingStatus s : BookingStatus.values()) {
            assertFalse(BookingStatus.COMPLETED.canBecome(s));
            assertFalse(BookingStatus.CANCELLED.canBecome(s));
            assertFalse(s.canBecome(BookingStatus.REQUESTED), "nothing goes back to requested");
        }
        assertTrue(BookingStatus.CONFIRMED.reschedulable());
        assertFalse(BookingStatus.STAFFED.reschedulable());
        assertFalse(BookingStatus.CANCELLED.active());
    }
}
