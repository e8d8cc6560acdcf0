package ltsportal.assistance;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.BOOKING_MESSAGE;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import ltsportal.accounts.User;
import ltsportal.notes.Markdown;
import org.jooq.DSLContext;

/** One conversation per booking between the customer's organization and support; staff may add internal notes. */
public final class Messages {
    public static final int BODY_MAX = 8000;
    private final DSLContext db;
    private final Clock clock;
    private final Markdown markdown;
    private final AssistanceMail mail;

    /** {@code mail}: what a message sends to the other side, queued with it ({@link AssistanceMail#NONE} for demo data). */
    public Messages(DSLContext db, Clock clock, Markdown markdown, AssistanceMail mail) {
        this.db = db;
        this.clock = clock;
        this.markdown = markdown;
        this.mail = mail;
    }

    /** A message as a reader sees it: the Markdown rendered and sanitized like the release notes. */
    public record Message(long id, String author, String role, Instant at, String bodyMarkdown, String bodyHtml, boolean internal) {
    }

    /** The booking's thread, oldest first; internal notes only for staff. */
    public List<Message> of(User reader, long bookingId) {
        var condition = BOOKING_MESSAGE.BOOKING_ID.eq(bookingId);
        if (!reader.staff()) {
            condition = condition.and(BOOKING_MESSAGE.INTERNAL.isFalse());
        }
        return db.select(BOOKING_MESSAGE.fields()).select(APP_USER.DISPLAY_NAME, APP_USER.ROLE)
                .from(BOOKING_MESSAGE).join(APP_USER).on(APP_USER.ID.eq(BOOKING_MESSAGE.AUTHOR_ID))
                .where(condition).orderBy(BOOKING_MESSAGE.CREATED_AT, BOOKING_MESSAGE.ID)
                .fetch(r -> new Message(r.get(BOOKING_MESSAGE.ID), r.get(APP_USER.DISPLAY_NAME),
                        "customer".equals(r.get(APP_USER.ROLE)) ? "customer" : "support (" + r.get(APP_USER.ROLE) + ")",
                        r.get(BOOKING_MESSAGE.CREATED_AT).toInstant(), r.get(BOOKING_MESSAGE.BODY_MD),
                        markdown.toSafeHtml(r.get(BOOKING_MESSAGE.BODY_MD)), r.get(BOOKING_MESSAGE.INTERNAL)));
    }

    /** Adds a message; {@code internal} counts only for staff (a customer's message is never hidden from them). */
    public long add(User author, long bookingId, String body, boolean internal) {
        boolean hidden = internal && author.staff();
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long id = tx.insertInto(BOOKING_MESSAGE).set(BOOKING_MESSAGE.BOOKING_ID, bookingId).set(BOOKING_MESSAGE.AUTHOR_ID, author.id())
                    .set(BOOKING_MESSAGE.BODY_MD, body).set(BOOKING_MESSAGE.INTERNAL, hidden)
                    .set(BOOKING_MESSAGE.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .returning(BOOKING_MESSAGE.ID).fetchOne(BOOKING_MESSAGE.ID);
            mail.messagePosted(tx, author, ltsportal.spikes.Bookings.read(tx, bookingId).orElseThrow(), id, body, hidden);
            return id;
        });
    }
}
