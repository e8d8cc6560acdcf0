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

    /** One person's staffing profile and weekly shift on the spike. */
    public record Profile(String email, Set<Skill> skills, int maxConcurrent, Set<DayOfWeek> days, LocalTime start, LocalTime end,
                          String zone) {
    }

    public static void seed(DSLContext db, Clock clock, String spikeName) {
        var weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        // Erin works from Dublin, Eli from Chicago (an early shift), Morgan from London on two days.
        seed(db, clock, spikeName, java.util.List.of(
                new Profile("engineer@demo.test", EnumSet.of(Skill.LINUX_PACKAGE, Skill.DOCKER, Skill.POSTGRESQL), 2,
                        weekdays, LocalTime.of(8, 0), LocalTime.of(17, 0), "Europe/Dublin"),
                new Profile("engineer2@demo.test", EnumSet.of(Skill.LINUX_PACKAGE, Skill.HELM, Skill.GEO, Skill.MULTI_NODE), 1,
                        weekdays, LocalTime.of(2, 0), LocalTime.of(11, 0), "America/Chicago"),
                new Profile("manager@demo.test", EnumSet.of(Skill.LINUX_PACKAGE), 1,
                        EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(8, 0), LocalTime.of(17, 0), "Europe/London")),
                "manager@demo.test");
    }

    /**
     * Saves each profile and its shift over the whole spike, then makes the first profile's person primary on the
     * spike's first booking, assigned by {@code assigner}. Does nothing once the first person has a shift. Demo mode
     * seeds its staff with it; the test fixture its own.
     */
    public static void seed(DSLContext db, Clock clock, String spikeName, java.util.List<Profile> profiles, String assigner) {
        var spike = db.selectFrom(SPIKE).where(SPIKE.NAME.eq(spikeName)).fetchOptional();
        Users users = new Users(db);
        var first = profiles.isEmpty() ? java.util.Optional.<ltsportal.accounts.User>empty() : users.byEmail(profiles.get(0).email());
        if (spike.isEmpty() || first.isEmpty() || new Engineers(db).shiftsOf(first.get().id()).size() > 0) {
            return;
        }
        long spikeId = spike.get().getId();
        Engineers engineers = new Engineers(db);
        for (Profile p : profiles) {
            users.byEmail(p.email()).ifPresent(u -> {
                engineers.saveProfile(u.id(), p.skills(), p.maxConcurrent());
                engineers.addShift(new Shift(0, spikeId, u.id(), p.days(), p.start(), p.end(), ZoneId.of(p.zone()),
                        spike.get().getStartsOn(), spike.get().getEndsOn()));
            });
        }
        var manager = users.byEmail(assigner);
        var booking = db.select(BOOKING.ID).from(BOOKING).where(BOOKING.SPIKE_ID.eq(spikeId)).orderBy(BOOKING.ID).limit(1)
                .fetchOptional(BOOKING.ID);
        if (manager.isPresent() && booking.isPresent()) {
            new Assignments(db, clock, StaffingMail.NONE).assign(manager.get(), booking.get(), first.get().id(), Assignment.Role.PRIMARY, Assignment.MANUAL);
        }
    }
}
