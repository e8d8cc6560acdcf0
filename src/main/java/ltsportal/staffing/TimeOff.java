package ltsportal.staffing;

import java.time.Instant;

/** An engineer away from [start, end), with the reason they gave. */
public record TimeOff(long id, long engineerId, Instant start, Instant end, String reason) {
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && from.isBefore(end);
    }
}
