package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ltsportal.accounts.Users;
import ltsportal.db.tables.records.BookingRecord;
import ltsportal.db.tables.records.SpikeWindowRecord;
import ltsportal.support.OnBothDatabases;
import org.junit.jupiter.api.Test;

/**
 * The staff bookings list reads a page's ids from the window-start index newest first and stops: the database's own
 * plan (EXPLAIN) shows that index and no full sort of the bookings (PostgreSQL may order the few bookings of one window among themselves: an incremental sort), on 5,000 windows with 20,000 bookings (issue 17).
 */
class BookingListPlanTest extends OnBothDatabases {

    @Test
    void aPageWalksTheWindowStartIndexAndSortsNothing() {
        var source = portal.db.selectFrom(BOOKING).orderBy(BOOKING.ID).limit(1).fetchSingle();
        var window = portal.db.selectFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.eq(source.getWindowId())).fetchSingle();
        var windows = new ArrayList<SpikeWindowRecord>();
        for (int i = 1; i <= 5_000; i++) {
            SpikeWindowRecord w = window.copy();
            w.setStartsAt(window.getStartsAt().minusYears(5).minusHours(6L * i));
            w.setEndsAt(window.getEndsAt().minusYears(5).minusHours(6L * i));
            w.setCapacity(4);
            w.setBooked(4);
            windows.add(w);
        }
        portal.db.batchInsert(windows).execute();
        List<Long> windowIds = portal.db.select(SPIKE_WINDOW.ID).from(SPIKE_WINDOW).where(SPIKE_WINDOW.STARTS_AT.lt(window.getStartsAt().minusYears(5)))
                .fetch(SPIKE_WINDOW.ID);
        var bookings = new ArrayList<BookingRecord>();
        for (long w : windowIds) {
            for (int k = 0; k < 4; k++) {
                BookingRecord b = source.copy();
                b.setWindowId(w);
                b.setIdempotencyKey("plan-" + w + "-" + k);
                b.setInstanceName("gitlab-" + w + "-" + k + ".plan.test");
                b.setSeriesId(null);
                bookings.add(b);
            }
        }
        portal.db.batchInsert(bookings).execute();
        if (database.equals("postgresql")) {
            portal.db.execute("ANALYZE booking");
            portal.db.execute("ANALYZE spike_window");
        }
        var manager = new Users(portal.db).byEmail("manager@demo.test").orElseThrow();
        var list = new Bookings(portal.db);
        var all = new Bookings.ListQuery(null, null, null, null, false, null);

        assertWalksIndex(plan(list.pageIdsQuery(manager, all, null, 51)));
        var first = list.page(manager, all, null, 51);
        assertEquals(51, first.size());
        long cursor = first.get(50).id();
        assertWalksIndex(plan(list.pageIdsQuery(manager, all, cursor, 51)));
        assertTrue(list.page(manager, all, cursor, 51).stream().noneMatch(b -> first.stream().anyMatch(f -> f.id() == b.id())),
                "the next page starts after the cursor");
    }

    /** The database's own EXPLAIN of the query, as text (jOOQ's explain() clips H2's plan). */
    private String plan(org.jooq.Query query) {
        return String.join("\n", portal.db.fetch("EXPLAIN " + portal.db.renderInlined(query)).getValues(0, String.class));
    }

    private void assertWalksIndex(String plan) {
        String p = plan.toLowerCase(Locale.ROOT);
        assertTrue(p.contains("ix_spike_window_starts"), plan);
        if (database.equals("postgresql")) {
            // a full Sort reads every row first; an Incremental Sort on the presorted index key stops at the limit
            assertFalse(p.lines().anyMatch(l -> l.matches("\\s*(->\\s*)?sort\\s+\\(.*")), "no full sort: " + plan);
        } else {
            assertTrue(p.contains("index sorted"), plan);
        }
    }
}
