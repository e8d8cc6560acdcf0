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
