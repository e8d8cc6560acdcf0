package ltsportal.mail;

import static ltsportal.db.Tables.OUTBOX_MESSAGE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import ltsportal.db.tables.records.OutboxMessageRecord;
import org.jooq.DSLContext;

/**
 * The outbox: messages written in the same transaction as the change they tell of, then claimed and
 * delivered by {@link OutboxSender}. A message's key is unique, so an event queued twice (a retried
 * transaction, a reminder scan on two instances) is still one message.
 */
public final class Outbox {
    /** A message not delivered within a day is given up, with its last failure shown to admins. */
    public static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
    public static final int PAGE = 50;

    private final DSLContext db;
    private final Clock clock;
    /** How long a claim holds before another sender may take the message (a sender that died). */
    private final Duration claim;

    public Outbox(DSLContext db, Clock clock, Duration claim) {
        this.db = db;
        this.clock = clock;
        this.claim = claim;
    }

    /**
     * Queues a letter inside the caller's transaction {@code tx}; a letter whose key is already queued is
     * left as it was. Whether it was new.
     */
    public static boolean enqueue(DSLContext tx, Clock clock, Letter letter) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return tx.insertInto(OUTBOX_MESSAGE)
                .set(OUTBOX_MESSAGE.DEDUPE_KEY, clip(letter.key(), 200))
                .set(OUTBOX_MESSAGE.KIND, letter.kind())
                .set(OUTBOX_MESSAGE.RECIPIENT_EMAIL, letter.toEmail())
                .set(OUTBOX_MESSAGE.RECIPIENT_NAME, letter.toName() == null ? null : clip(letter.toName(), 200))
                .set(OUTBOX_MESSAGE.SUBJECT, clip(oneLine(letter.subject()), 300))
                .set(OUTBOX_MESSAGE.TEXT_BODY, letter.text())
                .set(OUTBOX_MESSAGE.HTML_BODY, letter.html())
                .set(OUTBOX_MESSAGE.CALENDAR, letter.calendar())
                .set(OUTBOX_MESSAGE.CALENDAR_METHOD, letter.calendarMethod())
                .set(OUTBOX_MESSAGE.OPTIONAL, letter.optional())
                .set(OUTBOX_MESSAGE.STATUS, OutboxStatus.PENDING)
                .set(OUTBOX_MESSAGE.ATTEMPTS, 0)
                .set(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT, now)
                .set(OUTBOX_MESSAGE.CREATED_AT, now)
                .onConflict(OUTBOX_MESSAGE.DEDUPE_KEY).doNothing()
                .execute() == 1;
    }

    /** Folds a subject onto one line: nothing a user typed can start a header of its own. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t\\u0000-\\u001f\\u2028\\u2029]+", " ").strip();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * Claims up to {@code max} messages due now for this sender: pending ones whose time has come, and
     * ones whose earlier claim lapsed (a sender that died mid-way). Rows another instance is claiming
     * at this moment are skipped, not waited for ({@code FOR UPDATE SKIP LOCKED}).
     */
    public List<OutboxMessageRecord> claim(int max) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var due = tx.selectFrom(OUTBOX_MESSAGE)
                    .where(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.PENDING).and(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT.le(now))
                            .or(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.SENDING).and(OUTBOX_MESSAGE.CLAIMED_UNTIL.lt(now))))
                    .orderBy(OUTBOX_MESSAGE.ID).limit(max).forUpdate().skipLocked().fetch();
            for (var m : due) {
                tx.update(OUTBOX_MESSAGE).set(OUTBOX_MESSAGE.STATUS, OutboxStatus.SENDING).set(OUTBOX_MESSAGE.CLAIMED_UNTIL, now.plus(claim))
                        .where(OUTBOX_MESSAGE.ID.eq(m.getId())).execute();
            }
            return due;
        });
    }

    public void sent(long id) {
        db.update(OUTBOX_MESSAGE).set(OUTBOX_MESSAGE.STATUS, OutboxStatus.SENT).set(OUTBOX_MESSAGE.SENT_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(OUTBOX_MESSAGE.CLAIMED_UNTIL, (OffsetDateTime) null).set(OUTBOX_MESSAGE.LAST_ERROR, (String) null)
                .set(OUTBOX_MESSAGE.ATTEMPTS, OUTBOX_MESSAGE.ATTEMPTS.plus(1))
                .where(OUTBOX_MESSAGE.ID.eq(id)).execute();
    }

    /**
     * A failed attempt: tried again after 30 s, 1, 2, 4 ... minutes (at most an hour apart), or given up
     * when {@code permanent} (the server refused the address) or a day after the message was queued.
     */
    public void failed(OutboxMessageRecord m, String error, boolean permanent) {
        Instant now = clock.instant();
        int attempts = m.getAttempts() + 1;
        boolean giveUp = permanent || !now.isBefore(m.getCreatedAt().toInstant().plus(GIVE_UP_AFTER));
        long seconds = Math.min(3600, 30L << Math.min(attempts - 1, 7));
        db.update(OUTBOX_MESSAGE).set(OUTBOX_MESSAGE.STATUS, giveUp ? OutboxStatus.FAILED : OutboxStatus.PENDING)
                .set(OUTBOX_MESSAGE.ATTEMPTS, attempts)
                .set(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT, now.plusSeconds(seconds).atOffset(ZoneOffset.UTC))
                .set(OUTBOX_MESSAGE.CLAIMED_UNTIL, (OffsetDateTime) null)
                .set(OUTBOX_MESSAGE.LAST_ERROR, clip(error == null ? "unknown error" : error, 1000))
                .where(OUTBOX_MESSAGE.ID.eq(m.getId())).execute();
    }

    /** Claimed messages this sender did not get to: due again at once, for whichever sender comes next. */
    public void release(List<Long> ids) {
        if (!ids.isEmpty()) {
            db.update(OUTBOX_MESSAGE).set(OUTBOX_MESSAGE.STATUS, OutboxStatus.PENDING).set(OUTBOX_MESSAGE.CLAIMED_UNTIL, (OffsetDateTime) null)
                    .where(OUTBOX_MESSAGE.ID.in(ids), OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.SENDING)).execute();
        }
    }

    /** An admin's "retry": a failed message is due again now, with a fresh day to get through. */
    public boolean retry(long id) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return db.update(OUTBOX_MESSAGE).set(OUTBOX_MESSAGE.STATUS, OutboxStatus.PENDING).set(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT, now)
                .set(OUTBOX_MESSAGE.CREATED_AT, now)
                .where(OUTBOX_MESSAGE.ID.eq(id), OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.FAILED)).execute() == 1;
    }

    public List<OutboxMessageRecord> page(String status, int page) {
        var condition = status.isEmpty() ? org.jooq.impl.DSL.noCondition()
                : OutboxStatus.of(status).map(OUTBOX_MESSAGE.STATUS::eq).orElse(org.jooq.impl.DSL.falseCondition());
        return db.selectFrom(OUTBOX_MESSAGE).where(condition).orderBy(OUTBOX_MESSAGE.ID.desc())
                .limit(PAGE + 1).offset(page * PAGE).fetch();
    }

    public Optional<OutboxMessageRecord> byId(long id) {
        return db.selectFrom(OUTBOX_MESSAGE).where(OUTBOX_MESSAGE.ID.eq(id)).fetchOptional();
    }

    /** The purge job's part: messages sent {@code keepDays} days ago or more. Failed ones stay until an admin retries them. */
    public int purgeSent(int keepDays) {
        return db.deleteFrom(OUTBOX_MESSAGE).where(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.SENT))
                .and(OUTBOX_MESSAGE.SENT_AT.lt(clock.instant().minus(Duration.ofDays(keepDays)).atOffset(ZoneOffset.UTC))).execute();
    }
}
