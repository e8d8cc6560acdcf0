package ltsportal.staffing;

import static ltsportal.db.Tables.ASSIGNMENT;
import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.ENGINEER;
import static ltsportal.db.Tables.SPIKE_WINDOW;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ltsportal.accounts.User;
import ltsportal.spikes.BookingService;
import ltsportal.spikes.BookingStatus;
import ltsportal.spikes.Intake;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Puts engineers on bookings and takes them off, each change in one transaction. The engineer's row
 * is locked before their load is counted, then the booking's row, always in that order (auto-assign
 * locks every engineer, in id order, first): two managers assigning one engineer at the same moment
 * are served one after the other, and the second sees the first's assignment.
 */
public final class Assignments {
    /** Bookings that still need people: not completed, not cancelled. */
    static final List<BookingStatus> OPEN = List.of(BookingStatus.REQUESTED, BookingStatus.CONFIRMED, BookingStatus.STAFFED);

    private final DSLContext db;
    private final Clock clock;
    private final StaffingMail mail;

    /**
     * {@code mail}: what an engineer put on a booking or taken off it is sent, queued with the change
     * ({@link StaffingMail#NONE} for demo data).
     */
    public Assignments(DSLContext db, Clock clock, StaffingMail mail) {
        this.db = db;
        this.clock = clock;
        this.mail = mail;
    }

    public sealed interface Result permits Assigned, Refused {
    }

    public record Assigned(long assignmentId) implements Result {
    }

    /** Nothing changed: {@code status} 404 (no such booking), 400 (not someone who takes windows) or 409. */
    public record Refused(int status, String message) implements Result {
    }

    public List<Assignment> ofBooking(long bookingId) {
        return ofBooking(db, bookingId);
    }

    static List<Assignment> ofBooking(DSLContext tx, long bookingId) {
        return select(tx).where(ASSIGNMENT.BOOKING_ID.eq(bookingId)).orderBy(ASSIGNMENT.ID).fetch(Assignments::assignment);
    }

    /** Every assignment, active or removed, on the spike's bookings. */
    public List<Assignment> ofSpike(long spikeId) {
        return select(db).join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID)).where(BOOKING.SPIKE_ID.eq(spikeId))
                .orderBy(ASSIGNMENT.ID).fetch(Assignments::assignment);
    }

    /** Every assignment of the engineer, active or removed: their calendar shows removed ones as cancelled. */
    public List<Assignment> ofEngineer(long engineerId) {
        return select(db).where(ASSIGNMENT.ENGINEER_ID.eq(engineerId)).orderBy(ASSIGNMENT.ID).fetch(Assignments::assignment);
    }

    public Result assign(User manager, long bookingId, long engineerId, Assignment.Role role, String source) {
        Instant now = clock.instant();
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<Engineer> engineer = Engineers.byId(tx, engineerId);
            if (engineer.isEmpty()) {
                return new Refused(400, "Only engineers and managers take upgrade windows.");
            }
            Engineers.ensure(tx, engineerId);
            tx.select(ENGINEER.USER_ID).from(ENGINEER).where(ENGINEER.USER_ID.eq(engineerId)).forUpdate().fetch();
            var booking = lockedBooking(tx, bookingId);
            if (booking.isEmpty()) {
                return new Refused(404, "There is no booking with this number.");
            }
            if (!OPEN.contains(booking.get().get(BOOKING.STATUS))) {
                return new Refused(409, "A " + booking.get().get(BOOKING.STATUS).key() + " booking takes no more engineers.");
            }
            Engineer fresh = Engineers.byId(tx, engineerId).orElseThrow();
            var slot = slot(booking.get());
            var onBooking = ofBooking(tx, bookingId);
            var refusal = StaffingRules.refusal(availability(tx, fresh, slot.spikeId()), slot, role, onBooking);
            if (refusal.isPresent()) {
                return new Refused(409, refusal.get());
            }
            long id = insert(tx, manager, bookingId, fresh, role, source, now);
            afterChange(tx, manager, bookingId, booking.get().get(BOOKING.STATUS),
                    "assigned", fresh.name() + " as " + role.key() + " (" + source + ")", now);
            mail.changed(tx, assignment(tx, bookingId, id));
            return new Assigned(id);
        });
    }

    public Result remove(User manager, long bookingId, long assignmentId) {
        Instant now = clock.instant();
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var booking = lockedBooking(tx, bookingId);
            if (booking.isEmpty()) {
                return new Refused(404, "There is no booking with this number.");
            }
            var assignment = ofBooking(tx, bookingId).stream().filter(a -> a.id() == assignmentId && a.active()).findFirst();
            if (assignment.isEmpty()) {
                return new Refused(404, "This booking has no such assignment; it may have been removed meanwhile.");
            }
            tx.update(ASSIGNMENT).set(ASSIGNMENT.REMOVED_AT, now.atOffset(ZoneOffset.UTC))
                    .setNull(ASSIGNMENT.SLOT).setNull(ASSIGNMENT.ACTIVE_ENGINEER)
                    .where(ASSIGNMENT.ID.eq(assignmentId)).and(ASSIGNMENT.REMOVED_AT.isNull()).execute();
            afterChange(tx, manager, bookingId, booking.get().get(BOOKING.STATUS), "unassigned",
                    assignment.get().engineerName() + " as " + assignment.get().role().key(), now);
            mail.changed(tx, assignment(tx, bookingId, assignmentId));
            return new Assigned(assignmentId);
        });
    }

    /** What auto-assign did: how many places it filled, and each it could not fill with the reason. */
    public record AutoAssignReport(int filled, List<String> unfilled) {
    }

    /** Fills every empty primary and backup of the spike's open bookings with the best valid suggestion. */
    public AutoAssignReport autoAssign(User manager, long spikeId) {
        Instant now = clock.instant();
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            List<Engineer> engineers = new ArrayList<>();
            for (var row : tx.select(APP_USER.ID).from(APP_USER).where(APP_USER.ROLE.in(Engineers.STAFF_WHO_TAKE_WINDOWS))
                    .orderBy(APP_USER.ID).fetch()) {
                Engineers.ensure(tx, row.value1());
            }
            // Every engineer's row, in id order: the same order single assignments lock in.
            tx.select(ENGINEER.USER_ID).from(ENGINEER).orderBy(ENGINEER.USER_ID).forUpdate().fetch();
            for (var row : tx.select(APP_USER.ID).from(APP_USER).where(APP_USER.ROLE.in(Engineers.STAFF_WHO_TAKE_WINDOWS))
                    .orderBy(APP_USER.ID).fetch()) {
                engineers.add(Engineers.byId(tx, row.value1()).orElseThrow());
            }
            Map<Long, StaffingRules.Availability> available = new HashMap<>();
            for (Engineer e : engineers) {
                available.put(e.id(), availability(tx, e, spikeId));
            }
            var bookings = tx.select(BOOKING.fields()).select(SPIKE_WINDOW.STARTS_AT, SPIKE_WINDOW.ENDS_AT).from(BOOKING)
                    .join(SPIKE_WINDOW).on(SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID))
                    .where(BOOKING.SPIKE_ID.eq(spikeId)).and(BOOKING.STATUS.in(OPEN))
                    .orderBy(SPIKE_WINDOW.STARTS_AT, BOOKING.ID).forUpdate().of(BOOKING).fetch();
            Map<Long, Integer> load = loadInSpike(ofSpikeActive(tx, spikeId));
            int filled = 0;
            List<String> unfilled = new ArrayList<>();
            for (var booking : bookings) {
                var slot = slot(booking);
                long bookingId = booking.get(BOOKING.ID);
                BookingStatus status = booking.get(BOOKING.STATUS);
                for (Assignment.Role role : Assignment.Role.values()) {
                    var onBooking = ofBooking(tx, bookingId);
                    if (onBooking.stream().anyMatch(a -> a.active() && a.role() == role)) {
                        continue;
                    }
                    var best = StaffingRules.suggest(slot, role, engineers.stream().map(e -> available.get(e.id())).toList(),
                            onBooking, load).stream().findFirst();
                    if (best.isEmpty()) {
                        unfilled.add("Booking " + bookingId + " (" + booking.get(BOOKING.INSTANCE_NAME) + "): no " + role.key()
                                + ", because " + whyNobody(slot, role, engineers, available, onBooking));
                        continue;
                    }
                    Engineer e = best.get().engineer();
                    long assigned = insert(tx, manager, bookingId, e, role, Assignment.AUTO, now);
                    mail.changed(tx, assignment(tx, bookingId, assigned));
                    status = afterChange(tx, manager, bookingId, status, "assigned", e.name() + " as " + role.key() + " (auto-assign)", now);
                    var a = available.get(e.id());
                    List<StaffingRules.Busy> busy = new ArrayList<>(a.busy());
                    busy.add(new StaffingRules.Busy(bookingId, slot.start(), slot.end()));
                    available.put(e.id(), new StaffingRules.Availability(a.engineer(), a.shifts(), a.timeOff(), busy));
                    load.merge(e.id(), 1, Integer::sum);
                    filled++;
                }
            }
            return new AutoAssignReport(filled, List.copyOf(unfilled));
        });
    }

    /** Why no engineer could take the place: the distinct refusals, shortest first. */
    private static String whyNobody(StaffingRules.Slot slot, Assignment.Role role, List<Engineer> engineers,
                                    Map<Long, StaffingRules.Availability> available, List<Assignment> onBooking) {
        if (engineers.isEmpty()) {
            return "nobody takes upgrade windows.";
        }
        return engineers.stream().map(e -> StaffingRules.refusal(available.get(e.id()), slot, role, onBooking).orElse(""))
                .filter(r -> !r.isEmpty()).distinct().sorted().limit(3).reduce((a, b) -> a + " " + b).orElse("no one fits.");
    }

    /** Each engineer's active assignments in the spike, counted. */
    static Map<Long, Integer> loadInSpike(List<Assignment> active) {
        Map<Long, Integer> load = new HashMap<>();
        active.forEach(a -> load.merge(a.engineerId(), 1, Integer::sum));
        return load;
    }

    static List<Assignment> ofSpikeActive(DSLContext tx, long spikeId) {
        return select(tx).join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .where(BOOKING.SPIKE_ID.eq(spikeId)).and(ASSIGNMENT.REMOVED_AT.isNull()).fetch(Assignments::assignment);
    }

    /** The engineer's shifts in the spike, time off, and the windows of their active assignments on open bookings. */
    static StaffingRules.Availability availability(DSLContext tx, Engineer e, long spikeId) {
        var busy = tx.select(BOOKING.ID, SPIKE_WINDOW.STARTS_AT, SPIKE_WINDOW.ENDS_AT).from(ASSIGNMENT)
                .join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .join(SPIKE_WINDOW).on(SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID))
                .where(ASSIGNMENT.ENGINEER_ID.eq(e.id())).and(ASSIGNMENT.REMOVED_AT.isNull()).and(BOOKING.STATUS.in(OPEN))
                .fetch(r -> new StaffingRules.Busy(r.value1(), r.value2().toInstant(), r.value3().toInstant()));
        return new StaffingRules.Availability(e, Engineers.shiftsOf(tx, e.id(), spikeId), Engineers.timeOffOf(tx, e.id()), busy);
    }

    private static Optional<Record> lockedBooking(DSLContext tx, long bookingId) {
        return tx.select(BOOKING.fields()).select(SPIKE_WINDOW.STARTS_AT, SPIKE_WINDOW.ENDS_AT).from(BOOKING)
                .join(SPIKE_WINDOW).on(SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID))
                .where(BOOKING.ID.eq(bookingId)).forUpdate().of(BOOKING).fetchOptional();
    }

    static StaffingRules.Slot slot(Record b) {
        Intake intake = new Intake(b.get(BOOKING.INSTANCE_NAME), b.get(BOOKING.DEPLOYMENT), b.get(BOOKING.EDITION),
                b.get(BOOKING.TOPOLOGY), b.get(BOOKING.GEO), b.get(BOOKING.CURRENT_VERSION), b.get(BOOKING.TARGET_VERSION),
                "", "", "", "", "", "");
        return new StaffingRules.Slot(b.get(BOOKING.ID), b.get(BOOKING.SPIKE_ID), b.get(SPIKE_WINDOW.STARTS_AT).toInstant(),
                b.get(SPIKE_WINDOW.ENDS_AT).toInstant(), Skill.needed(intake));
    }

    private static long insert(DSLContext tx, User manager, long bookingId, Engineer e, Assignment.Role role, String source,
                               Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        long id = tx.insertInto(ASSIGNMENT)
                .set(ASSIGNMENT.BOOKING_ID, bookingId)
                .set(ASSIGNMENT.ENGINEER_ID, e.id())
                .set(ASSIGNMENT.ROLE, role.key())
                .set(ASSIGNMENT.SOURCE, source)
                .set(ASSIGNMENT.SLOT, role.key())
                .set(ASSIGNMENT.ACTIVE_ENGINEER, e.id())
                .set(ASSIGNMENT.CREATED_AT, at)
                .set(ASSIGNMENT.CREATED_BY, manager.id())
                .returning(ASSIGNMENT.ID).fetchOne(ASSIGNMENT.ID);
        tx.update(ENGINEER).set(ENGINEER.LAST_ASSIGNED_AT, at).where(ENGINEER.USER_ID.eq(e.id())).execute();
        return id;
    }

    /**
     * Writes the change into the booking's history and keeps its status in step: a confirmed booking
     * with a primary is staffed; a staffed one that lost its primary is confirmed again.
     */
    private static BookingStatus afterChange(DSLContext tx, User manager, long bookingId, BookingStatus status, String kind,
                                             String detail, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        boolean primary = tx.fetchExists(ASSIGNMENT, ASSIGNMENT.BOOKING_ID.eq(bookingId)
                .and(ASSIGNMENT.SLOT.eq(Assignment.Role.PRIMARY.key())));
        BookingStatus next = status == BookingStatus.CONFIRMED && primary ? BookingStatus.STAFFED
                : status == BookingStatus.STAFFED && !primary ? BookingStatus.CONFIRMED : status;
        if (next != status) {
            tx.update(BOOKING).set(BOOKING.STATUS, next).set(BOOKING.UPDATED_AT, at)
                    .where(BOOKING.ID.eq(bookingId)).and(BOOKING.STATUS.eq(status)).execute();
        }
        BookingService.event(tx, bookingId, manager, kind, status, next, detail, at);
        return next;
    }

    private static org.jooq.SelectJoinStep<Record> select(DSLContext tx) {
        return tx.select(ASSIGNMENT.fields()).select(APP_USER.DISPLAY_NAME).from(ASSIGNMENT)
                .join(APP_USER).on(APP_USER.ID.eq(ASSIGNMENT.ENGINEER_ID));
    }

    private static Assignment assignment(Record r) {
        var removed = r.get(ASSIGNMENT.REMOVED_AT);
        return new Assignment(r.get(ASSIGNMENT.ID), r.get(ASSIGNMENT.BOOKING_ID), r.get(ASSIGNMENT.ENGINEER_ID),
                r.get(APP_USER.DISPLAY_NAME), Assignment.Role.of(r.get(ASSIGNMENT.ROLE)).orElseThrow(), r.get(ASSIGNMENT.SOURCE),
                r.get(ASSIGNMENT.CREATED_AT).toInstant(), removed == null ? null : removed.toInstant());
    }

    private static Assignment assignment(DSLContext tx, long bookingId, long id) {
        return ofBooking(tx, bookingId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }
}
