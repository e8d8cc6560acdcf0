package ltsportal.accounts;

import static ltsportal.db.Tables.SIGN_IN_THROTTLE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Failed sign-ins counted in the database, shared by every instance, at two levels:
 * <ul>
 * <li>per (account, client address): the first {@value #PAIR_FREE} failures cost nothing, then each
 * further one blocks that address for that account for 1, 2, 4 ... seconds, up to 15 minutes;</li>
 * <li>per account, from every address: past {@value #ACCOUNT_FREE} failures the account is slowed the
 * same way, but only for addresses that have failed on it themselves. An owner signing in from an
 * address with no failures is always let through, so nobody can lock anybody out.</li>
 * </ul>
 * An attempt is counted (as a failure) before the password is checked, in one transaction that locks
 * both rows, so parallel guesses are each counted and refused once the limit is reached; a right
 * password takes its count back. Failures are forgotten {@link #WINDOW} after the last one.
 */
public final class LoginThrottle {
    public static final int PAIR_FREE = 5;
    public static final int ACCOUNT_FREE = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final DSLContext db;
    private final Clock clock;

    public LoginThrottle(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The outcome of asking to check a password: go ahead (counted), or wait until a moment. */
    public sealed interface Admission permits Admitted, Blocked {
    }

    /** The attempt is counted; {@code accountFailures} is the account's count including this one. */
    public record Admitted(int pairFailures, int accountFailures) implements Admission {
    }

    public record Blocked(Instant until) implements Admission {
    }

    /** How long a key is blocked after its n-th failure: nothing up to {@code free}, then doubling from 1 s. */
    static Duration delayAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int exponent = Math.min(failures - free, 20);
        Duration d = Duration.ofSeconds(1L << exponent);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    static String accountKey(String emailKey) {
        return "a|" + emailKey;
    }

    static String pairKey(String emailKey, String address) {
        return "p|" + emailKey + "|" + (address == null ? "" : address);
    }

    /** Counts the attempt before the password is checked, or refuses it while its address (or account) waits. */
    public Admission admit(String emailKey, String address) {
        // A sign-in that succeeds at the same moment deletes the pair's row (succeeded) between ensuring it and
        // locking it: the address starts afresh, so the row is made again and the attempt counted on it.
        for (int attempt = 1; ; attempt++) {
            try {
                return admitOnce(emailKey, address);
            } catch (org.jooq.exception.NoDataFoundException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private Admission admitOnce(String emailKey, String address) {
        String account = accountKey(emailKey);
        String pair = pairKey(emailKey, address);
        Instant now = clock.instant();
        ensure(account, now);
        ensure(pair, now);
        return db.transactionResult(cfg -> {
            var tx = cfg.dsl();
            // Always the account row first, then the pair: every attempt locks in the same order.
            var a = tx.selectFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(account)).forUpdate().fetchSingle();
            var p = tx.selectFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(pair)).forUpdate().fetchSingle();
            int accountFailures = current(a.getFailures(), a.getLastFailureAt().toInstant(), a.getBlockedUntil(), now);
            int pairFailures = current(p.getFailures(), p.getLastFailureAt().toInstant(), p.getBlockedUntil(), now);
            Instant pairBlock = until(p.getBlockedUntil(), now);
            if (pairBlock != null) {
                return new Blocked(pairBlock);
            }
            Instant accountBlock = until(a.getBlockedUntil(), now);
            if (accountBlock != null && pairFailures > 0) {
                return new Blocked(accountBlock);
            }
            int pairAfter = pairFailures + 1;
            int accountAfter = accountFailures + 1;
            count(tx, pair, pairAfter, now, delayAfter(pairAfter, PAIR_FREE), p.getBlockedUntil());
            count(tx, account, accountAfter, now, delayAfter(accountAfter, ACCOUNT_FREE), a.getBlockedUntil());
            return new Admitted(pairAfter, accountAfter);
        });
    }

    /** The password was right: the address starts afresh and the account's count forgets this attempt. */
    public void succeeded(String emailKey, String address) {
        db.transaction(cfg -> {
            var tx = cfg.dsl();
            tx.update(SIGN_IN_THROTTLE).set(SIGN_IN_THROTTLE.FAILURES, SIGN_IN_THROTTLE.FAILURES.minus(1))
                    .where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(accountKey(emailKey)).and(SIGN_IN_THROTTLE.FAILURES.gt(0)))
                    .execute();
            tx.deleteFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(pairKey(emailKey, address))).execute();
        });
    }

    /**
     * The attempt was counted but its password never checked (the server was too busy to hash it):
     * the count is given back, so a busy moment never brings an owner closer to waiting.
     */
    public void notChecked(String emailKey, String address) {
        db.transaction(cfg -> {
            giveBack(cfg.dsl(), accountKey(emailKey), ACCOUNT_FREE);
            giveBack(cfg.dsl(), pairKey(emailKey, address), PAIR_FREE);
        });
    }

    /** One count less; a wait that only this count caused (below the free ones) is lifted with it. */
    private static void giveBack(DSLContext tx, String key, int free) {
        var f = SIGN_IN_THROTTLE.FAILURES;
        tx.update(SIGN_IN_THROTTLE)
                .set(f, f.minus(1))
                .set(SIGN_IN_THROTTLE.BLOCKED_UNTIL, org.jooq.impl.DSL.when(f.minus(1).lt(free), org.jooq.impl.DSL.inline(
                        (java.time.OffsetDateTime) null, SIGN_IN_THROTTLE.BLOCKED_UNTIL)).otherwise(SIGN_IN_THROTTLE.BLOCKED_UNTIL))
                .where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(key).and(f.gt(0)))
                .execute();
    }

    /** Failures counted on the account now (for the audit and the tests). */
    public int accountFailures(String emailKey) {
        Instant now = clock.instant();
        return db.selectFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(accountKey(emailKey))).fetchOptional()
                .map(r -> current(r.getFailures(), r.getLastFailureAt().toInstant(), r.getBlockedUntil(), now)).orElse(0);
    }

    /** Until when an address waits for this account, if it does now. */
    public Optional<Instant> blockedUntil(String emailKey, String address) {
        Instant now = clock.instant();
        return db.select(SIGN_IN_THROTTLE.BLOCKED_UNTIL).from(SIGN_IN_THROTTLE)
                .where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(pairKey(emailKey, address)))
                .fetchOptional(SIGN_IN_THROTTLE.BLOCKED_UNTIL)
                .map(t -> until(t, now));
    }

    private static int current(int failures, Instant lastFailure, java.time.OffsetDateTime blockedUntil, Instant now) {
        boolean quiet = !now.isBefore(lastFailure.plus(WINDOW)) && until(blockedUntil, now) == null;
        return quiet ? 0 : failures;
    }

    private static Instant until(java.time.OffsetDateTime blockedUntil, Instant now) {
        return blockedUntil != null && now.isBefore(blockedUntil.toInstant()) ? blockedUntil.toInstant() : null;
    }

    private static void count(DSLContext tx, String key, int failures, Instant now, Duration delay, java.time.OffsetDateTime oldBlock) {
        tx.update(SIGN_IN_THROTTLE)
                .set(SIGN_IN_THROTTLE.FAILURES, failures)
                .set(SIGN_IN_THROTTLE.LAST_FAILURE_AT, now.atOffset(ZoneOffset.UTC))
                .set(SIGN_IN_THROTTLE.BLOCKED_UNTIL, delay.isZero() ? oldBlock : now.plus(delay).atOffset(ZoneOffset.UTC))
                .where(SIGN_IN_THROTTLE.THROTTLE_KEY.eq(key))
                .execute();
    }

    /** The row exists before the transaction locks it; two first attempts at once make it once. */
    private void ensure(String key, Instant now) {
        try {
            db.insertInto(SIGN_IN_THROTTLE)
                    .set(SIGN_IN_THROTTLE.THROTTLE_KEY, key)
                    .set(SIGN_IN_THROTTLE.FAILURES, 0)
                    .set(SIGN_IN_THROTTLE.LAST_FAILURE_AT, now.atOffset(ZoneOffset.UTC))
                    .onConflictDoNothing()
                    .execute();
        } catch (IntegrityConstraintViolationException e) {
            // H2 emulates "on conflict do nothing" with MERGE, which a concurrent insert of the same key can
            // still trip: the row is there either way, which is all this asks.
        }
    }

    /** The purge job's part: counters with no failure for a day (and so no block left), which no longer slow anyone. */
    public int purgeQuiet() {
        Instant now = clock.instant();
        return db.deleteFrom(SIGN_IN_THROTTLE).where(SIGN_IN_THROTTLE.LAST_FAILURE_AT.lt(now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)))
                .and(SIGN_IN_THROTTLE.BLOCKED_UNTIL.isNull().or(SIGN_IN_THROTTLE.BLOCKED_UNTIL.lt(now.atOffset(ZoneOffset.UTC)))).execute();
    }
}
