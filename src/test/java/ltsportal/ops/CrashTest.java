package ltsportal.ops;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ltsportal.Database;
import ltsportal.support.PortalProcess;
import ltsportal.support.TestDatabase;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Customers book through HTTP while the portal process is killed with SIGKILL. After a restart, every
 * booking a customer was told was made (303) exists exactly once, no booking exists that no customer
 * sent, and every window's counter equals its bookings. On an H2 file and on PostgreSQL. The restarted
 * portal is then stopped with SIGTERM and must exit 0.
 */
@Tag("functional")
class CrashTest {
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
    private static final int CONFIRMED_BEFORE_KILL = 8;

    @Test
    void aKilledPortalLosesNoConfirmedBookingOnAnH2File() throws Exception {
        Path dir = Files.createTempDirectory("portal-crash");
        String url = "jdbc:h2:file:" + dir.resolve("portal").toAbsolutePath() + ";AUTO_SERVER=FALSE";
        crashAndCheck(url, "sa", "", () -> {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(Database.durable(url));
            h2.setUser("sa");
            return Database.dsl(h2, url);
        });
    }

    @Test
    void aKilledPortalLosesNoConfirmedBookingOnPostgresql() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            crashAndCheck(database.jdbcUrl, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD, () -> Database.dsl(database.dataSource, database.jdbcUrl));
        }
    }

    interface Db {
        DSLContext open();
    }

    private void crashAndCheck(String url, String user, String password, Db verify) throws Exception {
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Map<String, Long> confirmed = new ConcurrentHashMap<>();
        CountDownLatch enough = new CountDownLatch(CONFIRMED_BEFORE_KILL);
        List<Thread> customers = new ArrayList<>();
        try (PortalProcess portal = PortalProcess.start(url, user, password)) {
            List<Long> windows = new ArrayList<>();
            new ObjectMapper().readTree(signedIn(portal, "customer@demo.test").get("/api/v1/spikes/1").body())
                    .get("windows").forEach(w -> windows.add(w.get("id").asLong()));
            for (String email : List.of("customer@demo.test", "customer2@demo.test")) {
                Thread t = new Thread(() -> book(portal, email, windows, sent, confirmed, enough), "customer-" + email);
                t.start();
                customers.add(t);
            }
            assertTrue(enough.await(120, TimeUnit.SECONDS), "customers booked " + confirmed.size() + "\n" + portal.log());
            portal.kill();
            for (Thread t : customers) {
                t.join(30_000);
            }
        }
        try (PortalProcess again = PortalProcess.start(url, user, password)) {
            WebClient casey = signedIn(again, "customer@demo.test");
            for (var c : confirmed.entrySet()) {
                int status = casey.get("/bookings/" + c.getValue()).statusCode();
                assertTrue(status == 200 || status == 404, "the booking page answers after the restart: " + status);
            }
            assertEquals(0, again.stop(), "SIGTERM drains and exits 0:\n" + again.log());
            assertTrue(again.log().contains("Stopped"), again.log());
        }
        DSLContext db = verify.open();
        Map<String, Long> stored = new HashMap<>();
        db.select(BOOKING.IDEMPOTENCY_KEY, BOOKING.ID).from(BOOKING).where(BOOKING.IDEMPOTENCY_KEY.notLike("demo-seed-%"))
                .forEach(r -> assertTrue(stored.put(r.value1(), r.value2()) == null, "one booking per key"));
        for (var c : confirmed.entrySet()) {
            assertEquals(c.getValue(), stored.get(c.getKey()), "a booking the customer saw confirmed survived the kill");
        }
        assertTrue(sent.containsAll(stored.keySet()), "no booking exists that no customer sent");
        for (var w : db.selectFrom(SPIKE_WINDOW).fetch()) {
            int active = db.fetchCount(BOOKING, BOOKING.WINDOW_ID.eq(w.getId()).and(BOOKING.STATUS.ne("cancelled")));
            assertEquals(active, (int) w.getBooked(), "window " + w.getId() + ": the counter equals its bookings");
        }
        assertTrue(confirmed.size() >= CONFIRMED_BEFORE_KILL);
    }

    private static WebClient signedIn(PortalProcess portal, String email) {
        WebClient client = portal.visitor();
        client.get("/login");
        var response = client.post("/login", Map.of("email", email, "password", TestPortal.DEMO_PASSWORD));
        assertEquals(303, response.statusCode(), response.body());
        return client;
    }

    /** Books window after window until the portal goes away. */
    private static void book(PortalProcess portal, String email, List<Long> windows, Set<String> sent,
                             Map<String, Long> confirmed, CountDownLatch enough) {
        try {
            WebClient client = signedIn(portal, email);
            for (int i = email.startsWith("customer2") ? 1 : 0; ; i++) {
                long window = windows.get(i % windows.size());
                var form = client.get("/spikes/1/book?window=" + window);
                Matcher m = KEY.matcher(form.body());
                if (form.statusCode() != 200 || !m.find()) {
                    continue;
                }
                String key = m.group(1);
                Map<String, String> fields = new HashMap<>(Map.of("windowId", String.valueOf(window), "idempotencyKey", key,
                        "instanceName", "gitlab.crash.test", "deployment", "docker", "edition", "ee", "topology", "single-node",
                        "geo", "no", "currentVersion", "18.8.11", "targetVersion", "18.11", "contactName", "Casey"));
                fields.putAll(Map.of("contactEmail", "casey@acme.test", "contactPhone", "", "upgradePlanUrl", "",
                        "rollbackPlanUrl", "", "notes", ""));
                sent.add(key);
                var response = client.post("/spikes/1/bookings", fields);
                if (response.statusCode() == 303) {
                    String location = response.headers().firstValue("Location").orElseThrow();
                    confirmed.put(key, Long.parseLong(location.replaceAll("^/bookings/(\\d+).*$", "$1")));
                    enough.countDown();
                }
            }
        } catch (IllegalStateException e) {
            // the portal was killed: this customer's connection is gone
        }
    }
}
