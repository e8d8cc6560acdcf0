package ltsportal.spikes;

import java.time.Instant;
import java.util.List;

/** A customer's upgrade window in a spike, with the intake and the upgrade path attached; its outcome once completed. */
public record Booking(long id, long spikeId, String spikeName, long windowId, Instant windowStart, Instant windowEnd,
                      long orgId, String orgName, BookingStatus status, Intake intake, List<String> upgradePath,
                      String cancelReason, int icsSequence, Instant createdAt, Instant updatedAt, Outcome outcome) {

    /** An engineer on the booking, as the customer sees them: primary or backup, and a name. */
    public record Engineer(String role, String name) {
    }

    /** One change in a booking's life, as its history shows it. */
    public record Event(Instant at, String actor, String kind, String fromStatus, String toStatus, String detail) {
    }
}
