package ltsportal.organizations;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.ORGANIZATION;
import static ltsportal.db.Tables.SPIKE;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ltsportal.support.BookingLoad;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** Organizations are approved before they book, look-alike names are refused, suspension frees places, the quota holds. */
class OrganizationsHttpTest extends OnBothDatabases {
    private WebClient signUp(String name, String email, String organization) {
        WebClient v = portal.visitor();
        v.get("/signup");
        var r = v.post("/signup", Map.of("name", name, "email", email, "password", "quiet orchard lantern",
                "organization", organization, "timeZone", "Europe/Berlin"));
        assertEquals(200, r.statusCode(), r.body());
        // Signed in once the mailed link confirms the address.
        String link = portal.mailedLink(email, "/account/verify");
        v.get(link);
        assertEquals(303, v.post("/account/verify", Map.of("token", link.substring(link.indexOf("token=") + 6))).statusCode());
        return v;
    }

    private long orgId(String name) {
        return portal.db.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.NAME.eq(name)).fetchSingle(ORGANIZATION.ID);
    }

    private WebClient manager() {
        WebClient m = portal.signedIn("manager@demo.test");
        m.get("/admin/organizations");
        return m;
    }

    @Test
    void aPendingOrganizationPlansButCannotBookUntilApproved() throws Exception {
        WebClient dana = signUp("Dana Doe", "dana@initech.test", "Initech Systems");
        assertTrue(dana.get("/account").body().contains("support checks new organizations before their first booking"));
        assertEquals(200, dana.get("/gitlab/plan?from=17.0&to=18.0").statusCode(), "planning is open to them");
        long window = BookingLoad.windows(dana).get(0);
        var form = dana.get("/spikes/1/book?window=" + window);
        assertEquals(403, form.statusCode());
        assertTrue(form.body().contains("Your organization is waiting for support to approve it"), form.body());
        // Posted straight at the spike all the same, the booking is refused in its transaction and nothing is written.
        var key = java.util.regex.Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(key.find());
        var posted = dana.post("/spikes/1/bookings", Map.ofEntries(Map.entry("windowId", String.valueOf(window)),
                Map.entry("idempotencyKey", key.group(1)), Map.entry("instanceName", "gitlab.initech.test"), Map.entry("deployment", "docker"),
                Map.entry("edition", "ee"), Map.entry("topology", "single-node"), Map.entry("geo", "no"),
                Map.entry("currentVersion", "18.8.11"), Map.entry("targetVersion", "18.11"), Map.entry("contactName", "Dana"),
                Map.entry("contactEmail", "dana@initech.test")));
        assertEquals(400, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("waiting for support to approve it"), posted.body());
        assertEquals(0, portal.db.fetchCount(BOOKING, BOOKING.ORG_ID.eq(orgId("Initech Systems"))), "nothing written");

        WebClient manager = manager();
        String list = manager.get("/admin/organizations").body();
        assertTrue(list.contains("1 organization is waiting for approval."), list.substring(list.indexOf("<main"), Math.min(list.length(), list.indexOf("<main") + 1500)));
        assertEquals(303, manager.post("/admin/organizations/" + orgId("Initech Systems") + "/approve", Map.of()).statusCode());
        assertEquals(303, new BookingLoad().bookOnce(dana, window), "approved: the booking goes through");
    }

    @Test
    void lookAlikeNamesCannotBeRegisteredTwiceAndNearOnesAreFlagged() {
        int n = 0;
        for (String lookAlike : List.of("Acme\u00A0Robotics", "Acme \u200BRobotics", "\u0391cme Robotics", "ACME ROBOTICS")) {
            WebClient v = portal.visitor();
            v.get("/signup");
            var r = v.post("/signup", Map.of("name", "Mallory", "email", "m" + (n++) + "@evil.test",
                    "password", "quiet orchard lantern", "organization", lookAlike, "timeZone", "UTC"));
            assertEquals(400, r.statusCode(), lookAlike);
            assertTrue(r.body().contains("This organization has an account already."), lookAlike);
        }
        signUp("Mallory", "mallory@evil.test", "ACME Robotics, Inc.");
        String list = manager().get("/admin/organizations").body();
        assertTrue(list.contains("Looks like <span>Acme Robotics</span>"), list);
    }

    @Test
    void suspendingCancelsFutureBookingsWithTheReasonAndFreesTheirPlaces() throws Exception {
        WebClient casey = portal.signedIn("customer@demo.test");
        List<Long> windows = BookingLoad.windows(casey);
        BookingLoad load = new BookingLoad();
        assertEquals(303, load.bookOnce(casey, windows.get(0)));
        assertEquals(303, load.bookOnce(casey, windows.get(1)));
        long acme = orgId("Acme Robotics");
        int seeded = portal.db.fetchCount(BOOKING, BOOKING.ORG_ID.eq(acme)) - 2; // demo mode's own bookings of Acme
        int booked = portal.db.select(org.jooq.impl.DSL.sum(SPIKE_WINDOW.BOOKED)).from(SPIKE_WINDOW).fetchSingle().value1().intValue();

        WebClient manager = manager();
        var empty = manager.post("/admin/organizations/" + acme + "/suspend", Map.of("reason", "  "));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("Say why"));
        assertEquals("approved", portal.db.select(ORGANIZATION.STATUS).from(ORGANIZATION).where(ORGANIZATION.ID.eq(acme)).fetchSingle().value1());

        assertEquals(303, manager.post("/admin/organizations/" + acme + "/suspend", Map.of("reason", "Unpaid invoices")).statusCode());
        assertTrue(manager.get("/admin/organizations").body().contains((seeded + 2) + " future bookings were cancelled"));
        for (long id : load.confirmed.values()) {
            var b = portal.db.selectFrom(BOOKING).where(BOOKING.ID.eq(id)).fetchSingle();
            assertEquals(ltsportal.spikes.BookingStatus.CANCELLED, b.getStatus());
            assertEquals("Organization suspended: Unpaid invoices", b.getCancelReason());
        }
        assertEquals(booked - seeded - 2, portal.db.select(org.jooq.impl.DSL.sum(SPIKE_WINDOW.BOOKED)).from(SPIKE_WINDOW).fetchSingle()
                .value1().intValue(), "every place Acme held is free again, and nobody else's");
        assertEquals(0, portal.db.fetchCount(BOOKING, BOOKING.ORG_ID.eq(acme).and(BOOKING.STATUS.ne(ltsportal.spikes.BookingStatus.CANCELLED))));
        var refused = casey.get("/spikes/1/book?window=" + windows.get(2));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Your organization&#39;s bookings are suspended.")
                || refused.body().contains("Your organization's bookings are suspended."), refused.body());
    }

    @Test
    void theQuotaHoldsUnderTwentyParallelBookingsOfOneOrganization() throws Exception {
        long acme = orgId("Acme Robotics");
        int seeded = portal.db.fetchCount(BOOKING, BOOKING.ORG_ID.eq(acme)); // demo mode's own bookings of Acme
        int placesBefore = portal.db.select(org.jooq.impl.DSL.sum(SPIKE_WINDOW.BOOKED)).from(SPIKE_WINDOW).fetchSingle().value1().intValue();
        portal.db.update(SPIKE).set(SPIKE.MAX_BOOKINGS_PER_ORG, seeded + 2).where(SPIKE.ID.eq(1L)).execute();
        List<WebClient> tabs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tabs.add(portal.signedIn("customer@demo.test"));
        }
        List<Long> windows = BookingLoad.windows(tabs.get(0));
        // Every tab has its form open before any is sent, as twenty people at one customer would.
        List<String> forms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            var form = tabs.get(i).get("/spikes/1/book?window=" + windows.get(i));
            assertEquals(200, form.statusCode());
            var m = java.util.regex.Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(form.body());
            assertTrue(m.find());
            forms.add(m.group(1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            WebClient tab = tabs.get(i);
            String window = String.valueOf(windows.get(i));
            String key = forms.get(i);
            results.add(pool.submit(() -> {
                go.await();
                return tab.post("/spikes/1/bookings", Map.ofEntries(Map.entry("windowId", window), Map.entry("idempotencyKey", key),
                        Map.entry("instanceName", "gitlab-" + window + ".acme.test"), Map.entry("deployment", "docker"), Map.entry("edition", "ee"),
                        Map.entry("topology", "single-node"), Map.entry("geo", "no"), Map.entry("currentVersion", "18.8.11"),
                        Map.entry("targetVersion", "18.11"), Map.entry("contactName", "Casey"),
                        Map.entry("contactEmail", "casey@acme.test"))).statusCode();
            }));
        }
        go.countDown();
        int booked = 0;
        for (Future<Integer> f : results) {
            int status = f.get(120, TimeUnit.SECONDS);
            if (status == 303) {
                booked++;
            } else {
                assertEquals(400, status, "refused with the quota's message, never an error");
            }
        }
        pool.shutdown();
        assertEquals(2, booked, "two more bookings, up to the spike's quota, whatever the timing");
        assertEquals(seeded + 2, portal.db.fetchCount(BOOKING, BOOKING.ORG_ID.eq(acme)));
        assertEquals(placesBefore + 2, portal.db.select(org.jooq.impl.DSL.sum(SPIKE_WINDOW.BOOKED)).from(SPIKE_WINDOW).fetchSingle()
                .value1().intValue(), "no place was taken by a refused booking");
        var third = tabs.get(0).get("/spikes/1/book?window=" + windows.get(19));
        assertTrue(third.body().contains("holds " + (seeded + 2) + " bookings in this spike already"), third.body());
    }
}
