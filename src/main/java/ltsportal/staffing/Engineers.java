package ltsportal.staffing;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.ENGINEER;
import static ltsportal.db.Tables.SHIFT;
import static ltsportal.db.Tables.TIME_OFF;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ltsportal.accounts.Role;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Engineers' profiles, shifts and time off. Every engineer and manager has a profile: one who was
 * never edited reads as no skills and one booking at a time, and gets a row the first time it is
 * needed (a shift, an assignment, a lock).
 */
public final class Engineers {
    static final List<String> STAFF_WHO_TAKE_WINDOWS = List.of("engineer", "manager");

    private final DSLContext db;

    public Engineers(DSLContext db) {
        this.db = db;
    }

    public List<Engineer> all() {
        return select(db).where(APP_USER.ROLE.in(STAFF_WHO_TAKE_WINDOWS)).orderBy(APP_USER.DISPLAY_NAME, APP_USER.ID)
                .fetch(Engineers::engineer);
    }

    /** A user who takes windows, by id; empty for customers, admins and unknown ids. */
    public Optional<Engineer> byId(long userId) {
        return byId(db, userId);
    }

    static Optional<Engineer> byId(DSLContext tx, long userId) {
        return select(tx).where(APP_USER.ID.eq(userId)).and(APP_USER.ROLE.in(STAFF_WHO_TAKE_WINDOWS))
                .fetchOptional(Engineers::engineer);
    }

    /** Whether the id names any user at all (to tell "not an engineer" from "nobody"). */
    public boolean userExists(long userId) {
        return db.fetchExists(APP_USER, APP_USER.ID.eq(userId));
    }

    public void saveProfile(long userId, Set<Skill> skills, int maxConcurrent) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            ensure(tx, userId);
            tx.update(ENGINEER).set(ENGINEER.SKILLS, keys(skills)).set(ENGINEER.MAX_CONCURRENT, maxConcurrent)
                    .where(ENGINEER.USER_ID.eq(userId)).execute();
        });
    }

    /** The engineer's profile row exists after this (an insert the first time; races end the same). */
    static void ensure(DSLContext tx, long userId) {
        tx.insertInto(ENGINEER).set(ENGINEER.USER_ID, userId).set(ENGINEER.SKILLS, "").set(ENGINEER.MAX_CONCURRENT, 1)
                .onDuplicateKeyIgnore().execute();
    }

    public List<Shift> shiftsOf(long engineerId) {
        return db.selectFrom(SHIFT).where(SHIFT.ENGINEER_ID.eq(engineerId)).orderBy(SHIFT.FROM_DATE, SHIFT.STARTS_AT, SHIFT.ID)
                .fetch(Engineers::shift);
    }

    public List<Shift> shiftsInSpike(long spikeId) {
        return db.selectFrom(SHIFT).where(SHIFT.SPIKE_ID.eq(spikeId)).fetch(Engineers::shift);
    }

    static List<Shift> shiftsOf(DSLContext tx, long engineerId, long spikeId) {
        return tx.selectFrom(SHIFT).where(SHIFT.ENGINEER_ID.eq(engineerId)).and(SHIFT.SPIKE_ID.eq(spikeId))
                .fetch(Engineers::shift);
    }

    public long addShift(Shift s) {
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            ensure(tx, s.engineerId());
            return tx.insertInto(SHIFT)
                    .set(SHIFT.SPIKE_ID, s.spikeId())
                    .set(SHIFT.ENGINEER_ID, s.engineerId())
                    .set(SHIFT.WEEKDAYS, s.weekdays().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")))
                    .set(SHIFT.STARTS_AT, s.start())
                    .set(SHIFT.ENDS_AT, s.end())
                    .set(SHIFT.TIME_ZONE, s.zone().getId())
                    .set(SHIFT.FROM_DATE, s.from())
                    .set(SHIFT.TO_DATE, s.to())
                    .returning(SHIFT.ID).fetchOne(SHIFT.ID);
        });
    }

    /** Removes one of the engineer's shifts; the spike it was in, or empty when there was none. */
    public Optional<Long> removeShift(long engineerId, long shiftId) {
        var spike = db.select(SHIFT.SPIKE_ID).from(SHIFT).where(SHIFT.ID.eq(shiftId)).and(SHIFT.ENGINEER_ID.eq(engineerId))
                .fetchOptional(SHIFT.SPIKE_ID);
        spike.ifPresent(s -> db.deleteFrom(SHIFT).where(SHIFT.ID.eq(shiftId)).and(SHIFT.ENGINEER_ID.eq(engineerId)).execute());
        return spike;
    }

    public List<TimeOff> timeOffOf(long engineerId) {
        return timeOffOf(db, engineerId);
    }

    static List<TimeOff> timeOffOf(DSLContext tx, long engineerId) {
        return tx.selectFrom(TIME_OFF).where(TIME_OFF.ENGINEER_ID.eq(engineerId)).orderBy(TIME_OFF.STARTS_AT, TIME_OFF.ID)
                .fetch(r -> new TimeOff(r.getId(), r.getEngineerId(), r.getStartsAt().toInstant(), r.getEndsAt().toInstant(),
                        r.getReason()));
    }

    public long addTimeOff(long engineerId, Instant start, Instant end, String reason) {
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            ensure(tx, engineerId);
            return tx.insertInto(TIME_OFF).set(TIME_OFF.ENGINEER_ID, engineerId)
                    .set(TIME_OFF.STARTS_AT, start.atOffset(ZoneOffset.UTC)).set(TIME_OFF.ENDS_AT, end.atOffset(ZoneOffset.UTC))
                    .set(TIME_OFF.REASON, reason).returning(TIME_OFF.ID).fetchOne(TIME_OFF.ID);
        });
    }

    public boolean removeTimeOff(long engineerId, long timeOffId) {
        return db.deleteFrom(TIME_OFF).where(TIME_OFF.ID.eq(timeOffId)).and(TIME_OFF.ENGINEER_ID.eq(engineerId)).execute() == 1;
    }

    /** Stores the hash of a new schedule-feed token; the old token stops working at once. */
    public void setScheduleToken(long engineerId, String tokenHash) {
        db.transaction(cfg -> {
            ensure(cfg.dsl(), engineerId);
            cfg.dsl().update(ENGINEER).set(ENGINEER.SCHEDULE_TOKEN_HASH, tokenHash).where(ENGINEER.USER_ID.eq(engineerId)).execute();
        });
    }

    public Optional<Engineer> byScheduleToken(String tokenHash) {
        return select(db).where(ENGINEER.SCHEDULE_TOKEN_HASH.eq(tokenHash)).and(APP_USER.ROLE.in(STAFF_WHO_TAKE_WINDOWS))
                .fetchOptional(Engineers::engineer);
    }

    public boolean hasScheduleToken(long engineerId) {
        return db.fetchExists(ENGINEER, ENGINEER.USER_ID.eq(engineerId).and(ENGINEER.SCHEDULE_TOKEN_HASH.isNotNull()));
    }

    private static org.jooq.SelectOnConditionStep<Record> select(DSLContext tx) {
        return tx.select(new org.jooq.SelectField<?>[]{APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, APP_USER.TIME_ZONE, APP_USER.ROLE, APP_USER.DISABLED,
                        ENGINEER.SKILLS, ENGINEER.MAX_CONCURRENT, ENGINEER.LAST_ASSIGNED_AT})
                .from(APP_USER).leftJoin(ENGINEER).on(ENGINEER.USER_ID.eq(APP_USER.ID));
    }

    private static Engineer engineer(Record r) {
        Set<Skill> skills = EnumSet.noneOf(Skill.class);
        String keys = r.get(ENGINEER.SKILLS);
        if (keys != null) {
            Arrays.stream(keys.split(",")).map(Skill::of).flatMap(Optional::stream).forEach(skills::add);
        }
        Integer max = r.get(ENGINEER.MAX_CONCURRENT);
        var last = r.get(ENGINEER.LAST_ASSIGNED_AT);
        return new Engineer(r.get(APP_USER.ID), r.get(APP_USER.DISPLAY_NAME), r.get(APP_USER.EMAIL),
                ZoneId.of(r.get(APP_USER.TIME_ZONE)), Role.valueOf(r.get(APP_USER.ROLE).toUpperCase(Locale.ROOT)),
                r.get(APP_USER.DISABLED), skills, max == null ? 1 : max, last == null ? null : last.toInstant());
    }

    static Shift shift(ltsportal.db.tables.records.ShiftRecord r) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(r.getWeekdays().split(",")).filter(d -> !d.isBlank()).map(DayOfWeek::valueOf).forEach(days::add);
        return new Shift(r.getId(), r.getSpikeId(), r.getEngineerId(), days, r.getStartsAt(), r.getEndsAt(),
                ZoneId.of(r.getTimeZone()), r.getFromDate(), r.getToDate());
    }

    static String keys(Set<Skill> skills) {
        return skills.stream().sorted().map(Skill::key).collect(Collectors.joining(","));
    }
}
