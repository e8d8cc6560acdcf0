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

    private volatile java.util.concurrent.ConcurrentSkipListSet<String> kinds;

    public AuditLog(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One row; {@code repeats} > 1 when a flood of the same refusal was folded into it, the last at {@code lastAt}. */
    public record Event(long id, Instant at, String event, String actorEmail, String subject, String detail, String ip, int repeats,
                        Instant lastAt) {
        /** The part of the event name before the dot: login, booking, spike ... */
        public String kind() {
            return kindOf(event);
        }
    }

    /** What the audit page and its CSV ask for; null or empty parts do not filter. */
    public record Filter(String actor, String kind, Instant from, Instant until) {
        org.jooq.Condition condition() {
            org.jooq.Condition c = org.jooq.impl.DSL.noCondition();
            if (actor != null && !actor.isEmpty()) {
                c = c.and(org.jooq.impl.DSL.lower(AUDIT_EVENT.ACTOR_EMAIL).contains(actor.toLowerCase(java.util.Locale.ROOT)));
            }
            if (kind != null && !kind.isEmpty()) {
                c = c.and(AUDIT_EVENT.EVENT.eq(kind).or(AUDIT_EVENT.EVENT.startsWith(kind + ".")));
            }
            if (from != null) {
                c = c.and(AUDIT_EVENT.OCCURRED_AT.ge(from.atOffset(ZoneOffset.UTC)));
            }
            if (until != null) {
                c = c.and(AUDIT_EVENT.OCCURRED_AT.lt(until.atOffset(ZoneOffset.UTC)));
            }
            return c;
        }
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
        var known = kinds;
        if (known != null) {
            known.add(kindOf(event));
        }
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
        return page(admin, new Filter(null, null, null, null), null, limit);
    }

    /** A page of the events matching the filter, newest first. Only an admin reads the log. */
    public List<Event> page(User admin, Filter filter, Long after, int limit) {
        requireAdmin(admin);
        return pageQuery(filter, after, limit).fetch(AuditLog::event);
    }

    /** The page's query, on its own so a test can read its plan (an index walked newest first, no sort). */
    org.jooq.ResultQuery<ltsportal.db.tables.records.AuditEventRecord> pageQuery(Filter filter, Long after, int limit) {
        org.jooq.Condition where = filter.condition();
        if (after != null) {
            // keyset: rows strictly older than the cursor row (time, then id), so a page costs the same deep in the log
            var at = db.select(AUDIT_EVENT.OCCURRED_AT).from(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(after))
                    .fetchOptional(AUDIT_EVENT.OCCURRED_AT);
            if (at.isPresent()) {
                where = where.and(org.jooq.impl.DSL.row(AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ID).lt(at.get(), after));
            }
        }
        return db.selectFrom(AUDIT_EVENT).where(where)
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc()).limit(limit);
    }

    /** Every matching event, newest first, handed over one at a time (a CSV of the whole log never sits in memory). */
    public void each(User admin, Filter filter, java.util.function.Consumer<Event> out) {
        requireAdmin(admin);
        try (var cursor = db.selectFrom(AUDIT_EVENT).where(filter.condition())
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc()).fetchSize(500).fetchLazy()) {
            cursor.forEach(r -> out.accept(event(r)));
        }
    }

    /** The kinds of event the log holds, for the filter's choices. */
    public List<String> kinds() {
        var known = kinds;
        if (known == null) {
            // read once (the only full scan), then kept in step by record(): this class writes every row
            known = new java.util.concurrent.ConcurrentSkipListSet<>(db.selectDistinct(AUDIT_EVENT.EVENT).from(AUDIT_EVENT)
                    .fetch(AUDIT_EVENT.EVENT).stream().map(AuditLog::kindOf).toList());
            kinds = known;
        }
        return List.copyOf(known);
    }

    private static String kindOf(String event) {
        int dot = event.indexOf('.');
        return dot < 0 ? event : event.substring(0, dot);
    }

    private static Event event(ltsportal.db.tables.records.AuditEventRecord r) {
        return new Event(r.getId(), r.getOccurredAt().toInstant(), r.getEvent(), r.getActorEmail(), r.getSubject(), r.getDetail(), r.getIp(),
                r.getRepeats(), r.getLastAt() == null ? null : r.getLastAt().toInstant());
    }

    private static void requireAdmin(User admin) {
        if (admin == null || admin.role() != Role.ADMIN) {
            throw new SecurityException("only an admin reads the audit log");
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
