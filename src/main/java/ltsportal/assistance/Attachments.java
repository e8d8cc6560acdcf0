package ltsportal.assistance;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.BOOKING_ATTACHMENT;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import ltsportal.accounts.User;
import ltsportal.spikes.Booking;
import ltsportal.spikes.BookingService;
import ltsportal.web.Sha256;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Files attached to a booking, kept in the database so that every portal instance serves them. Callers
 * have already found the booking through {@code Bookings.find(user, id)}, so only the booking's own
 * organization and staff get here.
 */
public final class Attachments {
    /** 20 MB a file. */
    public static final long FILE_MAX = 20_000_000;
    /** 100 MB a booking. */
    public static final long BOOKING_MAX = 100_000_000;

    private final DSLContext db;
    private final Clock clock;

    public Attachments(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A file as listed on the booking: never its bytes. */
    public record Attachment(long id, String name, String contentType, long size, String uploadedBy, long uploadedById,
                             Instant at) {
        public String sizeText() {
            return Attachments.sizeText(size);
        }
    }

    /** A file to send back. */
    public record Content(String name, String contentType, byte[] bytes) {
    }

    public List<Attachment> of(long bookingId) {
        return db.select(BOOKING_ATTACHMENT.ID, BOOKING_ATTACHMENT.FILE_NAME, BOOKING_ATTACHMENT.CONTENT_TYPE,
                        BOOKING_ATTACHMENT.SIZE_BYTES, BOOKING_ATTACHMENT.UPLOADED_BY, BOOKING_ATTACHMENT.UPLOADED_AT, APP_USER.DISPLAY_NAME)
                .from(BOOKING_ATTACHMENT).join(APP_USER).on(APP_USER.ID.eq(BOOKING_ATTACHMENT.UPLOADED_BY))
                .where(BOOKING_ATTACHMENT.BOOKING_ID.eq(bookingId))
                .orderBy(BOOKING_ATTACHMENT.UPLOADED_AT, BOOKING_ATTACHMENT.ID)
                .fetch(r -> new Attachment(r.get(BOOKING_ATTACHMENT.ID), r.get(BOOKING_ATTACHMENT.FILE_NAME),
                        r.get(BOOKING_ATTACHMENT.CONTENT_TYPE), r.get(BOOKING_ATTACHMENT.SIZE_BYTES), r.get(APP_USER.DISPLAY_NAME),
                        r.get(BOOKING_ATTACHMENT.UPLOADED_BY), r.get(BOOKING_ATTACHMENT.UPLOADED_AT).toInstant()));
    }

    public Optional<Content> content(long bookingId, long attachmentId) {
        return db.select(BOOKING_ATTACHMENT.FILE_NAME, BOOKING_ATTACHMENT.CONTENT_TYPE, BOOKING_ATTACHMENT.CONTENT)
                .from(BOOKING_ATTACHMENT)
                .where(BOOKING_ATTACHMENT.ID.eq(attachmentId), BOOKING_ATTACHMENT.BOOKING_ID.eq(bookingId))
                .fetchOptional(r -> new Content(r.value1(), r.value2(), r.value3()));
    }

    /** Stored, or refused with the reason (the booking's 100 MB would be passed). */
    public sealed interface Added permits Stored, OverQuota {
    }

    public record Stored(long id) implements Added {
    }

    public record OverQuota(long used) implements Added {
    }

    /**
     * Stores a file on the booking. The booking's row is locked first, so two uploads at once cannot
     * both pass the 100 MB between them.
     */
    public Added add(User user, Booking booking, String name, FileKinds.Kind kind, byte[] bytes) {
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.select(BOOKING.ID).from(BOOKING).where(BOOKING.ID.eq(booking.id())).forUpdate().fetch();
            long used = used(tx, booking.id());
            if (used + bytes.length > BOOKING_MAX) {
                return new OverQuota(used);
            }
            long id = tx.insertInto(BOOKING_ATTACHMENT).set(BOOKING_ATTACHMENT.BOOKING_ID, booking.id())
                    .set(BOOKING_ATTACHMENT.FILE_NAME, name).set(BOOKING_ATTACHMENT.CONTENT_TYPE, kind.contentType())
                    .set(BOOKING_ATTACHMENT.SIZE_BYTES, (long) bytes.length).set(BOOKING_ATTACHMENT.CONTENT, bytes)
                    .set(BOOKING_ATTACHMENT.SHA256, Sha256.hex(bytes)).set(BOOKING_ATTACHMENT.UPLOADED_BY, user.id())
                    .set(BOOKING_ATTACHMENT.UPLOADED_AT, at)
                    .returning(BOOKING_ATTACHMENT.ID).fetchOne(BOOKING_ATTACHMENT.ID);
            BookingService.event(tx, booking.id(), user, "attached", booking.status(), booking.status(),
                    name + " (" + sizeText(bytes.length) + ")", at);
            return new Stored(id);
        });
    }

    /** Removes a file: its uploader or staff. Whether it was there to remove. */
    public boolean remove(User user, Booking booking, long attachmentId) {
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var condition = BOOKING_ATTACHMENT.ID.eq(attachmentId).and(BOOKING_ATTACHMENT.BOOKING_ID.eq(booking.id()));
            if (!user.staff()) {
                condition = condition.and(BOOKING_ATTACHMENT.UPLOADED_BY.eq(user.id()));
            }
            String name = tx.select(BOOKING_ATTACHMENT.FILE_NAME).from(BOOKING_ATTACHMENT).where(condition).fetchOne(BOOKING_ATTACHMENT.FILE_NAME);
            if (name == null || tx.deleteFrom(BOOKING_ATTACHMENT).where(condition).execute() != 1) {
                return false;
            }
            BookingService.event(tx, booking.id(), user, "detached", booking.status(), booking.status(), name, at);
            return true;
        });
    }

    private static long used(DSLContext db, long bookingId) {
        var sum = db.select(DSL.sum(BOOKING_ATTACHMENT.SIZE_BYTES)).from(BOOKING_ATTACHMENT)
                .where(BOOKING_ATTACHMENT.BOOKING_ID.eq(bookingId)).fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    /** 20 MB, 1.5 MB, 320 KB, 12 bytes: sizes as people read them (decimal units, as the limits are given). */
    public static String sizeText(long bytes) {
        if (bytes >= 1_000_000) {
            String mb = String.format(java.util.Locale.ROOT, "%.1f", bytes / 1_000_000.0);
            return (mb.endsWith(".0") ? mb.substring(0, mb.length() - 2) : mb) + " MB";
        }
        if (bytes >= 1000) {
            return (bytes + 500) / 1000 + " KB";
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }
}
