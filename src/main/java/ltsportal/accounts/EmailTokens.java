package ltsportal.accounts;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.EMAIL_TOKEN;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Links sent by email: verifying an address (valid 24 hours) and resetting a password (1 hour). Only
 * the token's hash is stored; each link works once, and a newer link of the same kind replaces the older.
 */
public final class EmailTokens {
    public static final Duration VERIFY_FOR = Duration.ofHours(24);
    public static final Duration RESET_FOR = Duration.ofHours(1);

    public enum Purpose {
        VERIFY("verify", VERIFY_FOR), RESET("reset", RESET_FOR);

        final String key;
        final Duration validFor;

        Purpose(String key, Duration validFor) {
            this.key = key;
            this.validFor = validFor;
        }
    }

    private final DSLContext db;
    private final Clock clock;

    public EmailTokens(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new link's token for the user, in the caller's transaction; their older unused ones of this kind stop working. */
    public String issue(DSLContext tx, long userId, Purpose purpose) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        tx.update(EMAIL_TOKEN).set(EMAIL_TOKEN.USED_AT, now)
                .where(EMAIL_TOKEN.USER_ID.eq(userId), EMAIL_TOKEN.PURPOSE.eq(purpose.key), EMAIL_TOKEN.USED_AT.isNull()).execute();
        String token = Tokens.random();
        tx.insertInto(EMAIL_TOKEN).set(EMAIL_TOKEN.TOKEN_HASH, Tokens.hash(token)).set(EMAIL_TOKEN.USER_ID, userId)
                .set(EMAIL_TOKEN.PURPOSE, purpose.key).set(EMAIL_TOKEN.CREATED_AT, now)
                .set(EMAIL_TOKEN.EXPIRES_AT, now.plus(purpose.validFor)).execute();
        return token;
    }

    /** Why a link does not work (null: it does). */
    public enum Problem {
        UNKNOWN, USED, EXPIRED
    }

    /** The user a link is for, if it still works; otherwise why not. Does not use it up. */
    public Optional<Long> peek(String token, Purpose purpose) {
        return check(db, token, purpose, false).map(c -> c.userId());
    }

    public Problem problem(String token, Purpose purpose) {
        return check(db, token, purpose, false).map(c -> c.problem()).orElse(Problem.UNKNOWN);
    }

    private record Checked(Long userId, Problem problem) {
    }

    private Optional<Checked> check(DSLContext tx, String token, Purpose purpose, boolean lock) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        var query = tx.selectFrom(EMAIL_TOKEN).where(EMAIL_TOKEN.TOKEN_HASH.eq(Tokens.hash(token)), EMAIL_TOKEN.PURPOSE.eq(purpose.key));
        var row = (lock ? query.forUpdate() : query).fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (row.get().getUsedAt() != null) {
            return Optional.of(new Checked(null, Problem.USED));
        }
        if (!clock.instant().isBefore(row.get().getExpiresAt().toInstant())) {
            return Optional.of(new Checked(null, Problem.EXPIRED));
        }
        return Optional.of(new Checked(row.get().getUserId(), null));
    }

    /**
     * Uses a link up inside {@code tx} (the row is locked, so two clicks at once use it once): the user it
     * was for, or empty when it does not work.
     */
    public Optional<Long> use(DSLContext tx, String token, Purpose purpose) {
        var checked = check(tx, token, purpose, true);
        if (checked.isEmpty() || checked.get().userId() == null) {
            return Optional.empty();
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        tx.update(EMAIL_TOKEN).set(EMAIL_TOKEN.USED_AT, now).where(EMAIL_TOKEN.TOKEN_HASH.eq(Tokens.hash(token))).execute();
        // Following either link proves the address.
        tx.update(APP_USER).set(APP_USER.EMAIL_VERIFIED_AT, now).where(APP_USER.ID.eq(checked.get().userId()))
                .and(APP_USER.EMAIL_VERIFIED_AT.isNull()).execute();
        return Optional.of(checked.get().userId());
    }

    /**
     * The purge job's part: links expired a day or more ago, used or not. Until then a link opened again still gets
     * its own answer (used, or expired) rather than "not a link we sent".
     */
    public int purgeExpired() {
        return db.deleteFrom(EMAIL_TOKEN).where(EMAIL_TOKEN.EXPIRES_AT.lt(clock.instant().minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))).execute();
    }
}
