package ltsportal.accounts;

import static ltsportal.db.Tables.LOGIN_THROTTLE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Failed sign-ins counted per account in the database (never per forwarded-for header): after 10
 * failures within 15 minutes the account refuses sign-ins for 15 minutes, right password or not.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final DSLContext db;
    private final Clock clock;

    public LoginThrottle(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** When the account opens again, if it is locked now. */
    public Optional<Instant> lockedUntil(String email) {
        Instant now = clock.instant();
        return db.select(LOGIN_THROTTLE.LOCKED_UNTIL).from(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.EMAIL_KEY.eq(Emails.key(email)))
                .fetchOptional(LOGIN_THROTTLE.LOCKED_UNTIL)
                .filter(java.util.Objects::nonNull)
                .map(t -> t.toInstant())
                .filter(now::isBefore);
    }

    /** Counts a failure; true when this failure locked the account. */
    public boolean recordFailure(String email) {
        String key = Emails.key(email);
        Instant now = clock.instant();
        return db.transactionResult(cfg -> {
            var tx = cfg.dsl();
            var row = tx.selectFrom(LOGIN_THROTTLE).where(LOGIN_THROTTLE.EMAIL_KEY.eq(key)).forUpdate().fetchOptional();
            if (row.isEmpty()) {
                tx.insertInto(LOGIN_THROTTLE)
                        .set(LOGIN_THROTTLE.EMAIL_KEY, key)
                        .set(LOGIN_THROTTLE.FAILURES, 1)
                        .set(LOGIN_THROTTLE.WINDOW_START, now.atOffset(ZoneOffset.UTC))
                        .onConflictDoNothing()
                        .execute();
                return false;
            }
            var r = row.get();
            boolean windowOver = !now.isBefore(r.getWindowStart().toInstant().plus(WINDOW));
            int failures = windowOver ? 1 : r.getFailures() + 1;
            boolean lock = failures >= MAX_FAILURES;
            tx.update(LOGIN_THROTTLE)
                    .set(LOGIN_THROTTLE.FAILURES, lock ? 0 : failures)
                    .set(LOGIN_THROTTLE.WINDOW_START, (windowOver || lock ? now : r.getWindowStart().toInstant())
                            .atOffset(ZoneOffset.UTC))
                    .set(LOGIN_THROTTLE.LOCKED_UNTIL, lock ? now.plus(LOCKOUT).atOffset(ZoneOffset.UTC) : r.getLockedUntil())
                    .where(LOGIN_THROTTLE.EMAIL_KEY.eq(key))
                    .execute();
            return lock;
        });
    }

    public void clear(String email) {
        db.deleteFrom(LOGIN_THROTTLE).where(LOGIN_THROTTLE.EMAIL_KEY.eq(Emails.key(email))).execute();
    }
}
