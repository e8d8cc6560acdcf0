package ltsportal.spikes;

import java.time.Instant;
import java.util.List;

/** A customer's upgrade window in a spike, with the intake and the upgrade path attached; its outcome once completed. */
public record Booking(long id, long spikeId, String spikeName, long windowId, Instant windowStart, Instant windowEnd,
                      long orgId, String orgName, BookingStatus status, Intake intake, List<String> upgradePath,
                      String cancelReason, int icsSequence, Instant createdAt, Instant updatedAt, Outcome outcome,
                      String conditions, boolean zeroDowntime) {

    /** The planner's query for the plan this booking keeps: its versions, edition, deployment, conditions and zero downtime. */
    public String planQuery() {
        var q = new StringBuilder("from=").append(intake.currentVersion()).append("&to=").append(intake.targetVersion())
                .append("&edition=").append(intake.edition());
        if (!intake.deployment().equals("source")) {
            q.append("&deployment=").append(intake.deployment());
        }
        if (!conditions.isEmpty()) {
            q.append("&conditions=").append(java.net.URLEncoder.encode(conditions, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (zeroDowntime) {
            q.append("&zero_downtime=true");
        }
        return q.toString();
    }

    /** An engineer on the booking, as the customer sees them: primary or backup, and a name. */
    public record Engineer(String role, String name) {
    }

    /** One change in a booking's life, as its history shows it. */
    public record Event(Instant at, String actor, String kind, String fromStatus, String toStatus, String detail) {
    }
}
