package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.ZoneId;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The bookings list filtered by the window's day, in the reader's zone; a day that is not a date says so (issue 16). */
@Tag("functional")
class BookingsListHttpTest {
    private TestPortal portal;

    @BeforeEach
    void start() {
        portal = TestPortal.at("2026-06-01T12:00:00Z");
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    private static int rows(String body) {
        return body.split("data-booking=", -1).length - 1;
    }

    @Test
    void theWindowDayFilterShowsThatDaysBookingsOnly() {
        WebClient manager = portal.signedIn("manager@demo.test");
        var first = portal.db.select(BOOKING.ID, SPIKE_WINDOW.STARTS_AT).from(BOOKING).join(SPIKE_WINDOW).on(SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID))
                .orderBy(SPIKE_WINDOW.STARTS_AT).limit(1).fetchSingle();
        // the manager's own zone decides the day
        String zone = portal.db.select(ltsportal.db.Tables.APP_USER.TIME_ZONE).from(ltsportal.db.Tables.APP_USER)
                .where(ltsportal.db.Tables.APP_USER.EMAIL.eq("manager@demo.test")).fetchSingle().value1();
        var day = first.value2().toInstant().atZone(ZoneId.of(zone)).toLocalDate();
        int expected = (int) portal.db.select(SPIKE_WINDOW.STARTS_AT).from(BOOKING).join(SPIKE_WINDOW).on(SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID))
                .fetch(r -> r.value1().toInstant().atZone(ZoneId.of(zone)).toLocalDate()).stream().filter(day::equals).count();
        var page = manager.get("/bookings?day=" + day);
        assertEquals(200, page.statusCode());
        assertEquals(expected, rows(page.body()));
        assertTrue(page.body().contains("data-booking=\"" + first.value1() + "\""));
        assertTrue(rows(manager.get("/bookings?status=").body()) > expected, "the unfiltered list holds other days too");
        assertTrue(page.body().contains("type=\"date\" name=\"day\" id=\"day\" value=\"" + day + "\""), "the day is kept in the field");
    }

    @Test
    void staffOpeningTheListWithoutAFilterSeeWhatWaitsForConfirmationAndCustomersSeeEverything() {
        long firstId = portal.db.select(org.jooq.impl.DSL.min(BOOKING.ID)).from(BOOKING).fetchSingle().value1();
        portal.db.update(BOOKING).set(BOOKING.STATUS, ltsportal.spikes.BookingStatus.CONFIRMED).where(BOOKING.ID.eq(firstId)).execute();
        long requested = portal.db.fetchCount(BOOKING, BOOKING.STATUS.eq(ltsportal.spikes.BookingStatus.REQUESTED));
        long all = portal.db.fetchCount(BOOKING);
        assertTrue(requested > 0 && all > requested, "the demo data holds both: " + requested + " of " + all);
        for (String staff : new String[] {"manager@demo.test", "engineer@demo.test"}) {
            String page = portal.signedIn(staff).get("/bookings").body();
            assertEquals(requested, rows(page), staff);
            assertTrue(page.contains("id=\"needs-confirmation\"") && page.contains("href=\"/bookings?status=\""), page);
            assertTrue(page.contains("<option value=\"requested\" selected=\"selected\">"), "the filter says so too");
            assertEquals(all, rows(portal.signedIn(staff).get("/bookings?status=").body()), "any status, asked for");
        }
        String customer = portal.signedIn("customer@demo.test").get("/bookings").body();
        assertFalse(customer.contains("id=\"needs-confirmation\""));
        assertEquals(portal.db.fetchCount(BOOKING, BOOKING.ORG_ID.eq(
                portal.db.select(ltsportal.db.Tables.APP_USER.ORG_ID).from(ltsportal.db.Tables.APP_USER)
                        .where(ltsportal.db.Tables.APP_USER.EMAIL.eq("customer@demo.test")))), rows(customer));
    }

    @Test
    void aLongListIsPagedInTheDatabaseNewestWindowFirstWithoutGapsOrRepeats() {
        var windows = portal.db.select(SPIKE_WINDOW.ID).from(SPIKE_WINDOW).orderBy(SPIKE_WINDOW.ID).fetch(SPIKE_WINDOW.ID);
        var template = portal.db.selectFrom(BOOKING).orderBy(BOOKING.ID).limit(1).fetchSingle();
        for (int i = 0; i < 70; i++) { // copies of a demo booking spread over the spike's windows (the list only reads them)
            var copy = template.copy();
            copy.setWindowId(windows.get(i % windows.size()));
            copy.setInstanceName("gitlab-" + i + ".paging.test");
            copy.setIdempotencyKey("paging-" + i);
            copy.setSeriesId(null);
            portal.db.executeInsert(copy);
        }
        int total = portal.db.fetchCount(BOOKING);
        WebClient manager = portal.signedIn("manager@demo.test");
        String first = manager.get("/bookings?status=").body();
        assertEquals(BookingList.PAGE, rows(first));
        java.util.regex.Matcher older = java.util.regex.Pattern.compile("id=\"older\" href=\"([^\"]+)\"|href=\"([^\"]+)\" id=\"older\"").matcher(first);
        assertTrue(older.find(), "a link to the older bookings");
        String next = (older.group(1) != null ? older.group(1) : older.group(2)).replace("&amp;", "&");
        String second = manager.get(next).body();
        assertEquals(total - BookingList.PAGE, rows(second));
        assertFalse(second.contains("id=\"older\""), "the last page");
        assertTrue(second.contains("id=\"newest\""));
        java.util.List<Long> ids = new java.util.ArrayList<>(ids(first));
        ids.addAll(ids(second));
        assertEquals(total, new java.util.HashSet<>(ids).size(), "every booking once: " + ids);
        java.util.List<Long> expected = portal.db.select(BOOKING.ID).from(BOOKING).join(SPIKE_WINDOW).on(SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID))
                .orderBy(SPIKE_WINDOW.STARTS_AT.desc(), BOOKING.ID.desc()).fetch(BOOKING.ID);
        assertEquals(expected, ids, "newest window first, then the higher id");
    }

    private static java.util.List<Long> ids(String body) {
        return java.util.regex.Pattern.compile("data-booking=\"(\\d+)\"").matcher(body).results()
                .map(m -> Long.valueOf(m.group(1))).toList();
    }

    @Test
    void aDayThatIsNotADateIsSaidNextToTheFieldAndKept() {
        var page = portal.signedIn("manager@demo.test").get("/bookings?day=tomorrow");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("id=\"day-error\"") && page.body().contains("such as 2026-06-18"));
        assertTrue(page.body().contains("type=\"text\" name=\"day\" id=\"day\" value=\"tomorrow\""), "what was typed is kept, in a text field since a date field cannot hold it");
    }
}
