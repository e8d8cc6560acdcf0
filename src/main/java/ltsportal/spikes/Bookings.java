package ltsportal.spikes;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.ASSIGNMENT;
import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.BOOKING_EVENT;
import static ltsportal.db.Tables.BOOKING_HOP;
import static ltsportal.db.Tables.ORGANIZATION;
import static ltsportal.db.Tables.SPIKE;
import static ltsportal.db.Tables.SPIKE_WINDOW;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import ltsportal.accounts.User;
import ltsportal.db.tables.records.BookingRecord;
import ltsportal.accounts.Role;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Reads bookings for the acting user: a customer only ever sees their organization's bookings, and
 * another organization's booking is simply not there. Engineers, managers and admins see all.
 */
public final class Bookings {
    private final DSLContext db;

    public Bookings(DSLContext db) {
        this.db = db;
    }

    static Condition visibleTo(User actor) {
        if (actor.role() == Role.CUSTOMER) {
            return BOOKING.ORG_ID.eq(actor.orgId());
        }
        return DSL.trueCondition();
    }

    public Optional<Booking> find(User actor, long id) {
        return select(db).where(BOOKING.ID.eq(id)).and(visibleTo(actor)).fetchOptional(Bookings::booking);
    }

    /** A booking as the transaction {@code tx} sees it (for mail written in the same transaction as a change). */
    public static Optional<Booking> read(DSLContext tx, long id) {
        return select(tx).where(BOOKING.ID.eq(id)).fetchOptional(Bookings::booking);
    }

    public List<Booking> list(User actor) {
        return select(db).where(visibleTo(actor)).orderBy(SPIKE_WINDOW.STARTS_AT.desc(), BOOKING.ID.desc())
                .fetch(Bookings::booking);
    }

    /**
     * What the bookings list asks for; null or false parts do not filter. {@code from}/{@code until}: the window
     * starts in [from, until); {@code unstaffed}: active and without a primary; {@code engineer}: the user's own.
     */
    public record ListQuery(Long spikeId, String status, java.time.Instant from, java.time.Instant until,
                            boolean unstaffed, Long engineer) {
    }

    /**
     * Up to {@code limit} bookings matching {@code q}, newest window first, filtered and paged in the database:
     * after the booking {@code after} (keyset on window start and id) when it is given and visible.
     */
    public List<Booking> page(User actor, ListQuery q, Long after, int limit) {
        // The page's ids first, from the two tables the order needs (the window's start index walks newest first and
        // stops at the limit), then only those rows with their spike, organization and hops: joined in one query,
        // H2 started from the spike and sorted every booking, so a page cost what the whole table did.
        List<Long> ids = pageIdsQuery(actor, q, after, limit).fetch(BOOKING.ID);
        if (ids.isEmpty()) {
            return List.of();
        }
        return select(db).where(BOOKING.ID.in(ids)).orderBy(SPIKE_WINDOW.STARTS_AT.desc(), BOOKING.ID.desc())
                .fetch(Bookings::booking);
    }

    /** The ids of a page, newest window first: on its own so a test can read its plan. */
    org.jooq.ResultQuery<org.jooq.Record1<Long>> pageIdsQuery(User actor, ListQuery q, Long after, int limit) {
        Condition where = visibleTo(actor);
        if (q.spikeId() != null) {
            where = where.and(BOOKING.SPIKE_ID.eq(q.spikeId()));
        }
        if (q.status() != null) {
            // a status no booking has matches none
            where = where.and(java.util.Arrays.stream(BookingStatus.values()).filter(st -> st.key().equals(q.status())).findFirst()
                    .map(BOOKING.STATUS::eq).orElse(DSL.falseCondition()));
        }
        if (q.from() != null) {
            where = where.and(SPIKE_WINDOW.STARTS_AT.ge(q.from().atOffset(java.time.ZoneOffset.UTC)))
                    .and(SPIKE_WINDOW.STARTS_AT.lt(q.until().atOffset(java.time.ZoneOffset.UTC)));
        }
        if (q.unstaffed()) {
            where = where.and(BOOKING.STATUS.in(BookingStatus.ACTIVE)).and(DSL.notExists(DSL.selectOne().from(ASSIGNMENT)
                    .where(ASSIGNMENT.BOOKING_ID.eq(BOOKING.ID)).and(ASSIGNMENT.REMOVED_AT.isNull())
                    .and(ASSIGNMENT.ROLE.eq("primary"))));
        }
        if (q.engineer() != null) {
            where = where.and(DSL.exists(DSL.selectOne().from(ASSIGNMENT).where(ASSIGNMENT.BOOKING_ID.eq(BOOKING.ID))
                    .and(ASSIGNMENT.REMOVED_AT.isNull()).and(ASSIGNMENT.ENGINEER_ID.eq(q.engineer()))));
        }
        if (after != null) {
            var cursor = db.select(SPIKE_WINDOW.STARTS_AT).from(BOOKING).join(SPIKE_WINDOW).on(SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID))
                    .where(BOOKING.ID.eq(after)).and(visibleTo(actor)).fetchOptional(SPIKE_WINDOW.STARTS_AT);
            if (cursor.isPresent()) {
                where = where.and(DSL.row(SPIKE_WINDOW.STARTS_AT, BOOKING.ID).lt(cursor.get(), after));
            }
        }
        return db.select(BOOKING.ID).from(BOOKING).join(SPIKE_WINDOW).on(SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID))
                .where(where).orderBy(SPIKE_WINDOW.STARTS_AT.desc(), BOOKING.ID.desc()).limit(limit);
    }

    public List<Booking> ofSpike(User actor, long spikeId) {
        return select(db).where(BOOKING.SPIKE_ID.eq(spikeId)).and(visibleTo(actor))
                .orderBy(SPIKE_WINDOW.STARTS_AT, BOOKING.ID).fetch(Bookings::booking);
    }

    /** The bookings of a series, in window order (empty for a booking on its own). */
    public List<Booking> series(User actor, Booking booking) {
        if (booking.seriesId() == null) {
            return List.of();
        }
        return select(db).where(BOOKING.SERIES_ID.eq(booking.seriesId())).and(visibleTo(actor))
                .orderBy(SPIKE_WINDOW.STARTS_AT, BOOKING.ID).fetch(Bookings::booking);
    }

    /** How many bookings of the spike are still active (requested, confirmed or staffed). */
    public int activeInSpike(long spikeId) {
        return db.fetchCount(BOOKING, BOOKING.SPIKE_ID.eq(spikeId).and(BOOKING.STATUS.in(BookingStatus.ACTIVE)));
    }

    public List<Booking.Event> history(User actor, long bookingId) {
        if (find(actor, bookingId).isEmpty()) {
            return List.of();
        }
        return db.selectFrom(BOOKING_EVENT).where(BOOKING_EVENT.BOOKING_ID.eq(bookingId))
                .orderBy(BOOKING_EVENT.OCCURRED_AT, BOOKING_EVENT.ID)
                .fetch(r -> new Booking.Event(r.getOccurredAt().toInstant(), r.getActorName(), r.getKind(),
                        r.getFromStatus(), r.getToStatus(), r.getDetail()));
    }

    /** The engineers on a booking now, primary first (read here so that spikes need not know staffing). */
    public List<Booking.Engineer> engineers(long bookingId) {
        return db.select(ASSIGNMENT.ROLE, APP_USER.DISPLAY_NAME).from(ASSIGNMENT).join(APP_USER).on(APP_USER.ID.eq(ASSIGNMENT.ENGINEER_ID))
                .where(ASSIGNMENT.BOOKING_ID.eq(bookingId)).and(ASSIGNMENT.REMOVED_AT.isNull())
                .orderBy(ASSIGNMENT.ROLE.desc()).fetch(r -> new Booking.Engineer(r.value1(), r.value2()));
    }

    /** The engineers on each of these bookings now, in one query. */
    public Map<Long, List<Booking.Engineer>> engineersOf(Collection<Long> bookingIds) {
        Map<Long, List<Booking.Engineer>> byBooking = new HashMap<>();
        if (bookingIds.isEmpty()) {
            return byBooking;
        }
        db.select(ASSIGNMENT.BOOKING_ID, ASSIGNMENT.ROLE, APP_USER.DISPLAY_NAME).from(ASSIGNMENT)
                .join(APP_USER).on(APP_USER.ID.eq(ASSIGNMENT.ENGINEER_ID))
                .where(ASSIGNMENT.BOOKING_ID.in(bookingIds)).and(ASSIGNMENT.REMOVED_AT.isNull())
                .orderBy(ASSIGNMENT.ROLE.desc())
                .forEach(r -> byBooking.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new Booking.Engineer(r.value2(), r.value3())));
        return byBooking;
    }

    static Optional<Long> idByIdempotencyKey(DSLContext db, long orgId, String key) {
        return db.select(BOOKING.ID).from(BOOKING).where(BOOKING.IDEMPOTENCY_KEY.eq(key)).and(BOOKING.ORG_ID.eq(orgId))
                .fetchOptional(BOOKING.ID);
    }

    /** The booking's path, hop by hop in order, read with the booking in the same query. */
    private static final org.jooq.Field<List<String>> HOPS = DSL.multiset(DSL.select(BOOKING_HOP.VERSION).from(BOOKING_HOP)
            .where(BOOKING_HOP.BOOKING_ID.eq(BOOKING.ID)).orderBy(BOOKING_HOP.HOP_NUMBER))
            .as("hops").convertFrom(r -> r.map(org.jooq.Record1::value1));

    private static org.jooq.SelectOnConditionStep<Record> select(DSLContext db) {
        return db.select(BOOKING.fields()).select(SPIKE.NAME, SPIKE_WINDOW.STARTS_AT, SPIKE_WINDOW.ENDS_AT, ORGANIZATION.NAME, HOPS)
                .from(BOOKING)
                .join(SPIKE).on(SPIKE.ID.eq(BOOKING.SPIKE_ID))
                .join(SPIKE_WINDOW).on(SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID))
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(BOOKING.ORG_ID));
    }

    private static Booking booking(Record r) {
        BookingRecord b = r.into(BOOKING);
        Intake intake = new Intake(b.getInstanceName(), b.getDeployment(), b.getEdition(), b.getTopology(), b.getGeo(),
                b.getCurrentVersion(), b.getTargetVersion(), b.getContactName(), b.getContactEmail(), b.getContactPhone(),
                b.getUpgradePlanUrl(), b.getRollbackPlanUrl(), b.getNotes());
        List<String> hops = r.get(HOPS);
        List<String> path = !hops.isEmpty() || b.getUpgradePath().isEmpty() ? hops : Arrays.asList(b.getUpgradePath().split(","));
        return new Booking(b.getId(), b.getSpikeId(), r.get(SPIKE.NAME), b.getWindowId(),
                r.get(SPIKE_WINDOW.STARTS_AT).toInstant(), r.get(SPIKE_WINDOW.ENDS_AT).toInstant(), b.getOrgId(),
                r.get(ORGANIZATION.NAME), b.getStatus(), intake, path, b.getCancelReason(),
                b.getIcsSequence(), b.getCreatedAt().toInstant(), b.getUpdatedAt().toInstant(),
                b.getOutcome() == null ? null : new Outcome(b.getOutcome(), b.getReachedVersion(), b.getDurationMinutes(),
                        b.getOutcomeNotesMd()), b.getConditions(), b.getZeroDowntime(), b.getSeriesId());
    }
}
