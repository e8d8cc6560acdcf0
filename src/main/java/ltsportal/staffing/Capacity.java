package ltsportal.staffing;

import static ltsportal.db.Tables.SPIKE;
import static ltsportal.db.Tables.SPIKE_WINDOW;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Capacity from staffing (a spike setting, off by default): each window takes as many upgrades as the
 * engineers on shift for all of it take at once. Recomputed whenever shifts, time off or profiles
 * change. A window never shrinks below its bookings: its capacity stays at what it holds, and the
 * staffing board shows it in red until someone is put on shift.
 */
public final class Capacity {
    private final DSLContext db;
    private final Engineers engineers;

    public Capacity(DSLContext db, Engineers engineers) {
        this.db = db;
        this.engineers = engineers;
    }

    public void recomputeAll() {
        db.select(SPIKE.ID).from(SPIKE).where(SPIKE.CAPACITY_FROM_STAFFING.isTrue()).fetch(SPIKE.ID).forEach(this::recompute);
    }

    public void recompute(long spikeId) {
        boolean on = db.fetchExists(SPIKE, SPIKE.ID.eq(spikeId).and(SPIKE.CAPACITY_FROM_STAFFING.isTrue()));
        if (!on) {
            return;
        }
        List<StaffingRules.Availability> available = new ArrayList<>();
        for (Engineer e : engineers.all()) {
            available.add(Assignments.availability(db, e, spikeId));
        }
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            for (var w : tx.selectFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.SPIKE_ID.eq(spikeId)).forUpdate().fetch()) {
                int staffed = StaffingRules.staffedCapacity(w.getStartsAt().toInstant(), w.getEndsAt().toInstant(), spikeId, available);
                int capacity = Math.max(staffed, w.getBooked());
                if (capacity != w.getCapacity()) {
                    tx.update(SPIKE_WINDOW).set(SPIKE_WINDOW.CAPACITY, capacity).where(SPIKE_WINDOW.ID.eq(w.getId())).execute();
                }
            }
        });
    }
}
