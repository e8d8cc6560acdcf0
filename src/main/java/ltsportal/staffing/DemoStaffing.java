package ltsportal.staffing;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import ltsportal.accounts.Users;
import org.jooq.DSLContext;

/**
 * Demo mode's staffing: profiles and shifts for the demo engineers and manager on the demo spike, and
 * one booking with its primary, so the board opens with some work done and some to do.
 */
public final class DemoStaffing {
    private DemoStaffing() {
    }

    public static void seed(DSLContext db, Clock clock, String spikeName) {
        var spike = db.selectFrom(SPIKE).where(SPIKE.NAME.eq(spikeName)).fetchOptional();
        Users users = new Users(db);
        var erin = users.byEmail("engineer@demo.test");
        if (spike.isEmpty() || erin.isEmpty() || new Engineers(db).shiftsOf(erin.get().id()).size() > 0) {
            return;
        }
        long spikeId = spike.get().getId();
        Engineers engineers = new Engineers(db);
        var weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        // Erin works from Dublin, Eli from Chicago (an early shift), Morgan from London on two days.
        profile(engineers, users, "engineer@demo.test", EnumSet.of(Skill.LINUX_PACKAGE, Skill.DOCKER, Skill.POSTGRESQL), 2,
                spikeId, weekdays, LocalTime.of(8, 0), LocalTime.of(17, 0), "Europe/Dublin", spike.get());
        profile(engineers, users, "engineer2@demo.test", EnumSet.of(Skill.LINUX_PACKAGE, Skill.HELM, Skill.GEO, Skill.MULTI_NODE), 1,
                spikeId, weekdays, LocalTime.of(2, 0), LocalTime.of(11, 0), "America/Chicago", spike.get());
        profile(engineers, users, "manager@demo.test", EnumSet.of(Skill.LINUX_PACKAGE), 1,
                spikeId, EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(8, 0), LocalTime.of(17, 0),
                "Europe/London", spike.get());
        var manager = users.byEmail("manager@demo.test");
        var first = db.select(BOOKING.ID).from(BOOKING).where(BOOKING.SPIKE_ID.eq(spikeId)).orderBy(BOOKING.ID).limit(1)
                .fetchOptional(BOOKING.ID);
        if (manager.isPresent() && first.isPresent()) {
            new Assignments(db, clock).assign(manager.get(), first.get(), erin.get().id(), Assignment.Role.PRIMARY, Assignment.MANUAL);
        }
    }

    private static void profile(Engineers engineers, Users users, String email, Set<Skill> skills, int max, long spikeId,
                                Set<DayOfWeek> days, LocalTime start, LocalTime end, String zone,
                                ltsportal.db.tables.records.SpikeRecord spike) {
        users.byEmail(email).ifPresent(u -> {
            engineers.saveProfile(u.id(), skills, max);
            engineers.addShift(new Shift(0, spikeId, u.id(), days, start, end, ZoneId.of(zone), spike.getStartsOn(), spike.getEndsOn()));
        });
    }
}
