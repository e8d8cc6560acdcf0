package ltsportal.accounts;

import static ltsportal.db.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;

/** Who did what, when and from where: sign-ins, lockouts, account changes. Admins read it. */
public final class AuditLog {
    private final DSLContext db;
    private final Clock clock;

    public AuditLog(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Event(Instant at, String event, String actorEmail, String subject, String detail, String ip) {
    }

    public void record(String event, User actor, String subject, String detail, String ip) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(AUDIT_EVENT.EVENT, event)
                .set(AUDIT_EVENT.ACTOR_ID, actor == null ? null : actor.id())
                .set(AUDIT_EVENT.ACTOR_EMAIL, actor == null ? null : actor.email())
                .set(AUDIT_EVENT.SUBJECT, clip(subject, 254))
                .set(AUDIT_EVENT.DETAIL, clip(detail, 500))
                .set(AUDIT_EVENT.IP, clip(ip, 64))
                .execute();
    }

    /** How long a repeated event keeps adding to its row rather than opening a new one. */
    static final java.time.Duration COLLAPSE = java.time.Duration.ofMinutes(15);

    /**
     * An event that may come in floods (refusals of a throttled sign-in): the same event on the same subject
     * from the same address within {@link #COLLAPSE} of the row's first one adds to that row's count.
     */
    public void recordRepeated(String event, String subject, String detail, String ip) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        String s = clip(subject, 254);
        String from = clip(ip, 64);
        int updated = db.update(AUDIT_EVENT)
                .set(AUDIT_EVENT.REPEATS, AUDIT_EVENT.REPEATS.plus(1))
                .set(AUDIT_EVENT.LAST_AT, now)
                .set(AUDIT_EVENT.DETAIL, clip(detail, 500))
                .where(AUDIT_EVENT.ID.eq(db.select(org.jooq.impl.DSL.max(AUDIT_EVENT.ID)).from(AUDIT_EVENT)
                        .where(AUDIT_EVENT.EVENT.eq(event), AUDIT_EVENT.SUBJECT.eq(s),
                                from == null ? AUDIT_EVENT.IP.isNull() : AUDIT_EVENT.IP.eq(from),
                                AUDIT_EVENT.OCCURRED_AT.gt(now.minus(COLLAPSE)))))
                .execute();
        if (updated == 0) {
            record(event, null, subject, detail, ip);
        }
    }

    public List<Event> latest(User admin, int limit) {
        if (admin == null || admin.role() != Role.ADMIN) {
            throw new SecurityException("only an admin reads the audit log");
        }
        return db.selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc()).limit(limit)
                .fetch(r -> new Event(r.getOccurredAt().toInstant(), r.getEvent(), r.getActorEmail(), r.getSubject(),
                        r.getDetail(), r.getIp()));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
