package ltsportal.accounts;

import static ltsportal.db.Tables.USER_SESSION;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Sessions live in the database so that every portal instance shares them. A new id at every
 * sign-in; ended at sign-out, after 30 minutes idle, 12 hours after sign-in, and when the user is
 * disabled.
 */
public final class Sessions {
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    /** Last-seen times are written at most this often, to spare the database a write per request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final DSLContext db;
    private final Users users;
    private final Clock clock;

    public Sessions(DSLContext db, Users users, Clock clock) {
        this.db = db;
        this.users = users;
        this.clock = clock;
    }

    /** A signed-in request: the user, the session's CSRF token and the hash that names the session. */
    public record Current(User user, String csrfToken, String idHash) {
    }

    /** Starts a session and returns its id, the only copy of which goes to the browser. */
    public String start(long userId) {
        String id = Tokens.random();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        db.insertInto(USER_SESSION)
                .set(USER_SESSION.ID_HASH, Tokens.hash(id))
                .set(USER_SESSION.USER_ID, userId)
                .set(USER_SESSION.CSRF_TOKEN, Tokens.random())
                .set(USER_SESSION.CREATED_AT, now)
                .set(USER_SESSION.LAST_SEEN_AT, now)
                .execute();
        return id;
    }

    public Optional<Current> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        String idHash = Tokens.hash(id);
        var row = db.selectFrom(USER_SESSION).where(USER_SESSION.ID_HASH.eq(idHash)).fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant created = row.get().getCreatedAt().toInstant();
        Instant lastSeen = row.get().getLastSeenAt().toInstant();
        Optional<User> user = users.byId(row.get().getUserId());
        if (!now.isBefore(created.plus(ABSOLUTE)) || !now.isBefore(lastSeen.plus(IDLE))
                || user.isEmpty() || user.get().disabled()) {
            db.deleteFrom(USER_SESSION).where(USER_SESSION.ID_HASH.eq(idHash)).execute();
            return Optional.empty();
        }
        if (!now.isBefore(lastSeen.plus(TOUCH_EVERY))) {
            db.update(USER_SESSION).set(USER_SESSION.LAST_SEEN_AT, now.atOffset(ZoneOffset.UTC))
                    .where(USER_SESSION.ID_HASH.eq(idHash)).execute();
        }
        return Optional.of(new Current(user.get(), row.get().getCsrfToken(), idHash));
    }

    public void end(Current session) {
        db.deleteFrom(USER_SESSION).where(USER_SESSION.ID_HASH.eq(session.idHash())).execute();
    }

    /** Ends every session of a user: on disable, and of the other devices on a password change. */
    public void endAll(long userId, String exceptIdHash) {
        var condition = USER_SESSION.USER_ID.eq(userId);
        if (exceptIdHash != null) {
            condition = condition.and(USER_SESSION.ID_HASH.ne(exceptIdHash));
        }
        db.deleteFrom(USER_SESSION).where(condition).execute();
    }

    public int countFor(long userId) {
        return db.fetchCount(USER_SESSION, USER_SESSION.USER_ID.eq(userId));
    }
}
