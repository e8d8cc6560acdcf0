package ltsportal.staffing;

import java.util.ArrayList;
import java.util.List;
import ltsportal.spikes.Booking;
import org.jooq.DSLContext;

/** The ranked engineers for one place on one booking, read fresh from the database. */
public final class Suggestions {
    private final DSLContext db;
    private final Engineers engineers;
    private final Assignments assignments;

    public Suggestions(DSLContext db, Engineers engineers, Assignments assignments) {
        this.db = db;
        this.engineers = engineers;
        this.assignments = assignments;
    }

    public List<StaffingRules.Suggestion> forBooking(Booking booking, Assignment.Role role) {
        var slot = new StaffingRules.Slot(booking.id(), booking.spikeId(), booking.windowStart(), booking.windowEnd(),
                Skill.needed(booking.intake()));
        List<StaffingRules.Availability> available = new ArrayList<>();
        for (Engineer e : engineers.all()) {
            available.add(Assignments.availability(db, e, booking.spikeId()));
        }
        return StaffingRules.suggest(slot, role, available, assignments.ofBooking(booking.id()),
                Assignments.loadInSpike(Assignments.ofSpikeActive(db, booking.spikeId())));
    }
}
