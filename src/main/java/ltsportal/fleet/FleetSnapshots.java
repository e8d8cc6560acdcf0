package ltsportal.fleet;

import static ltsportal.db.Tables.FLEET_SNAPSHOT;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * The weekly snapshot of the north star: on each run (the outbox sender's rounds), if this ISO week (from its
 * Monday, UTC) has no row yet, one is written with today's counts. Running twice in a week writes one row, and two
 * portals racing both try the same insert, of which the database keeps one (no error either way).
 */
public final class FleetSnapshots {
    private final DSLContext db;
    private final Clock clock;
    private final Supplier<List<InstanceStatus>> fleet;

    public FleetSnapshots(DSLContext db, Clock clock, Supplier<List<InstanceStatus>> fleet) {
        this.db = db;
        this.clock = clock;
        this.fleet = fleet;
    }

    /** One week's counts; {@code maintainedPercent} and {@code ltsPercent} as the dashboard draws them. */
    public record Week(LocalDate weekStart, int instances, int maintained, int onLts, int ended) {
        public int maintainedPercent() {
            return FleetStats.percent(maintained, instances);
        }

        public int ltsPercent() {
            return FleetStats.percent(onLts, instances);
        }
    }

    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** One round (the fleet-snapshot job): this week's row, unless it is written; how many weeks it wrote (0 or 1). */
    public int run() {
        LocalDate week = weekOf(LocalDate.now(clock));
        if (db.fetchExists(FLEET_SNAPSHOT, FLEET_SNAPSHOT.WEEK_START.eq(week))) {
            return 0;
        }
        FleetStats.Summary s = FleetStats.summary(fleet.get());
        return write(db, new Week(week, s.instances(), s.maintained(), s.onLts(), s.ended()), clock);
    }

    /** Writes a week's row unless one exists (also how demo mode lays down its year of history). */
    public static int write(DSLContext db, Week w, Clock clock) {
        return db.insertInto(FLEET_SNAPSHOT).set(FLEET_SNAPSHOT.WEEK_START, w.weekStart()).set(FLEET_SNAPSHOT.INSTANCES, w.instances())
                .set(FLEET_SNAPSHOT.MAINTAINED, w.maintained()).set(FLEET_SNAPSHOT.ON_LTS, w.onLts()).set(FLEET_SNAPSHOT.ENDED, w.ended())
                .set(FLEET_SNAPSHOT.TAKEN_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .onConflictDoNothing().execute();
    }

    /** Every week on record, oldest first. */
    public List<Week> weeks() {
        return db.selectFrom(FLEET_SNAPSHOT).orderBy(FLEET_SNAPSHOT.WEEK_START)
                .fetch(r -> new Week(r.getWeekStart(), r.getInstances(), r.getMaintained(), r.getOnLts(), r.getEnded()));
    }
}
