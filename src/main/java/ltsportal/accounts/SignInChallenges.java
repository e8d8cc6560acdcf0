package ltsportal.accounts;

import static ltsportal.db.Tables.SIGN_IN_CHALLENGE;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Sign-ins that passed the password and wait for the second factor ("code") or for the app to be set
 * up ("enrol"): ten minutes and five wrong codes at most, then the password again (which is throttled).
 */
public final class SignInChallenges {
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;

    private final DSLContext db;
    private final Clock clock;

    public SignInChallenges(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Challenge(String idHash, long userId, String purpose, String next, int attempts) {
    }

    /** Starts one and returns its token, the only copy of which goes to the browser's cookie. */
    public String start(long userId, String purpose, String next) {
        String token = Tokens.random();
        db.deleteFrom(SIGN_IN_CHALLENGE).where(SIGN_IN_CHALLENGE.CREATED_AT.lt(clock.instant().minus(LIFETIME).atOffset(ZoneOffset.UTC)))
                .execute();
        db.insertInto(SIGN_IN_CHALLENGE).set(SIGN_IN_CHALLENGE.ID_HASH, Tokens.hash(token)).set(SIGN_IN_CHALLENGE.USER_ID, userId)
                .set(SIGN_IN_CHALLENGE.PURPOSE, purpose).set(SIGN_IN_CHALLENGE.NEXT_PATH, next == null ? null : next.substring(0, Math.min(300, next.length())))
                .set(SIGN_IN_CHALLENGE.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC)).execute();
        return token;
    }

    /** The challenge behind a cookie, while it is young and has tries left. */
    public Optional<Challenge> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return db.selectFrom(SIGN_IN_CHALLENGE).where(SIGN_IN_CHALLENGE.ID_HASH.eq(Tokens.hash(token)))
                .and(SIGN_IN_CHALLENGE.CREATED_AT.gt(clock.instant().minus(LIFETIME).atOffset(ZoneOffset.UTC)))
                .and(SIGN_IN_CHALLENGE.ATTEMPTS.lt(MAX_ATTEMPTS))
                .fetchOptional(r -> new Challenge(r.getIdHash(), r.getUserId(), r.getPurpose(), r.getNextPath(), r.getAttempts()));
    }

    /** Counts a wrong code; the tries left (0: the challenge is over). */
    public int failed(Challenge c) {
        db.update(SIGN_IN_CHALLENGE).set(SIGN_IN_CHALLENGE.ATTEMPTS, SIGN_IN_CHALLENGE.ATTEMPTS.plus(1))
                .where(SIGN_IN_CHALLENGE.ID_HASH.eq(c.idHash())).execute();
        int attempts = db.select(SIGN_IN_CHALLENGE.ATTEMPTS).from(SIGN_IN_CHALLENGE).where(SIGN_IN_CHALLENGE.ID_HASH.eq(c.idHash()))
                .fetchOptional(SIGN_IN_CHALLENGE.ATTEMPTS).orElse(MAX_ATTEMPTS);
        if (attempts >= MAX_ATTEMPTS) {
            end(c);
        }
        return Math.max(0, MAX_ATTEMPTS - attempts);
    }

    public void end(Challenge c) {
        db.deleteFrom(SIGN_IN_CHALLENGE).where(SIGN_IN_CHALLENGE.ID_HASH.eq(c.idHash())).execute();
    }

    /** The purge job's part: sign-ins that waited for their code past the challenge's lifetime, which none can finish. */
    public int purgeExpired() {
        return db.deleteFrom(SIGN_IN_CHALLENGE).where(SIGN_IN_CHALLENGE.CREATED_AT.lt(clock.instant().minus(LIFETIME).atOffset(ZoneOffset.UTC))).execute();
    }
}
