package ltsportal.staffing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
        return forBooking(booking).get(role);
    }

    /** Both places' rankings from one read of every engineer's shifts, time off and load. */
    public Map<Assignment.Role, List<StaffingRules.Suggestion>> forBooking(Booking booking) {
        var slot = new StaffingRules.Slot(booking.id(), booking.spikeId(), booking.windowStart(), booking.windowEnd(),
                Skill.needed(booking.intake()));
        List<StaffingRules.Availability> available = new ArrayList<>();
        for (Engineer e : engineers.all()) {
            available.add(Assignments.availability(db, e, booking.spikeId()));
        }
        var onBooking = assignments.ofBooking(booking.id());
        var load = Assignments.loadInSpike(Assignments.ofSpikeActive(db, booking.spikeId()));
        Map<Assignment.Role, List<StaffingRules.Suggestion>> ranked = new EnumMap<>(Assignment.Role.class);
        for (Assignment.Role role : Assignment.Role.values()) {
            ranked.put(role, StaffingRules.suggest(slot, role, available, onBooking, load));
        }
        return ranked;
    }
}
