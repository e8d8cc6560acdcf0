package ltsportal.accounts;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.ORGANIZATION;
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
    private final Clock clock;

    public Sessions(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A signed-in request: the user, the session's CSRF token, the hash that names the session, and
     * the message a form left for this page (or null).
     */
    public record Current(User user, String csrfToken, String idHash, String flash) {
    }

    /** Where a session was started from: the client address and the browser's own description of itself. */
    public record Client(String address, String userAgent) {
        public static Client of(io.javalin.http.Context ctx) {
            return new Client(ltsportal.web.ClientAddress.of(ctx), ctx.userAgent());
        }
    }

    /** Starts a session and returns its id, the only copy of which goes to the browser. */
    public String start(long userId, Client client) {
        String id = Tokens.random();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        db.insertInto(USER_SESSION)
                .set(USER_SESSION.ID_HASH, Tokens.hash(id))
                .set(USER_SESSION.USER_ID, userId)
                .set(USER_SESSION.CSRF_TOKEN, Tokens.random())
                .set(USER_SESSION.CREATED_AT, now)
                .set(USER_SESSION.LAST_SEEN_AT, now)
                .set(USER_SESSION.HANDLE, Tokens.random().substring(0, 16))
                .set(USER_SESSION.CLIENT, clip(client.userAgent(), 200))
                .set(USER_SESSION.ADDRESS, clip(client.address(), 64))
                .execute();
        return id;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** One of a user's sessions as their sessions page shows it. */
    public record Active(String handle, Instant createdAt, Instant lastSeenAt, String client, String address, boolean current) {
        /** The browser and system, in words ("Firefox on Windows"), from the user agent. */
        public String clientName() {
            return ClientNames.describe(client);
        }
    }

    /** The user's sessions still alive, the current one first, then the most recently used. */
    public java.util.List<Active> activeOf(Current me) {
        Instant now = clock.instant();
        return db.selectFrom(USER_SESSION).where(USER_SESSION.USER_ID.eq(me.user().id()))
                .orderBy(USER_SESSION.LAST_SEEN_AT.desc(), USER_SESSION.CREATED_AT.desc()).fetch().stream()
                .filter(r -> now.isBefore(r.getCreatedAt().toInstant().plus(ABSOLUTE)) && now.isBefore(r.getLastSeenAt().toInstant().plus(IDLE)))
                .map(r -> new Active(r.getHandle(), r.getCreatedAt().toInstant(), r.getLastSeenAt().toInstant(), r.getClient(),
                        r.getAddress(), r.getIdHash().equals(me.idHash())))
                .sorted(java.util.Comparator.comparing((Active a) -> !a.current()))
                .toList();
    }

    /** Ends one of the user's own sessions by its handle (never the current one: that is signing out); whether one ended. */
    public boolean endByHandle(Current me, String handle) {
        if (handle == null || handle.isEmpty() || handle.length() > 32) {
            return false;
        }
        return db.deleteFrom(USER_SESSION).where(USER_SESSION.USER_ID.eq(me.user().id()), USER_SESSION.HANDLE.eq(handle),
                USER_SESSION.ID_HASH.ne(me.idHash())).execute() == 1;
    }

    public Optional<Current> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        String idHash = Tokens.hash(id);
        // One query per request: the session with its user (the foreign key guarantees the user).
        var row = db.select(APP_USER.fields()).select(ORGANIZATION.NAME).select(USER_SESSION.fields())
                .from(USER_SESSION)
                .join(APP_USER).on(APP_USER.ID.eq(USER_SESSION.USER_ID))
                .leftJoin(ORGANIZATION).on(ORGANIZATION.ID.eq(APP_USER.ORG_ID))
                .where(USER_SESSION.ID_HASH.eq(idHash))
                .fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant created = row.get().get(USER_SESSION.CREATED_AT).toInstant();
        Instant lastSeen = row.get().get(USER_SESSION.LAST_SEEN_AT).toInstant();
        User user = Users.user(row.get());
        if (!now.isBefore(created.plus(ABSOLUTE)) || !now.isBefore(lastSeen.plus(IDLE)) || user.disabled()) {
            db.deleteFrom(USER_SESSION).where(USER_SESSION.ID_HASH.eq(idHash)).execute();
            return Optional.empty();
        }
        if (!now.isBefore(lastSeen.plus(TOUCH_EVERY))) {
            db.update(USER_SESSION).set(USER_SESSION.LAST_SEEN_AT, now.atOffset(ZoneOffset.UTC))
                    .where(USER_SESSION.ID_HASH.eq(idHash)).execute();
        }
        return Optional.of(new Current(user, row.get().get(USER_SESSION.CSRF_TOKEN), idHash,
                row.get().get(USER_SESSION.FLASH)));
    }

    public void end(Current session) {
        db.deleteFrom(USER_SESSION).where(USER_SESSION.ID_HASH.eq(session.idHash())).execute();
    }

    /** Ends every session of a user: on disable, and of the other devices on a password change; how many ended. */
    public int endAll(long userId, String exceptIdHash) {
        var condition = USER_SESSION.USER_ID.eq(userId);
        if (exceptIdHash != null) {
            condition = condition.and(USER_SESSION.ID_HASH.ne(exceptIdHash));
        }
        return db.deleteFrom(USER_SESSION).where(condition).execute();
    }

    /** Every session of the user, in the caller's transaction (a password reset by email). */
    public int endAll(DSLContext tx, long userId) {
        return tx.deleteFrom(USER_SESSION).where(USER_SESSION.USER_ID.eq(userId)).execute();
    }

    /** The longest flash the session keeps: the column's width. */
    static final int FLASH_MAX = 500;

    /** Keeps a message for the session's next page (a longer one is cut to fit, never refused). */
    public void keepFlash(String idHash, String message) {
        String kept = message.length() <= FLASH_MAX ? message : message.substring(0, FLASH_MAX - 1) + "\u2026";
        db.update(USER_SESSION).set(USER_SESSION.FLASH, kept).where(USER_SESSION.ID_HASH.eq(idHash)).execute();
    }

    /** The session's message, once: it is cleared as it is read (a write only when there is one). */
    public String takeFlash(Current session) {
        if (session == null || session.flash() == null) {
            return null;
        }
        db.update(USER_SESSION).setNull(USER_SESSION.FLASH)
                .where(USER_SESSION.ID_HASH.eq(session.idHash())).and(USER_SESSION.FLASH.eq(session.flash()))
                .execute();
        return session.flash();
    }

    /** The purge job's part: sessions past their idle or absolute lifetime, which no request can use any more. */
    public int purgeExpired() {
        Instant now = clock.instant();
        return db.deleteFrom(USER_SESSION).where(USER_SESSION.CREATED_AT.le(now.minus(ABSOLUTE).atOffset(ZoneOffset.UTC)))
                .or(USER_SESSION.LAST_SEEN_AT.le(now.minus(IDLE).atOffset(ZoneOffset.UTC))).execute();
    }
}
