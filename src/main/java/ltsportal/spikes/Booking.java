package ltsportal.spikes;

import java.time.Instant;
import java.util.List;

/** A customer's upgrade window in a spike, with the intake and the upgrade path attached; its outcome once completed. */
public record Booking(long id, long spikeId, String spikeName, long windowId, Instant windowStart, Instant windowEnd,
                      long orgId, String orgName, BookingStatus status, Intake intake, List<String> upgradePath,
                      String cancelReason, int icsSequence, Instant createdAt, Instant updatedAt, Outcome outcome,
                      String conditions, boolean zeroDowntime, Long seriesId) {

    /** The planner's query for the plan this booking keeps: its versions, edition, deployment, conditions and zero downtime. */
    public String planQuery() {
        // The planner has no "source" deployment: such a booking links to the default commands.
        String deployment = intake.deployment().equals("source") ? "" : intake.deployment();
        return new ltsportal.planner.PlanForm(intake.currentVersion(), intake.targetVersion(), conditions, intake.edition(),
                deployment, zeroDowntime, java.util.Map.of()).query();
    }

    /** An engineer on the booking, as the customer sees them: primary or backup, and a name. */
    public record Engineer(String role, String name) {
    }

    /** One change in a booking's life, as its history shows it. */
    public record Event(Instant at, String actor, String kind, String fromStatus, String toStatus, String detail) {
    }
}
