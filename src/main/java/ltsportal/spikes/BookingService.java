package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.ORGANIZATION;
import static ltsportal.db.Tables.BOOKING_EVENT;
import static ltsportal.db.Tables.BOOKING_HOP;
import static ltsportal.db.Tables.SPIKE_WINDOW;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import ltsportal.accounts.User;
import ltsportal.web.Conflict;
import ltsportal.accounts.Organizations;
import ltsportal.accounts.Role;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/**
 * Making bookings (one window or a series), each in one transaction; changes to a booking that exists are
 * {@link BookingChanges}'s, which share the rules below. Capacity is the database's to enforce: the
 * window row is locked, the counter goes up only while below capacity (and a CHECK constraint
 * backs that), and the idempotency key is unique, so neither a double-submit nor any number of
 * concurrent requests on any number of portal instances can overbook. Status changes are
 * compare-and-swap updates: two staff clicking at once change a booking once.
 */
public final class BookingService {
    private final DSLContext db;
    private final Clock clock;
    private final BookingMail mail;

    /** {@code mail}: what each change queues in its own transaction ({@link BookingMail#NONE} for demo data, which tells no one). */
    public BookingService(DSLContext db, Clock clock, BookingMail mail) {
        this.db = db;
        this.clock = clock;
        this.mail = mail;
    }

    DSLContext db() {
        return db;
    }

    Clock clock() {
        return clock;
    }

    BookingMail mail() {
        return mail;
    }

    public sealed interface Result permits Done, Duplicate, Refused {
    }

    /** The booking was made or changed. */
    public record Done(long bookingId) implements Result {
    }

    /** The same form was submitted again: the booking it made already exists. */
    public record Duplicate(long bookingId) implements Result {
    }

    /** Nothing changed, and why: {@code conflict} when someone else got there first; {@code field} the form field it concerns. */
    public record Refused(String message, boolean conflict, String field) implements Result {
        public Refused(String message, boolean conflict) {
            this(message, conflict, "windowId");
        }
    }

    /** Books with a path alone (no conditions ticked, downtime allowed): for tools and tests. */
    public Result book(User customer, Spike spike, long windowId, Intake intake, List<String> path, String idempotencyKey) {
        return book(customer, spike, windowId, intake, Route.of(path), idempotencyKey);
    }

    /** Books one window: see {@link #book(User, Spike, List, Intake, Route, String)}. */
    public Result book(User customer, Spike spike, long windowId, Intake intake, Route route, String idempotencyKey) {
        return book(customer, spike, List.of(windowId), intake, route, idempotencyKey);
    }

    /** The most windows one series may hold. */
    public static final int SERIES_MAX = 3;

    /**
     * Books the windows for the customer's organization, one booking each: a single window, or a series of up to
     * {@link #SERIES_MAX} windows of the spike for a path too long for one, all or none. Refused when the organization
     * cannot book (status, quota: a series counts once), already holds an active booking for the same instance in this
     * spike, or a window is not available. Answers the first booking (the series' id).
     */
    public Result book(User customer, Spike spike, List<Long> windowIds, Intake intake, Route route, String idempotencyKey) {
        if (customer.role() != Role.CUSTOMER || customer.orgId() == null) {
            return new Refused("Only customers book upgrade windows.", false);
        }
        if (windowIds.isEmpty() || windowIds.size() > SERIES_MAX || new java.util.HashSet<>(windowIds).size() != windowIds.size()) {
            return new Refused("Choose one window, or up to " + SERIES_MAX + " different windows for a series.", false);
        }
        var existing = Bookings.idByIdempotencyKey(db, customer.orgId(), idempotencyKey);
        if (existing.isPresent()) {
            return new Duplicate(existing.get());
        }
        Instant now = clock.instant();
        try {
            return db.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                // The organization first (then the windows): its status and its count of bookings hold until commit,
                // so neither a suspension nor a parallel booking of the same organization can slip past.
                String refusal = organizationCannotBook(tx, customer, spike, true);
                if (refusal != null) {
                    return new Refused(refusal, false);
                }
                // The same form again, sent while the first was still on its way: the first one's booking.
                var first = Bookings.idByIdempotencyKey(tx, customer.orgId(), idempotencyKey);
                if (first.isPresent()) {
                    return new Duplicate(first.get());
                }
                var same = sameInstance(tx, customer, spike, intake.instanceName());
                if (same != null) {
                    return new Refused(same, false, "instanceName");
                }
                // Every window locked (in id order, as every writer locks them) and checked before anything is written.
                var rows = tx.selectFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.in(windowIds))
                        .and(SPIKE_WINDOW.SPIKE_ID.eq(spike.id())).orderBy(SPIKE_WINDOW.ID).forUpdate().fetch();
                if (rows.size() != windowIds.size()) {
                    return new Refused("That window does not exist in this spike.", false);
                }
                for (var row : rows) {
                    var availability = BookingRules.availability(spike, Spikes.window(row), now);
                    if (availability != BookingRules.Availability.AVAILABLE) {
                        String which = rows.size() == 1 ? "" : "One of the windows you chose for the series: ";
                        return new Refused(which + message(availability), availability == BookingRules.Availability.FULL);
                    }
                }
                for (var row : rows) {
                    int taken = tx.update(SPIKE_WINDOW).set(SPIKE_WINDOW.BOOKED, SPIKE_WINDOW.BOOKED.plus(1))
                            .where(SPIKE_WINDOW.ID.eq(row.getId())).and(SPIKE_WINDOW.BOOKED.lt(SPIKE_WINDOW.CAPACITY))
                            .execute();
                    if (taken != 1) {
                        // cannot happen while the row is locked; if it does, undo the windows taken so far
                        throw new TakenMeanwhile();
                    }
                }
                List<org.jooq.Record> ordered = new ArrayList<>(rows);
                ordered.sort(java.util.Comparator.comparing((org.jooq.Record r) -> r.get(SPIKE_WINDOW.STARTS_AT)));
                Long seriesId = null;
                long firstId = 0;
                for (int part = 0; part < ordered.size(); part++) {
                    var row = ordered.get(part);
                    String key = part == 0 ? idempotencyKey
                            : idempotencyKey.substring(0, Math.min(idempotencyKey.length(), 60)) + "~" + (part + 1);
                    long id = insert(tx, customer, spike, row.get(SPIKE_WINDOW.ID), intake, route, key, now);
                    if (part == 0) {
                        firstId = id;
                        if (ordered.size() > 1) {
                            seriesId = id;
                        }
                    }
                    if (seriesId != null) {
                        tx.update(BOOKING).set(BOOKING.SERIES_ID, seriesId).where(BOOKING.ID.eq(id)).execute();
                    }
                    String detail = "window " + row.get(SPIKE_WINDOW.STARTS_AT).toInstant()
                            + (ordered.size() > 1 ? ", part " + (part + 1) + " of " + ordered.size() + " of series #" + seriesId : "");
                    event(tx, id, customer, "requested", null, BookingStatus.REQUESTED, detail, now.atOffset(ZoneOffset.UTC));
                    mail.changed(tx, id, "requested");
                }
                return new Done(firstId);
            });
        } catch (TakenMeanwhile e) {
            return new Refused(message(BookingRules.Availability.FULL), true);
        } catch (DataAccessException e) {
            if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                // The same idempotency key won a race with us, or the capacity check refused: nothing was written.
                var winner = Bookings.idByIdempotencyKey(db, customer.orgId(), idempotencyKey);
                return winner.<Result>map(Duplicate::new)
                        .orElseGet(() -> new Refused(message(BookingRules.Availability.FULL), true));
            }
            throw e;
        }
    }

    /** A window's place was gone after all: the transaction rolls back every window taken before it. */
    private static final class TakenMeanwhile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TakenMeanwhile() {
            super(null, null, false, false);
        }
    }

    private static long insert(DSLContext tx, User customer, Spike spike, long windowId, Intake intake, Route route,
                               String idempotencyKey, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        long id = tx.insertInto(BOOKING)
                .set(BOOKING.SPIKE_ID, spike.id())
                .set(BOOKING.WINDOW_ID, windowId)
                .set(BOOKING.ORG_ID, customer.orgId())
                .set(BOOKING.CREATED_BY, customer.id())
                .set(BOOKING.STATUS, BookingStatus.REQUESTED)
                .set(BOOKING.IDEMPOTENCY_KEY, idempotencyKey)
                .set(BOOKING.INSTANCE_NAME, intake.instanceName())
                .set(BOOKING.DEPLOYMENT, intake.deployment())
                .set(BOOKING.EDITION, intake.edition())
                .set(BOOKING.TOPOLOGY, intake.topology())
                .set(BOOKING.GEO, intake.geo())
                .set(BOOKING.CURRENT_VERSION, intake.currentVersion())
                .set(BOOKING.TARGET_VERSION, intake.targetVersion())
                .set(BOOKING.UPGRADE_PATH, "")
                .set(BOOKING.CONDITIONS, route.conditions())
                .set(BOOKING.ZERO_DOWNTIME, route.zeroDowntime())
                .set(BOOKING.CONTACT_NAME, intake.contactName())
                .set(BOOKING.CONTACT_EMAIL, intake.contactEmail())
                .set(BOOKING.CONTACT_PHONE, intake.contactPhone())
                .set(BOOKING.UPGRADE_PLAN_URL, intake.upgradePlanUrl())
                .set(BOOKING.ROLLBACK_PLAN_URL, intake.rollbackPlanUrl())
                .set(BOOKING.NOTES, intake.notes())
                .set(BOOKING.ICS_SEQUENCE, 0)
                .set(BOOKING.CREATED_AT, at)
                .set(BOOKING.UPDATED_AT, at)
                .returning(BOOKING.ID).fetchOne(BOOKING.ID);
        for (int hop = 0; hop < route.path().size(); hop++) {
            tx.insertInto(BOOKING_HOP).set(BOOKING_HOP.BOOKING_ID, id).set(BOOKING_HOP.HOP_NUMBER, hop + 1)
                    .set(BOOKING_HOP.VERSION, route.path().get(hop)).execute();
        }
        return id;
    }

    public static String organizationRefusal(Organizations.Status status) {
        return switch (status) {
            case APPROVED -> null;
            case PENDING -> "Your organization is waiting for support to approve it, which usually takes a working day."
                    + " You can book as soon as it is approved; until then, plan your upgrade and look at the windows.";
            case SUSPENDED -> "Your organization's bookings are suspended. Contact support.";
        };
    }

    static String quotaMessage(Spike spike) {
        int max = spike.maxBookingsPerOrganization();
        return "Your organization holds " + (max == 1 ? "a booking" : max + " bookings") + " in this spike already, the most it"
                + " allows, so that every customer gets a place. Cancel or complete one to book another.";
    }

    /**
     * Why this organization cannot book {@code instance} in this spike (it holds an active booking for it already:
     * one per instance, so that one customer cannot take window after window for the same upgrade), or null.
     */
    static String sameInstance(DSLContext db, User customer, Spike spike, String instance) {
        return db.select(BOOKING.ID).from(BOOKING).where(BOOKING.SPIKE_ID.eq(spike.id()), BOOKING.ORG_ID.eq(customer.orgId()),
                        BOOKING.STATUS.in(BookingStatus.ACTIVE),
                        org.jooq.impl.DSL.lower(BOOKING.INSTANCE_NAME).eq(instance.toLowerCase(java.util.Locale.ROOT)))
                .orderBy(BOOKING.ID).limit(1).fetchOptional(BOOKING.ID)
                .map(id -> "Your organization holds booking #" + id + " for " + instance + " in this spike already. To change its"
                        + " time, move that booking to another window from its page instead of booking again.")
                .orElse(null);
    }

    /** Why this customer cannot book in this spike now (organization not approved, quota reached), or null. */
    public String cannotBook(User customer, Spike spike) {
        if (customer.role() != Role.CUSTOMER || customer.orgId() == null) {
            return "Only customers book upgrade windows.";
        }
        return organizationCannotBook(db, customer, spike, false);
    }

    /**
     * The organization's status and its active bookings in the spike against the quota. In the booking
     * transaction ({@code lock}) the organization row is locked first, so both hold until commit.
     */
    private static String organizationCannotBook(DSLContext db, User customer, Spike spike, boolean lock) {
        var query = db.select(ORGANIZATION.STATUS).from(ORGANIZATION).where(ORGANIZATION.ID.eq(customer.orgId()));
        String status = (lock ? query.forUpdate() : query).fetchSingle(ORGANIZATION.STATUS);
        String refusal = organizationRefusal(Organizations.Status.of(status));
        if (refusal != null) {
            return refusal;
        }
        // a series counts once: the bookings of one series share its series_id
        int held = db.fetchValue(db.select(DSL.countDistinct(DSL.coalesce(BOOKING.SERIES_ID, BOOKING.ID))).from(BOOKING)
                .where(BOOKING.SPIKE_ID.eq(spike.id()), BOOKING.ORG_ID.eq(customer.orgId()),
                        BOOKING.STATUS.in(BookingStatus.ACTIVE)));
        return held >= spike.maxBookingsPerOrganization() ? quotaMessage(spike) : null;
    }

    /** The booking, locked for this transaction, if the actor may see it. */
    static java.util.Optional<ltsportal.db.tables.records.BookingRecord> locked(DSLContext tx, User actor, long id) {
        return tx.selectFrom(BOOKING).where(BOOKING.ID.eq(id)).and(Bookings.visibleTo(actor)).forUpdate().fetchOptional();
    }

    /** Writes one entry of a booking's history (staffing writes its assignments there too). */
    public static void event(DSLContext tx, long bookingId, User actor, String kind, BookingStatus from,
                             BookingStatus to, String detail, OffsetDateTime at) {
        tx.insertInto(BOOKING_EVENT)
                .set(BOOKING_EVENT.BOOKING_ID, bookingId)
                .set(BOOKING_EVENT.OCCURRED_AT, at)
                .set(BOOKING_EVENT.ACTOR_ID, actor.id())
                .set(BOOKING_EVENT.ACTOR_NAME, actor.displayName())
                .set(BOOKING_EVENT.KIND, kind)
                .set(BOOKING_EVENT.FROM_STATUS, from == null ? null : from.key())
                .set(BOOKING_EVENT.TO_STATUS, to.key())
                .set(BOOKING_EVENT.DETAIL, detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500))
                .execute();
    }

    static String message(BookingRules.Availability availability) {
        return switch (availability) {
            case FULL -> "That window has just been fully booked. Choose another one below.";
            case PAST -> "That window has already started.";
            case TOO_SOON -> "That window starts too soon: bookings need the spike's minimum notice.";
            case BEYOND_HORIZON -> "That window is not open for booking yet.";
            case CLOSED -> "This spike does not take bookings now.";
            case AVAILABLE -> "Available.";
        };
    }

    /** A compare-and-swap found the booking changed by someone else: the transaction rolls back. */
    public static final class ChangedMeanwhile extends Conflict {
        private static final long serialVersionUID = 1L;

        ChangedMeanwhile() {
            super("Someone changed this booking at the same moment. Reload the page to see where it stands.");
        }
    }
}
