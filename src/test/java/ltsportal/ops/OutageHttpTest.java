package ltsportal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import ltsportal.Database;
import ltsportal.support.BookingLoad;
import ltsportal.support.TcpProxy;
import ltsportal.support.TestDatabase;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running portal (a proxy between them drops every connection and
 * refuses new ones) and comes back: pages that need it answer 503 with Retry-After, public pages
 * keep serving, /readyz says why, nothing waits for long, and service resumes by itself.
 */
@Tag("functional")
class OutageHttpTest {

    @Test
    void aDatabaseOutageIsAnsweredWith503AndSurvivedWithoutARestart() throws Exception {
        onProxiedPostgresql((proxy, portal) -> {
            WebClient casey = portal.signedIn("customer@demo.test");
            assertEquals(200, casey.get("/bookings").statusCode());
            assertEquals(200, portal.get("/readyz").statusCode());

            proxy.cut();
            Instant before = Instant.now();
            var page = casey.get("/bookings");
            assertEquals(503, page.statusCode(), page.body());
            assertEquals("5", page.headers().firstValue("Retry-After").orElse(""));
            assertTrue(page.body().contains("cannot reach its database"), page.body());
            assertTrue(Duration.between(before, Instant.now()).toSeconds() < 10, "answered within the pool's timeout");
            var api = casey.get("/api/v1/spikes");
            assertEquals(503, api.statusCode());
            assertTrue(api.body().startsWith("{\"error\":"), api.body());
            assertEquals(200, casey.get("/gitlab").statusCode(), "the catalog is served from memory, even to a signed-in user");
            assertEquals(200, portal.visitor().get("/gitlab/plan?from=17.3.7&to=18.11").statusCode());
            assertEquals(200, portal.visitor().get("/").statusCode(), "the home page too, with the spike it offered before");
            var ready = portal.get("/readyz");
            assertEquals(503, ready.statusCode());
            assertTrue(ready.body().contains("the database does not answer"), ready.body());
            assertEquals(503, casey.post("/bookings/1/cancel", Map.of("reason", "x")).statusCode(), "a write is refused, not lost");
            for (int i = 0; i < 4; i++) {
                assertEquals(503, casey.get("/bookings").statusCode(), "every request is answered; no pool is exhausted");
            }

            proxy.restore();
            assertEquals(200, within(Duration.ofSeconds(20), () -> casey.get("/bookings")).statusCode(),
                    "service resumes by itself");
            assertEquals(200, portal.get("/readyz").statusCode());
            assertEquals(200, casey.get("/bookings/1").statusCode(), "the session survived the outage");
        });
    }

    /**
     * Customers keep booking while the database goes away and comes back: every booking they were
     * told was made exists once, nothing exists that nobody sent, every counter equals its bookings.
     */
    @Test
    void bookingsMadeAcrossADatabaseOutageAreNeitherLostNorDoubled() throws Exception {
        onProxiedPostgresql((proxy, portal) -> {
            BookingLoad load = new BookingLoad();
            AtomicInteger failed = new AtomicInteger();
            CountDownLatch first = new CountDownLatch(4);
            CountDownLatch afterwards = new CountDownLatch(8);
            AtomicBoolean restored = new AtomicBoolean();
            List<Long> windows = BookingLoad.windows(portal.signedIn("customer@demo.test"));
            // This test books more than one organization may hold in a spike; the quota has its own tests.
            portal.db.update(ltsportal.db.Tables.SPIKE).set(ltsportal.db.Tables.SPIKE.MAX_BOOKINGS_PER_ORG, 100).execute();
            List<Thread> customers = new ArrayList<>();
            for (String email : List.of("customer@demo.test", "customer2@demo.test")) {
                WebClient client = portal.signedIn(email);
                Thread t = new Thread(() -> {
                    for (int i = email.startsWith("customer2") ? 1 : 0; afterwards.getCount() > 0 && i < 400; i++) {
                        int status = load.bookOnce(client, windows.get(i % windows.size()));
                        if (status == 303) {
                            first.countDown();
                            if (restored.get()) {
                                afterwards.countDown();
                            }
                        } else if (status == 503) {
                            failed.incrementAndGet();
                        }
                    }
                });
                t.start();
                customers.add(t);
            }
            assertTrue(first.await(60, TimeUnit.SECONDS));
            proxy.cut();
            // Until the customers have felt it: each /readyz asks the database, which takes up to its timeout.
            Instant end = Instant.now().plusSeconds(30);
            while (failed.get() == 0 && Instant.now().isBefore(end)) {
                assertEquals(503, portal.get("/readyz").statusCode());
            }
            assertTrue(failed.get() > 0, "customers were told the database is unavailable");
            proxy.restore();
            restored.set(true);
            assertTrue(afterwards.await(60, TimeUnit.SECONDS), "booking resumes after the outage");
            for (Thread t : customers) {
                t.join(60_000);
            }
            load.assertConsistent(portal.db);
        });
    }

    interface ProxiedTest {
        void run(TcpProxy proxy, TestPortal portal) throws Exception;
    }

    /** A portal on a fresh PostgreSQL database holding the fixture, reached through a proxy the test can cut. */
    private static void onProxiedPostgresql(ProxiedTest test) throws Exception {
        String instant = "2026-06-01T12:00:00Z";
        try (TestDatabase database = TestDatabase.seeded("postgresql", Instant.parse(instant));
             TcpProxy proxy = new TcpProxy(TestDatabase.pgHost(), TestDatabase.pgPort())) {
            String proxied = database.jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
            try (var pool = Database.pool(proxied, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD);
                 TestPortal portal = TestPortal.on(TestDatabase.wrapping(pool, proxied).prepared(), instant)) {
                test.run(proxy, portal);
            }
        }
    }

    @Test
    void readinessSaysShuttingDownFromTheFirstMomentOfADrain() {
        try (TestPortal portal = TestPortal.at("2026-06-01T12:00:00Z")) {
            var ready = portal.get("/readyz");
            assertEquals(200, ready.statusCode());
            assertEquals("ready", ready.body());
            assertTrue(ready.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
            assertEquals("ok", portal.get("/healthz").body());
            portal.health.drain();
            var draining = portal.get("/readyz");
            assertEquals(503, draining.statusCode());
            assertEquals("not ready: shutting down", draining.body());
            assertEquals(200, portal.get("/healthz").statusCode(), "alive while it drains");
        }
    }

    /** Asks until the answer is a success or the time is up; the last answer either way. */
    static HttpResponse<String> within(Duration limit, Supplier<HttpResponse<String>> request) {
        Instant end = Instant.now().plus(limit);
        HttpResponse<String> last = request.get();
        while (last.statusCode() >= 500 && Instant.now().isBefore(end)) {
            last = request.get();
        }
        return last;
    }
}
