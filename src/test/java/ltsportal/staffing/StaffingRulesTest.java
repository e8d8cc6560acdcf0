package ltsportal.staffing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ltsportal.accounts.Role;
import org.junit.jupiter.api.Test;

/** Who may take a window, who should, and what the board flags: the rules without a database. */
class StaffingRulesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Tuesday 9 June 2026, 09:00-13:00 Berlin time. */
    private static final Instant START = Instant.parse("2026-06-09T07:00:00Z");
    private static final Instant END = Instant.parse("2026-06-09T11:00:00Z");
    private static final StaffingRules.Slot SLOT = new StaffingRules.Slot(10, 1, START, END, EnumSet.of(Skill.HELM, Skill.GEO));

    static Engineer engineer(long id, String name, Set<Skill> skills, int max, Instant lastAssigned) {
        return new Engineer(id, name, name.toLowerCase() + "@example.test", BERLIN, Role.ENGINEER, false, skills, max, lastAssigned);
    }

    static Shift weekdays(long engineerId, String from, String to) {
        return new Shift(1, 1, engineerId, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.parse(from),
                LocalTime.parse(to), BERLIN, LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30"));
    }

    static StaffingRules.Availability available(Engineer e) {
        return new StaffingRules.Availability(e, List.of(weekdays(e.id(), "08:00", "18:00")), List.of(), List.of());
    }

    @Test
    void anOnShiftEngineerWithRoomMayTakeTheWindow() {
        var ada = available(engineer(1, "Ada", EnumSet.of(Skill.HELM), 1, null));
        assertTrue(StaffingRules.refusal(ada, SLOT, Assignment.Role.PRIMARY, List.of()).isEmpty());
    }

    @Test
    void eachRuleRefusesWithItsOwnReason() {
        Engineer ada = engineer(1, "Ada", EnumSet.of(Skill.HELM), 1, null);
        var disabled = new StaffingRules.Availability(new Engineer(1, "Ada", "a@x", BERLIN, Role.ENGINEER, true, Set.of(), 1, null),
                List.of(weekdays(1, "08:00", "18:00")), List.of(), List.of());
        assertEquals("Ada's account is disabled.", refusal(disabled, List.of()));
        var customer = new StaffingRules.Availability(new Engineer(1, "Ada", "a@x", BERLIN, Role.CUSTOMER, false, Set.of(), 1, null),
                List.of(weekdays(1, "08:00", "18:00")), List.of(), List.of());
        assertEquals("Ada does not take upgrade windows.", refusal(customer, List.of()));
        var lateShift = new StaffingRules.Availability(ada, List.of(weekdays(1, "10:00", "18:00")), List.of(), List.of());
        assertEquals("Ada is not on shift for the whole window.", refusal(lateShift, List.of()));
        var otherSpike = new StaffingRules.Availability(ada, List.of(new Shift(2, 2, 1, EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(0, 0), LocalTime.of(23, 0), BERLIN, LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30"))),
                List.of(), List.of());
        assertEquals("Ada is not on shift for the whole window.", refusal(otherSpike, List.of()), "a shift counts in its own spike only");
        var away = new StaffingRules.Availability(ada, List.of(weekdays(1, "08:00", "18:00")),
                List.of(new TimeOff(1, 1, Instant.parse("2026-06-09T10:00:00Z"), Instant.parse("2026-06-10T00:00:00Z"), "dentist")),
                List.of());
        assertEquals("Ada is on time off then (dentist).", refusal(away, List.of()));
        var busy = new StaffingRules.Availability(ada, List.of(weekdays(1, "08:00", "18:00")), List.of(),
                List.of(new StaffingRules.Busy(11, Instant.parse("2026-06-09T09:00:00Z"), Instant.parse("2026-06-09T13:00:00Z"))));
        assertEquals("Ada already has 1 booking during this window and takes at most 1 at once.", refusal(busy, List.of()));
        var onIt = List.of(new Assignment(5, 10, 1, "Ada", Assignment.Role.BACKUP, Assignment.MANUAL, START, null));
        assertEquals("Ada is already the backup on this booking.", refusal(available(ada), onIt));
        var taken = List.of(new Assignment(6, 10, 2, "Bo", Assignment.Role.PRIMARY, Assignment.MANUAL, START, null));
        assertEquals("This booking has a primary already (Bo): remove them first.", refusal(available(ada), taken));
        var removed = List.of(new Assignment(6, 10, 2, "Bo", Assignment.Role.PRIMARY, Assignment.MANUAL, START, END));
        assertEquals("", refusal(available(ada), removed), "a removed assignment frees its place");
    }

    private static String refusal(StaffingRules.Availability a, List<Assignment> onBooking) {
        return StaffingRules.refusal(a, SLOT, Assignment.Role.PRIMARY, onBooking).orElse("");
    }

    @Test
    void loadCountsTheMostBookingsAtOneMomentNotAllThatTouchTheWindow() {
        // 09:00-13:00 UTC window; two bookings that do not overlap each other: at most one at a time.
        List<StaffingRules.Busy> busy = List.of(
                new StaffingRules.Busy(1, Instant.parse("2026-06-09T06:00:00Z"), Instant.parse("2026-06-09T08:00:00Z")),
                new StaffingRules.Busy(2, Instant.parse("2026-06-09T10:00:00Z"), Instant.parse("2026-06-09T12:00:00Z")));
        assertEquals(1, StaffingRules.maxOverlap(busy, START, END));
        List<StaffingRules.Busy> stacked = List.of(busy.get(0),
                new StaffingRules.Busy(3, Instant.parse("2026-06-09T07:30:00Z"), Instant.parse("2026-06-09T09:00:00Z")));
        assertEquals(2, StaffingRules.maxOverlap(stacked, START, END));
        List<StaffingRules.Busy> touching = List.of(new StaffingRules.Busy(4, END, END.plusSeconds(3600)));
        assertEquals(0, StaffingRules.maxOverlap(touching, START, END), "a window that starts as this one ends does not overlap");
        var two = new StaffingRules.Availability(engineer(1, "Ada", Set.of(), 2, null), List.of(weekdays(1, "08:00", "18:00")),
                List.of(), stacked);
        assertTrue(StaffingRules.refusal(two, SLOT, Assignment.Role.PRIMARY, List.of()).isPresent(), "two at once is her limit");
        var spread = new StaffingRules.Availability(engineer(1, "Ada", Set.of(), 2, null), List.of(weekdays(1, "08:00", "18:00")),
                List.of(), busy);
        assertTrue(StaffingRules.refusal(spread, SLOT, Assignment.Role.PRIMARY, List.of()).isEmpty());
    }

    @Test
    void suggestionsRankSkillsThenLoadThenWorkingDayThenWhoWaitedLongest() {
        var both = available(engineer(1, "Both", EnumSet.of(Skill.HELM, Skill.GEO), 1, Instant.parse("2026-06-01T00:00:00Z")));
        var helm = available(engineer(2, "Helm", EnumSet.of(Skill.HELM), 1, null));
        var none = available(engineer(3, "None", Set.of(), 1, null));
        var waited = available(engineer(4, "Waited", EnumSet.of(Skill.HELM), 1, Instant.parse("2026-05-01T00:00:00Z")));
        var recent = available(engineer(5, "Recent", EnumSet.of(Skill.HELM), 1, Instant.parse("2026-05-20T00:00:00Z")));
        var off = new StaffingRules.Availability(engineer(6, "Off", EnumSet.of(Skill.HELM, Skill.GEO), 1, null), List.of(), List.of(), List.of());
        var ranked = StaffingRules.suggest(SLOT, Assignment.Role.PRIMARY, List.of(none, recent, off, waited, helm, both), List.of(),
                Map.of(1L, 0, 2L, 1));
        assertEquals(List.of("Both", "Waited", "Recent", "Helm", "None"), ranked.stream().map(s -> s.engineer().name()).toList(),
                "skills first; among equals the lighter load, then whoever waited longest; nobody off shift");
        assertEquals(23, ranked.get(0).score());
        assertTrue(ranked.get(0).reasons().contains("knows helm, geo"), ranked.get(0).reasons().toString());
        assertTrue(ranked.get(3).reasons().contains("1 other booking in this spike"));
        assertTrue(ranked.get(4).reasons().contains("lacks helm, geo"));
    }

    @Test
    void equalCandidatesAreOrderedByIdSoTheRankingNeverWobbles() {
        var a = available(engineer(9, "Nine", Set.of(), 1, null));
        var b = available(engineer(3, "Three", Set.of(), 1, null));
        var ranked = StaffingRules.suggest(SLOT, Assignment.Role.BACKUP, List.of(a, b), List.of(), Map.of());
        assertEquals(List.of(3L, 9L), ranked.stream().map(s -> s.engineer().id()).toList());
    }

    @Test
    void aWindowOutsideTheEngineersWorkingDayScoresLower() {
        var berlin = available(engineer(1, "Berlin", Set.of(), 1, null));
        var chicagoEngineer = new Engineer(2, "Chicago", "c@x", ZoneId.of("America/Chicago"), Role.ENGINEER, false, Set.of(), 1, null);
        var chicago = new StaffingRules.Availability(chicagoEngineer, List.of(weekdays(2, "08:00", "18:00")), List.of(), List.of());
        var ranked = StaffingRules.suggest(SLOT, Assignment.Role.PRIMARY, List.of(chicago, berlin), List.of(), Map.of());
        assertEquals("Berlin", ranked.get(0).engineer().name());
        assertTrue(ranked.get(1).reasons().stream().anyMatch(r -> r.startsWith("outside their working day (02:00")),
                ranked.get(1).reasons().toString());
    }

    @Test
    void theBoardFlagsEveryKindOfProblem() {
        Engineer ada = engineer(1, "Ada", EnumSet.of(Skill.HELM), 1, null);
        var awayAda = new StaffingRules.Availability(ada, List.of(weekdays(1, "10:00", "18:00")),
                List.of(new TimeOff(1, 1, START, END, "ill")), List.of());
        var on = List.of(new Assignment(1, 10, 1, "Ada", Assignment.Role.PRIMARY, Assignment.MANUAL, START, null));
        var keys = StaffingRules.problems(SLOT, on, Map.of(1L, awayAda)).stream().map(StaffingRules.Problem::key).toList();
        assertEquals(List.of("no-backup", "missing-skill", "off-shift", "time-off"), keys);
        var none = StaffingRules.problems(SLOT, List.of(), Map.of()).stream().map(StaffingRules.Problem::key).toList();
        assertEquals(List.of("no-primary", "no-backup"), none);
        var fine = StaffingRules.problems(new StaffingRules.Slot(10, 1, START, END, Set.of()),
                List.of(on.get(0), new Assignment(2, 10, 2, "Bo", Assignment.Role.BACKUP, Assignment.MANUAL, START, null)),
                Map.of(1L, available(ada), 2L, available(engineer(2, "Bo", Set.of(), 1, null))));
        assertEquals(List.of(), fine);
    }

    @Test
    void capacityFromShiftsFollowsLocalHoursAcrossADaylightSavingChange() {
        // Berlin moves to summer time on Sunday 29 March 2026: a 09:00-17:00 shift is 08:00-16:00 UTC
        // on Friday 27 March and 07:00-15:00 UTC on Monday 30 March.
        Engineer ada = engineer(1, "Ada", Set.of(), 2, null);
        Engineer bo = engineer(2, "Bo", Set.of(), 1, null);
        Shift adaShift = new Shift(1, 1, 1, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
                BERLIN, LocalDate.parse("2026-03-23"), LocalDate.parse("2026-04-03"));
        Shift boShift = new Shift(2, 1, 2, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
                BERLIN, LocalDate.parse("2026-03-23"), LocalDate.parse("2026-04-03"));
        var team = List.of(new StaffingRules.Availability(ada, List.of(adaShift), List.of(), List.of()),
                new StaffingRules.Availability(bo, List.of(boShift), List.of(), List.of()));
        assertEquals(3, StaffingRules.staffedCapacity(Instant.parse("2026-03-27T08:00:00Z"), Instant.parse("2026-03-27T12:00:00Z"), 1, team),
                "09:00-13:00 in winter time");
        assertEquals(0, StaffingRules.staffedCapacity(Instant.parse("2026-03-30T06:00:00Z"), Instant.parse("2026-03-30T10:00:00Z"), 1, team),
                "the same UTC hours are 08:00-12:00 in summer time: before the shift");
        assertEquals(3, StaffingRules.staffedCapacity(Instant.parse("2026-03-30T07:00:00Z"), Instant.parse("2026-03-30T11:00:00Z"), 1, team),
                "09:00-13:00 in summer time");
        var boAway = List.of(team.get(0), new StaffingRules.Availability(bo, List.of(boShift),
                List.of(new TimeOff(1, 2, Instant.parse("2026-03-30T00:00:00Z"), Instant.parse("2026-03-31T00:00:00Z"), "leave")), List.of()));
        assertEquals(2, StaffingRules.staffedCapacity(Instant.parse("2026-03-30T07:00:00Z"), Instant.parse("2026-03-30T11:00:00Z"), 1, boAway),
                "time off takes an engineer out of the capacity");
    }

    @Test
    void shiftsOfOneEngineerOverlapOnlyWhenTheyShareHoursOfADay() {
        Shift morning = weekdays(1, "08:00", "12:00");
        assertTrue(morning.overlaps(weekdays(1, "11:00", "15:00")));
        assertFalse(morning.overlaps(weekdays(1, "12:00", "15:00")), "back to back is fine");
        Shift weekend = new Shift(3, 1, 1, EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(8, 0), LocalTime.of(12, 0), BERLIN,
                LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30"));
        assertFalse(morning.overlaps(weekend), "different weekdays");
        Shift london = new Shift(4, 1, 1, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 30), LocalTime.of(9, 0),
                ZoneId.of("Europe/London"), LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30"));
        assertTrue(morning.overlaps(london), "07:30-09:00 London is 08:30-10:00 Berlin");
    }
}
