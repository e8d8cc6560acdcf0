package ltsportal.spikes;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a spike's windows are made: on the chosen weekdays, at the chosen local start times, each
 * lasting the same duration and taking the same number of upgrades at once. Windows are defined in
 * local time and the spike's IANA zone, then stored as instants, so 09:00 stays 09:00 on both sides
 * of a daylight-saving change.
 */
public record WindowTemplate(Set<DayOfWeek> weekdays, List<LocalTime> startTimes, Duration duration, int capacity) {

    public record Planned(Instant start, Instant end, int capacity) {
    }

    public List<Planned> generate(LocalDate from, LocalDate to, ZoneId zone, Set<LocalDate> blackout) {
        List<Planned> windows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!weekdays.contains(day.getDayOfWeek()) || blackout.contains(day)) {
                continue;
            }
            for (LocalTime time : startTimes) {
                // A start inside a spring-forward gap moves later by the gap, as ZonedDateTime.of does;
                // in the autumn overlap the earlier of the two instants is taken.
                Instant start = ZonedDateTime.of(day, time, zone).toInstant();
                windows.add(new Planned(start, start.plus(duration), capacity));
            }
        }
        windows.sort(java.util.Comparator.comparing(Planned::start));
        return windows;
    }
}
