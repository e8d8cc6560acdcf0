package ltsportal.staffing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When an engineer works during a spike: on these weekdays, from a local start to a local end time in
 * their zone, between two dates. Like windows, shifts are local times turned into instants day by
 * day, so 09:00-17:00 stays 09:00-17:00 across a daylight-saving change.
 */
public record Shift(long id, long spikeId, long engineerId, Set<DayOfWeek> weekdays, LocalTime start, LocalTime end,
                    ZoneId zone, LocalDate from, LocalDate to) {

    /** Whether the shift covers the whole of [start, end): one day's shift, in the shift's zone. */
    public boolean covers(Instant windowStart, Instant windowEnd) {
        LocalDate day = windowStart.atZone(zone).toLocalDate();
        if (day.isBefore(from) || day.isAfter(to) || !weekdays.contains(day.getDayOfWeek())) {
            return false;
        }
        Instant shiftStart = ZonedDateTime.of(day, start, zone).toInstant();
        Instant shiftEnd = ZonedDateTime.of(day, end, zone).toInstant();
        return !windowStart.isBefore(shiftStart) && !windowEnd.isAfter(shiftEnd);
    }

    /** Whether two shifts of one engineer claim the same hours of some day. */
    public boolean overlaps(Shift other) {
        boolean dates = !from.isAfter(other.to) && !other.from.isAfter(to);
        boolean days = weekdays.stream().anyMatch(other.weekdays::contains);
        if (!dates || !days) {
            return false;
        }
        if (zone.equals(other.zone)) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }
        // Different zones: compare as instants on each shared day of the overlap (at most a few weeks).
        LocalDate day = from.isAfter(other.from) ? from : other.from;
        LocalDate last = to.isBefore(other.to) ? to : other.to;
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (weekdays.contains(day.getDayOfWeek())) {
                Instant a = ZonedDateTime.of(day, start, zone).toInstant();
                Instant b = ZonedDateTime.of(day, end, zone).toInstant();
                for (int shift = -1; shift <= 1; shift++) {
                    LocalDate d = day.plusDays(shift);
                    if (!d.isBefore(other.from) && !d.isAfter(other.to) && other.weekdays.contains(d.getDayOfWeek())) {
                        Instant c = ZonedDateTime.of(d, other.start, other.zone).toInstant();
                        Instant e = ZonedDateTime.of(d, other.end, other.zone).toInstant();
                        if (a.isBefore(e) && c.isBefore(b)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    public String weekdayNames() {
        return weekdays.stream().sorted().map(d -> d.name().substring(0, 1) + d.name().substring(1, 3).toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(" "));
    }
}
