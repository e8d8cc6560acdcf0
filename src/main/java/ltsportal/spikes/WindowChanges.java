package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE_WINDOW;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import ltsportal.accounts.User;
import org.jooq.DSLContext;

/**
 * A manager changes a window that holds bookings: the change reaches each booking in the same
 * transaction, as an entry in its history, a raised invitation SEQUENCE (so calendars apply the new
 * times) and mail to the customer.
 */
public final class WindowChanges {
    private final DSLContext db;
    private final Clock clock;
    private final BookingMail mail;

    public WindowChanges(DSLContext db, Clock clock, BookingMail mail) {
        this.db = db;
        this.clock = clock;
        this.mail = mail;
    }

    /** Resizes a window: false (nothing changed) when its capacity would go below its bookings. */
    public boolean resize(User manager, long spikeId, long windowId, Instant end, int capacity) {
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var window = tx.selectFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.eq(windowId), SPIKE_WINDOW.SPIKE_ID.eq(spikeId))
                    .forUpdate().fetchOptional();
            if (window.isEmpty() || window.get().getBooked() > capacity) {
                return false;
            }
            Instant before = window.get().getEndsAt().toInstant();
            tx.update(SPIKE_WINDOW).set(SPIKE_WINDOW.ENDS_AT, end.atOffset(ZoneOffset.UTC)).set(SPIKE_WINDOW.CAPACITY, capacity)
                    .where(SPIKE_WINDOW.ID.eq(windowId)).execute();
            if (!before.equals(end)) {
                var affected = tx.select(BOOKING.ID, BOOKING.STATUS).from(BOOKING).where(BOOKING.WINDOW_ID.eq(windowId))
                        .and(BOOKING.STATUS.in(BookingStatus.ACTIVE)).orderBy(BOOKING.ID).forUpdate().fetch();
                for (var b : affected) {
                    tx.update(BOOKING).set(BOOKING.ICS_SEQUENCE, BOOKING.ICS_SEQUENCE.plus(1)).set(BOOKING.UPDATED_AT, at)
                            .where(BOOKING.ID.eq(b.value1())).execute();
                    BookingStatus status = b.value2();
                    BookingService.event(tx, b.value1(), manager, "window-changed", status, status,
                            "the window now ends at " + end + " (was " + before + ")", at);
                    mail.changed(tx, b.value1(), "moved");
                }
            }
            return true;
        });
    }

    /**
     * A spike was closed with active bookings, and the manager said what happens to them: each is kept (its
     * history says the spike closed, the customer is told their window stands) or cancelled with the manager's
     * reason (history, a raised SEQUENCE with the CANCEL, its place freed, mail). One transaction for all; the
     * number of bookings it reached.
     */
    public int spikeClosed(User manager, long spikeId, boolean cancel, String reason) {
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var affected = tx.select(BOOKING.ID, BOOKING.STATUS, BOOKING.WINDOW_ID).from(BOOKING).where(BOOKING.SPIKE_ID.eq(spikeId))
                    .and(BOOKING.STATUS.in(BookingStatus.ACTIVE)).orderBy(BOOKING.ID).forUpdate().fetch();
            for (var b : affected) {
                BookingStatus status = b.value2();
                if (cancel) {
                    tx.update(BOOKING).set(BOOKING.STATUS, BookingStatus.CANCELLED).set(BOOKING.CANCEL_REASON, reason)
                            .set(BOOKING.ICS_SEQUENCE, BOOKING.ICS_SEQUENCE.plus(1)).set(BOOKING.UPDATED_AT, at)
                            .where(BOOKING.ID.eq(b.value1())).execute();
                    tx.update(SPIKE_WINDOW).set(SPIKE_WINDOW.BOOKED, SPIKE_WINDOW.BOOKED.minus(1))
                            .where(SPIKE_WINDOW.ID.eq(b.value3())).execute();
                    BookingService.event(tx, b.value1(), manager, "cancelled", status, BookingStatus.CANCELLED,
                            "the spike closed: " + reason, at);
                    mail.changed(tx, b.value1(), "cancelled");
                } else {
                    BookingService.event(tx, b.value1(), manager, "spike-closed", status, status,
                            "the spike closed to new bookings; this booking stays as it is", at);
                    mail.changed(tx, b.value1(), "kept");
                }
            }
            return affected.size();
        });
    }
}
