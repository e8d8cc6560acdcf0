package ltsportal.assistance;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.BOOKING_REVIEW;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import ltsportal.accounts.User;
import ltsportal.spikes.Booking;
import ltsportal.spikes.BookingService;
import org.jooq.DSLContext;

/**
 * The plan review of a booking: not submitted (no row) -> submitted -> approved, or changes requested
 * -> submitted again. Every step goes into the booking's history.
 */
public final class Reviews {
    public static final int PLAN_MAX = 20_000;
    public static final int TOPOLOGY_MAX = 4000;
    public static final int COMMENT_MAX = 8000;

    private final DSLContext db;
    private final Clock clock;
    private final AssistanceMail mail;

    /** {@code mail}: what a plan sent or decided sends, queued with the change ({@link AssistanceMail#NONE} for demo data). */
    public Reviews(DSLContext db, Clock clock, AssistanceMail mail) {
        this.db = db;
        this.clock = clock;
        this.mail = mail;
    }

    public record Review(String status, String planMarkdown, String rollbackMarkdown, String topology, boolean backupVerified,
                         String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt, String comment,
                         Set<String> ticked) {
        public boolean approved() {
            return "approved".equals(status);
        }
    }

    public Optional<Review> of(long bookingId) {
        var submitter = APP_USER.as("submitter");
        var decider = APP_USER.as("decider");
        return db.select(BOOKING_REVIEW.fields()).select(submitter.DISPLAY_NAME, decider.DISPLAY_NAME)
                .from(BOOKING_REVIEW).join(submitter).on(submitter.ID.eq(BOOKING_REVIEW.SUBMITTED_BY))
                .leftJoin(decider).on(decider.ID.eq(BOOKING_REVIEW.DECIDED_BY))
                .where(BOOKING_REVIEW.BOOKING_ID.eq(bookingId))
                .fetchOptional(r -> new Review(r.get(BOOKING_REVIEW.STATUS), r.get(BOOKING_REVIEW.PLAN_MD), r.get(BOOKING_REVIEW.ROLLBACK_MD),
                        r.get(BOOKING_REVIEW.TOPOLOGY), r.get(BOOKING_REVIEW.BACKUP_VERIFIED), r.get(submitter.DISPLAY_NAME),
                        r.get(BOOKING_REVIEW.SUBMITTED_AT).toInstant(), r.get(decider.DISPLAY_NAME),
                        r.get(BOOKING_REVIEW.DECIDED_AT) == null ? null : r.get(BOOKING_REVIEW.DECIDED_AT).toInstant(),
                        r.get(BOOKING_REVIEW.DECISION_COMMENT), Checklist.read(r.get(BOOKING_REVIEW.CHECKLIST))));
    }

    /** The customer's plan, first or again: the review is (back to) submitted, an earlier decision set aside. */
    public void submit(User customer, Booking booking, String plan, String rollback, String topology, boolean backupVerified) {
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        db.transaction(cfg -> {
            var tx = cfg.dsl();
            boolean again = tx.fetchExists(BOOKING_REVIEW, BOOKING_REVIEW.BOOKING_ID.eq(booking.id()));
            if (again) {
                tx.update(BOOKING_REVIEW).set(BOOKING_REVIEW.STATUS, "submitted").set(BOOKING_REVIEW.PLAN_MD, plan)
                        .set(BOOKING_REVIEW.ROLLBACK_MD, rollback).set(BOOKING_REVIEW.TOPOLOGY, topology)
                        .set(BOOKING_REVIEW.BACKUP_VERIFIED, backupVerified).set(BOOKING_REVIEW.SUBMITTED_BY, customer.id())
                        .set(BOOKING_REVIEW.SUBMITTED_AT, at).where(BOOKING_REVIEW.BOOKING_ID.eq(booking.id())).execute();
            } else {
                tx.insertInto(BOOKING_REVIEW).set(BOOKING_REVIEW.BOOKING_ID, booking.id()).set(BOOKING_REVIEW.STATUS, "submitted")
                        .set(BOOKING_REVIEW.PLAN_MD, plan).set(BOOKING_REVIEW.ROLLBACK_MD, rollback).set(BOOKING_REVIEW.TOPOLOGY, topology)
                        .set(BOOKING_REVIEW.BACKUP_VERIFIED, backupVerified).set(BOOKING_REVIEW.SUBMITTED_BY, customer.id())
                        .set(BOOKING_REVIEW.SUBMITTED_AT, at).execute();
            }
            BookingService.event(tx, booking.id(), customer, again ? "review-resent" : "review-sent", booking.status(),
                    booking.status(), backupVerified ? "restore tested" : "restore not tested", at);
            mail.reviewSent(tx, customer, booking, at.toInstant().toEpochMilli());
        });
    }

    /**
     * An engineer's or manager's decision on a submitted plan (a compare-and-swap: a plan submitted again
     * meanwhile is not decided blind). Whether it was taken.
     */
    public boolean decide(User staff, Booking booking, boolean approve, String comment, Set<String> ticked) {
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        return db.transactionResult(cfg -> {
            var tx = cfg.dsl();
            int changed = tx.update(BOOKING_REVIEW).set(BOOKING_REVIEW.STATUS, approve ? "approved" : "changes-requested")
                    .set(BOOKING_REVIEW.DECIDED_BY, staff.id()).set(BOOKING_REVIEW.DECIDED_AT, at)
                    .set(BOOKING_REVIEW.DECISION_COMMENT, comment.isEmpty() ? null : comment)
                    .set(BOOKING_REVIEW.CHECKLIST, Checklist.store(ticked))
                    .where(BOOKING_REVIEW.BOOKING_ID.eq(booking.id()), BOOKING_REVIEW.STATUS.eq("submitted")).execute();
            if (changed != 1) {
                return false;
            }
            BookingService.event(tx, booking.id(), staff, approve ? "review-approved" : "review-changes", booking.status(),
                    booking.status(), ticked.size() + " checks ticked", at);
            mail.reviewDecided(tx, staff, booking, approve, comment, at.toInstant().toEpochMilli());
            return true;
        });
    }
}
