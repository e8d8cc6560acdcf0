package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ltsportal.accounts.Organizations;
import ltsportal.accounts.Passwords;
import ltsportal.accounts.Users;
import ltsportal.support.TestDatabase;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import ltsportal.accounts.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two portal instances on one PostgreSQL database, as behind a load balancer: a session started on
 * one works on the other and ends on both, and customers booking through both at once never pass a
 * window's capacity.
 */
@Tag("functional")
class TwoInstancesTest {
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
    private static final int CUSTOMERS = 30;
    private static final int CAPACITY = 3;

    @Test
    void sessionsAndCapacityHoldAcrossInstances() throws Exception {
        try (TestDatabase database = TestDatabase.postgres();
             TestPortal a = TestPortal.on(database, "2026-06-01T12:00:00Z");
             TestPortal b = TestPortal.on(database, "2026-06-01T12:00:00Z")) {
            WebClient onA = a.signedIn("customer@demo.test");
            String session = onA.cookie("portal_session").orElseThrow().getValue();
            WebClient onB = b.visitor();
            onB.setCookie("portal_session", session);
            assertEquals(200, onB.get("/account").statusCode(), "the session started on A works on B");
            assertEquals(303, onB.post("/logout", Map.of()).statusCode());
            assertEquals(303, onA.get("/account").statusCode(), "signed out on B is signed out on A");

            var db = a.db;
            long window = new Spikes(db).addWindow(1, Instant.parse("2026-06-10T08:00:00Z"),
                    Instant.parse("2026-06-10T12:00:00Z"), CAPACITY);
            Users users = new Users(db);
            String hash = Passwords.hash("race password one");
            List<WebClient> clients = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                long org = Organizations.create(db, "Race Org " + i, a.clock.instant());
                users.create(db, new Users.NewUser("r" + i + "@race.test", "R" + i, "UTC", Role.CUSTOMER, org, hash),
                        a.clock.instant());
                TestPortal instance = i % 2 == 0 ? a : b;
                WebClient client = instance.visitor();
                assertEquals(303, client.post("/login", Map.of("email", "r" + i + "@race.test",
                        "password", "race password one")).statusCode());
                clients.add(client);
            }
            List<Map<String, String>> forms = new ArrayList<>();
            for (WebClient client : clients) {
                String page = client.get("/spikes/1/book?window=" + window).body();
                Matcher m = KEY.matcher(page);
                assertTrue(m.find());
                Map<String, String> form = new HashMap<>(Map.of("windowId", String.valueOf(window), "idempotencyKey", m.group(1),
                        "instanceName", "gitlab.race.test", "deployment", "linux-package", "edition", "ee",
                        "topology", "single-node", "geo", "no", "currentVersion", "18.8.11", "targetVersion", "18.11"));
                form.putAll(Map.of("contactName", "R", "contactEmail", "r@race.test"));
                forms.add(form);
            }
            ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                WebClient client = clients.get(i);
                Map<String, String> form = forms.get(i);
                statuses.add(pool.submit(() -> {
                    go.await();
                    return client.post("/spikes/1/bookings", form).statusCode();
                }));
            }
            go.countDown();
            int booked = 0;
            int full = 0;
            for (Future<Integer> s : statuses) {
                int status = s.get(120, TimeUnit.SECONDS);
                if (status == 303) {
                    booked++;
                } else if (status == 409) {
                    full++;
                }
            }
            pool.shutdown();
            assertEquals(CAPACITY, booked);
            assertEquals(CUSTOMERS - CAPACITY, full, "every other request is a clean 409");
            assertEquals(CAPACITY, db.select(SPIKE_WINDOW.BOOKED).from(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.eq(window))
                    .fetchOne(SPIKE_WINDOW.BOOKED));
            assertEquals(CAPACITY, db.fetchCount(BOOKING, BOOKING.WINDOW_ID.eq(window)));
        }
    }
}
