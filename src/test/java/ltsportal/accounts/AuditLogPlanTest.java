package ltsportal.accounts;

import static ltsportal.db.Tables.AUDIT_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Locale;
import ltsportal.db.tables.records.AuditEventRecord;
import ltsportal.support.OnBothDatabases;
import org.junit.jupiter.api.Test;

/**
 * The audit page's query reads its page from the (occurred_at, id) index newest first and stops: the database's own
 * plan (EXPLAIN) shows that index and no sort, with and without a keyset cursor, on a log of 20,000 events (issue 17).
 */
class AuditLogPlanTest extends OnBothDatabases {

    @Test
    void thePageWalksTheTimeIndexAndSortsNothing() {
        var start = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        var rows = new ArrayList<AuditEventRecord>();
        for (int i = 0; i < 20_000; i++) {
            var r = new AuditEventRecord();
            r.setOccurredAt(start.plusSeconds(i));
            r.setEvent(i % 2 == 0 ? "login.success" : "booking.created");
            r.setSubject("seeded " + i);
            r.setRepeats(1);
            rows.add(r);
        }
        portal.db.batchInsert(rows).execute();
        analyze();
        var log = new AuditLog(portal.db, portal.clock);
        var none = new AuditLog.Filter(null, null, null, null);

        assertWalksIndex(plan(log.pageQuery(none, null, 51)));
        long cursor = portal.db.select(AUDIT_EVENT.ID).from(AUDIT_EVENT).where(AUDIT_EVENT.SUBJECT.eq("seeded 10000")).fetchSingle().value1();
        assertWalksIndex(plan(log.pageQuery(none, cursor, 51)));
        assertEquals("seeded 9999", log.pageQuery(none, cursor, 51).fetch().get(0).getSubject(), "the page after the cursor");
    }

    /** The database's own EXPLAIN of the query, as text (jOOQ's explain() clips H2's plan). */
    private String plan(org.jooq.Query query) {
        return String.join("\n", portal.db.fetch("EXPLAIN " + portal.db.renderInlined(query)).getValues(0, String.class));
    }

    private void assertWalksIndex(String plan) {
        String p = plan.toLowerCase(Locale.ROOT);
        assertTrue(p.contains("ix_audit_event_occurred_id"), plan);
        if (database.equals("postgresql")) {
            // a full Sort reads every row first; an Incremental Sort on the presorted index key stops at the limit
            assertFalse(p.lines().anyMatch(l -> l.matches("\\s*(->\\s*)?sort\\s+\\(.*")), "no full sort: " + plan);
        } else {
            assertTrue(p.contains("index sorted"), plan);
        }
    }

    private void analyze() {
        if (database.equals("postgresql")) {
            portal.db.execute("ANALYZE audit_event");
        }
    }
}
