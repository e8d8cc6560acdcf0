package ltsportal.accounts;

import static ltsportal.db.Tables.AUDIT_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import ltsportal.support.BookingLoad;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** The audit log: complete for staff and account actions, paged, filtered, and exported as CSV with the same filters. */
class AuditHttpTest extends OnBothDatabases {
    private WebClient admin() {
        WebClient a = portal.signedIn("admin@demo.test");
        a.get("/admin/users");
        return a;
    }

    private void event(String name, String actor, String subject, java.time.Instant at) {
        portal.db.insertInto(AUDIT_EVENT).set(AUDIT_EVENT.OCCURRED_AT, at.atOffset(ZoneOffset.UTC)).set(AUDIT_EVENT.EVENT, name)
                .set(AUDIT_EVENT.ACTOR_EMAIL, actor).set(AUDIT_EVENT.SUBJECT, subject).execute();
    }

    @Test
    void staffBookingAndProfileActionsAreAllAudited() throws Exception {
        WebClient manager = portal.signedIn("manager@demo.test");
        manager.get("/manage/spikes/1");
        assertEquals(303, manager.post("/manage/spikes/1/windows", Map.of("date", "2026-06-19", "time", "07:00",
                "minutes", "120", "capacity", "2")).statusCode());
        WebClient casey = portal.signedIn("customer@demo.test");
        long window = BookingLoad.windows(casey).get(0);
        BookingLoad load = new BookingLoad();
        assertEquals(303, load.bookOnce(casey, window));
        long booking = load.confirmed.values().iterator().next();
        WebClient engineer = portal.signedIn("engineer@demo.test");
        engineer.get("/bookings/" + booking);
        portal.approvedReview(booking);
        assertEquals(303, engineer.post("/bookings/" + booking + "/confirm", Map.of()).statusCode());
        casey.get("/account");
        casey.post("/account", Map.of("name", "", "timeZone", "Europe/Berlin"));
        casey.post("/account", Map.of("name", "Casey C.", "timeZone", "Europe/Berlin"));

        for (String e : List.of("window.added", "booking.created", "booking.confirmed", "profile.change-failed", "profile.changed")) {
            assertEquals(1, portal.db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.EVENT.eq(e)), e);
        }
        var confirmed = portal.db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.EVENT.eq("booking.confirmed")).fetchSingle();
        assertEquals("engineer@demo.test", confirmed.getActorEmail());
        assertEquals("booking " + booking, confirmed.getSubject());
    }

    @Test
    void theLogIsPagedAndFilteredByActorKindAndDays() {
        var now = portal.clock.instant();
        for (int i = 0; i < 120; i++) {
            event("login.failure", null, "flood" + i + "@example.test", now.minus(Duration.ofMinutes(i + 1)));
        }
        event("role.changed", "admin@demo.test", "engineer2@demo.test", now.minus(Duration.ofDays(3)));
        WebClient admin = admin();

        int total = portal.db.fetchCount(AUDIT_EVENT);
        assertTrue(total > 100 && total <= 150, "three pages: " + total);
        String first = admin.get("/admin/audit").body();
        assertEquals(50, rows(first), "50 a page");
        assertTrue(first.contains("Older →") && !first.contains("← Newest"));
        String second = admin.get(older(first)).body();
        assertEquals(50, rows(second));
        assertTrue(second.contains("← Newest"));
        assertFalse(second.contains("flood0@example.test"), "the second page starts after the first one's last event");
        String last = admin.get(older(second)).body();
        assertEquals(total - 100, rows(last), "every event once over the three pages");
        assertTrue(last.contains("data-event=\"role.changed\""), "the role change is still there, on the last page");
        assertFalse(last.contains("Older →"));

        String byActor = admin.get("/admin/audit?actor=ADMIN%40demo&kind=role").body();
        assertEquals(1, rows(byActor));
        assertTrue(byActor.contains("engineer2@demo.test"), byActor);
        assertTrue(byActor.contains("value=\"ADMIN@demo\""), "the filter is kept");
        String filteredOlder = older(admin.get("/admin/audit?kind=login").body());
        assertTrue(filteredOlder.contains("&kind=login"), "the next page keeps the filter: " + filteredOlder);
        assertFalse(admin.get(filteredOlder).body().contains("data-event=\"role.changed\""));

        String june = admin.get("/admin/audit?kind=role&from=2026-05-29&to=2026-05-29").body();
        assertEquals(1, rows(june), "3 days before 1 June 12:00 UTC is 29 May in the admin's zone");
        String none = admin.get("/admin/audit?kind=role&from=2026-05-30").body();
        assertEquals(0, rows(none));
        assertTrue(none.contains("No events match."));
    }

    private static int rows(String page) {
        return page.split("<tr data-event=", -1).length - 1;
    }

    private static String older(String page) {
        var m = java.util.regex.Pattern.compile("href=\"(/admin/audit\\?after=[^\"]+)\" rel=\"next\"").matcher(page);
        assertTrue(m.find(), "an Older link");
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void badFiltersAreRefusedNextToTheirFieldAndKept() {
        WebClient admin = admin();
        var bad = admin.get("/admin/audit?from=yesterday&to=2026-01-01&kind=nonsense");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Give the first day as YYYY-MM-DD."));
        assertTrue(bad.body().contains("Choose a kind from the list."));
        assertTrue(bad.body().contains("value=\"yesterday\""));
        var backwards = admin.get("/admin/audit?from=2026-05-02&to=2026-05-01");
        assertEquals(400, backwards.statusCode());
        assertTrue(backwards.body().contains("The last day cannot be before the first."));
        var csv = admin.get("/admin/audit.csv?from=nope");
        assertEquals(400, csv.statusCode());
    }

    @Test
    void theCsvHasEveryMatchingRowWithTheSameFiltersAndDefusesFormulas() {
        var now = portal.clock.instant();
        for (int i = 0; i < 70; i++) {
            event("booking.cancelled", "manager@demo.test", "booking " + i, now.minus(Duration.ofMinutes(i + 1)));
        }
        event("account.created", null, "=HYPERLINK(\"http://evil.test\",\"x\")", now.minus(Duration.ofMinutes(200)));
        WebClient admin = admin();
        var csv = admin.get("/admin/audit.csv?kind=booking");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv; charset=utf-8"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("audit-log.csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("occurred_at,event,actor,subject,detail,address,repeats,last_at", lines[0]);
        assertEquals(71, lines.length, "all 70 rows, not one page");
        assertTrue(lines[1].startsWith("2026-06-01T11:59:00Z,booking.cancelled,manager@demo.test,booking 0,"), lines[1]);

        String all = admin.get("/admin/audit.csv?kind=account").body();
        assertTrue(all.contains("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\""), all);
        assertFalse(all.contains(",=HYPERLINK"));
    }
}
