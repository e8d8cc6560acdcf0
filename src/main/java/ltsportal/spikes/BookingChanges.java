package ltsportal.spikes;

import static ltsportal.db.Tables.ASSIGNMENT;
import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.BOOKING_REVIEW;
import static ltsportal.db.Tables.SPIKE_WINDOW;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import ltsportal.accounts.Role;
import ltsportal.accounts.User;
import org.jooq.DSLContext;

/**
 * Changes to a booking that exists, each in one transaction with its history entry and mail: customers and
 * staff move and cancel (a series all together or part by part), staff confirm and complete. Making bookings
 * is {@link BookingService}'s.
 */
public final class BookingChanges {
    private final DSLContext db;
    private final Clock clock;
    private final BookingMail mail;

    /** Changes made with the same database, clock and mail as the bookings {@code service} makes. */
    public BookingChanges(BookingService service) {
        this.db = service.db();
        this.clock = service.clock();
        this.mail = service.mail();
    }

    /** Moves a booking to another window of the same spike; the booking keeps its id. */
    public BookingService.Result reschedule(User actor, Spike spike, long bookingId, long newWindowId) {
        Instant now = clock.instant();
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var booking = BookingService.locked(tx, actor, bookingId);
            if (booking.isEmpty()) {
                return new BookingService.Refused("There is no such booking.", false);
            }
            BookingStatus status = booking.get().getStatus();
            if (!status.reschedulable()) {
                return new BookingService.Refused("A " + status.key() + " booking cannot move to another window.", false);
            }
            long oldWindowId = booking.get().getWindowId();
            if (oldWindowId == newWindowId) {
                return new BookingService.Refused("The booking is in that window already.", false);
            }
            if (booking.get().getSeriesId() != null && tx.fetchExists(BOOKING, BOOKING.SERIES_ID.eq(booking.get().getSeriesId()),
                    BOOKING.WINDOW_ID.eq(newWindowId), BOOKING.STATUS.in(BookingStatus.ACTIVE))) {
                return new BookingService.Refused("Another booking of this series holds that window: choose a different one.", false);
            }
            // Lock both windows in id order, so two opposite moves cannot deadlock.
            var windows = tx.selectFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.in(oldWindowId, newWindowId))
                    .and(SPIKE_WINDOW.SPIKE_ID.eq(spike.id())).orderBy(SPIKE_WINDOW.ID).forUpdate().fetch();
            var oldWindow = windows.stream().filter(w -> w.getId() == oldWindowId).findFirst();
            var newWindow = windows.stream().filter(w -> w.getId() == newWindowId).findFirst();
            if (newWindow.isEmpty() || oldWindow.isEmpty()) {
                return new BookingService.Refused("That window does not exist in this spike.", false);
            }
            if (actor.role() == Role.CUSTOMER && !BookingRules.beforeCutoff(spike, Spikes.window(oldWindow.get()), now)) {
                return new BookingService.Refused("It is too late to move this booking: the cut-off is " + spike.cancelCutoffHours()
                        + " hours before the window starts.", false);
            }
            var availability = BookingRules.availability(spike, Spikes.window(newWindow.get()), now);
            if (availability != BookingRules.Availability.AVAILABLE) {
                return new BookingService.Refused(BookingService.message(availability), availability == BookingRules.Availability.FULL);
            }
            if (tx.update(SPIKE_WINDOW).set(SPIKE_WINDOW.BOOKED, SPIKE_WINDOW.BOOKED.plus(1))
                    .where(SPIKE_WINDOW.ID.eq(newWindowId)).and(SPIKE_WINDOW.BOOKED.lt(SPIKE_WINDOW.CAPACITY)).execute() != 1) {
                return new BookingService.Refused (BookingService.message(BookingRules.Availability.FULL), true);
            }
            tx.update(SPIKE_WINDOW).set(SPIKE_WINDOW.BOOKED, SPIKE_WINDOW.BOOKED.minus(1))
                    .where(SPIKE_WINDOW.ID.eq(oldWindowId)).execute();
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            int moved = tx.update(BOOKING)
                    .set(BOOKING.WINDOW_ID, newWindowId)
                    .set(BOOKING.ICS_SEQUENCE, BOOKING.ICS_SEQUENCE.plus(1))
                    .set(BOOKING.UPDATED_AT, at)
                    .where(BOOKING.ID.eq(bookingId)).and(BOOKING.STATUS.eq(status))
                    .and(BOOKING.WINDOW_ID.eq(oldWindowId))
                    .execute();
            if (moved != 1) {
                throw new BookingService.ChangedMeanwhile();
            }
            BookingService.event(tx, bookingId, actor, "rescheduled", status, status,
                    oldWindow.get().getStartsAt().toInstant() + " -> " + newWindow.get().getStartsAt().toInstant(), at);
            mail.changed(tx, bookingId, "moved");
            return new BookingService.Done(bookingId);
        });
    }

    /** Cancels a booking and frees its place. Customers may until the cut-off; staff always. */
    /** Why an organization in this status cannot book, or null when it can. */
    public BookingService.Result cancel(User actor, Spike spike, long bookingId, String reason) {
        Instant now = clock.instant();
        return db.transactionResult(cfg -> cancelIn(cfg.dsl(), actor, spike, bookingId, reason, now));
    }

    /**
     * Cancels every active booking of the series {@code bookingId} belongs to, all or none: a part inside the
     * cut-off (for a customer) or already completed refuses the whole, naming it. Done with the booking asked for.
     */
    public BookingService.Result cancelSeries(User actor, Spike spike, long bookingId, String reason) {
        Instant now = clock.instant();
        try {
            return db.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                var booking = BookingService.locked(tx, actor, bookingId);
                if (booking.isEmpty() || booking.get().getSeriesId() == null) {
                    return new BookingService.Refused("This booking is not part of a series.", false);
                }
                List<Long> parts = tx.select(BOOKING.ID).from(BOOKING).where(BOOKING.SERIES_ID.eq(booking.get().getSeriesId()))
                        .and(BOOKING.STATUS.in(BookingStatus.ACTIVE)).orderBy(BOOKING.ID).fetch(BOOKING.ID);
                for (long part : parts) {
                    if (cancelIn(tx, actor, spike, part, reason, now) instanceof BookingService.Refused r) {
                        throw new SeriesRefused(new BookingService.Refused("Booking #" + part + " of the series: " + r.message(), r.conflict()));
                    }
                }
                return parts.isEmpty() ? new BookingService.Refused("No booking of this series is active any more.", false) : new BookingService.Done(bookingId);
            });
        } catch (SeriesRefused e) {
            return e.refusal;
        }
    }

    /** One part of a series refused: the transaction rolls back the parts cancelled before it. */
    private static final class SeriesRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient BookingService.Refused refusal;

        SeriesRefused(BookingService.Refused refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }

    private BookingService.Result cancelIn(DSLContext tx, User actor, Spike spike, long bookingId, String reason, Instant now) {
        var booking = BookingService.locked(tx, actor, bookingId);
        if (booking.isEmpty()) {
            return new BookingService.Refused("There is no such booking.", false);
        }
        BookingStatus status = booking.get().getStatus();
        if (!status.canBecome(BookingStatus.CANCELLED)) {
            return new BookingService.Refused("A " + status.key() + " booking cannot be cancelled.", false);
        }
        var window = tx.selectFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.eq(booking.get().getWindowId())).forUpdate().fetchOne();
        if (actor.role() == Role.CUSTOMER && !BookingRules.beforeCutoff(spike, Spikes.window(window), now)) {
            return new BookingService.Refused("It is too late to cancel online: the cut-off is " + spike.cancelCutoffHours()
                    + " hours before the window starts. Contact support.", false);
        }
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int changed = tx.update(BOOKING)
                .set(BOOKING.STATUS, BookingStatus.CANCELLED)
                .set(BOOKING.CANCEL_REASON, reason)
                .set(BOOKING.ICS_SEQUENCE, BOOKING.ICS_SEQUENCE.plus(1))
                .set(BOOKING.UPDATED_AT, at)
                .where(BOOKING.ID.eq(bookingId)).and(BOOKING.STATUS.eq(status))
                .execute();
        if (changed != 1) {
            throw new BookingService.ChangedMeanwhile();
        }
        tx.update(SPIKE_WINDOW).set(SPIKE_WINDOW.BOOKED, SPIKE_WINDOW.BOOKED.minus(1))
                .where(SPIKE_WINDOW.ID.eq(window.getId())).execute();
        BookingService.event(tx, bookingId, actor, "cancelled", status, BookingStatus.CANCELLED, reason, at);
        mail.changed(tx, bookingId, "cancelled");
        return new BookingService.Done(bookingId);
    }

    /**
     * Confirms a booking: only once its plan review is approved, unless a manager overrides with a written
     * reason (kept on the booking and in its history). Otherwise refused as a conflict (409) saying why.
     */
    public BookingService.Result confirm(User staff, long bookingId, BookingStatus from, String overrideReason) {
        boolean approved = db.fetchExists(BOOKING_REVIEW, BOOKING_REVIEW.BOOKING_ID.eq(bookingId).and(BOOKING_REVIEW.STATUS.eq("approved")));
        String reason = overrideReason == null ? "" : overrideReason.strip();
        if (!approved) {
            if (reason.isEmpty() || staff.role() != Role.MANAGER) {
                return new BookingService.Refused("This booking cannot be confirmed yet: its upgrade plan has no approved review."
                        + (staff.role() == Role.MANAGER ? " To confirm anyway, give the reason for the override." : ""), true);
            }
            if (reason.length() > 500) {
                return new BookingService.Refused("Give the override's reason in at most 500 characters.", false);
            }
        }
        return advance(staff, bookingId, from, BookingStatus.CONFIRMED, approved ? null : reason);
    }

    /** Staff move a booking along its life (confirm, complete): a compare-and-swap on the status. */
    public BookingService.Result advance(User staff, long bookingId, BookingStatus from, BookingStatus to) {
        return advance(staff, bookingId, from, to, null);
    }

    /** {@code override}: a manager's reason to confirm without an approved review, kept in the same transaction. */
    private BookingService.Result advance(User staff, long bookingId, BookingStatus from, BookingStatus to, String override) {
        if (staff.role() == Role.CUSTOMER) {
            return new BookingService.Refused("Only support staff change a booking's status.", false);
        }
        if (!from.canBecome(to)) {
            return new BookingService.Refused("A " + from.key() + " booking cannot become " + to.key() + ".", false);
        }
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            // A booking confirmed with its primary engineer already on it is staffed at once.
            BookingStatus reached = to == BookingStatus.CONFIRMED && tx.fetchExists(ASSIGNMENT,
                    ASSIGNMENT.BOOKING_ID.eq(bookingId).and(ASSIGNMENT.SLOT.eq("primary"))) ? BookingStatus.STAFFED : to;
            int changed = tx.update(BOOKING).set(BOOKING.STATUS, reached).set(BOOKING.UPDATED_AT, at)
                    .where(BOOKING.ID.eq(bookingId)).and(BOOKING.STATUS.eq(from)).execute();
            if (changed != 1) {
                return new BookingService.Refused("The booking changed meanwhile; reload to see its status.", true);
            }
            BookingService.event(tx, bookingId, staff, override == null ? to.key() : "confirmed-override", from, reached,
                    override == null ? null : "without an approved review: " + override, at);
            if (override != null) {
                tx.update(BOOKING).set(BOOKING.CONFIRM_OVERRIDE, override).where(BOOKING.ID.eq(bookingId)).execute();
            }
            if (to == BookingStatus.CONFIRMED) {
                mail.changed(tx, bookingId, "confirmed");
            }
            return new BookingService.Done(bookingId);
        });
    }
}
