package ltsportal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import ltsportal.Database;
import ltsportal.support.BookingLoad;
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
    private static final int CONFIRMED_BEFORE_KILL = 8;

    @Test
    void aKilledPortalLosesNoConfirmedBookingOnAnH2File() throws Exception {
        Path dir = Files.createTempDirectory("portal-crash");
        String url = "jdbc:h2:file:" + dir.resolve("portal").toAbsolutePath() + ";AUTO_SERVER=FALSE";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(Database.durable(url));
        h2.setUser("sa");
        crashAndCheck(url, "sa", "", () -> h2);
    }

    @Test
    void aKilledPortalLosesNoConfirmedBookingOnPostgresql() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            crashAndCheck(database.jdbcUrl, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD, () -> database.dataSource);
        }
    }

    interface Db {
        javax.sql.DataSource open();
    }

    /**
     * The database as demo mode leaves it, made before the portal starts (which then finds it seeded), with
     * the demo spike's per-organization quota raised: this test is about crashes, and books more than a
     * customer may hold. The quota has its own tests.
     */
    private static void prepare(String url, javax.sql.DataSource dataSource) {
        Database.migrate(dataSource);
        DSLContext db = Database.dsl(dataSource, url);
        ltsportal.support.Fixture.seed(db, java.time.Instant.parse("2026-06-01T12:00:00Z"));
        db.update(ltsportal.db.Tables.SPIKE).set(ltsportal.db.Tables.SPIKE.MAX_BOOKINGS_PER_ORG, 100).execute();
    }

    private void crashAndCheck(String url, String user, String password, Db verify) throws Exception {
        BookingLoad load = new BookingLoad();
        CountDownLatch enough = new CountDownLatch(CONFIRMED_BEFORE_KILL);
        List<Thread> customers = new ArrayList<>();
        prepare(url, verify.open());
        try (PortalProcess portal = PortalProcess.start(url, user, password)) {
            List<Long> windows = BookingLoad.windows(signedIn(portal, "customer@demo.test"));
            for (String email : List.of("customer@demo.test", "customer2@demo.test")) {
                Thread t = new Thread(() -> book(portal, email, windows, load, enough), "customer-" + email);
                t.start();
                customers.add(t);
            }
            assertTrue(enough.await(120, TimeUnit.SECONDS), "customers booked " + load.confirmed.size() + "\n" + portal.log());
            portal.kill();
            for (Thread t : customers) {
                t.join(30_000);
            }
        }
        try (PortalProcess again = PortalProcess.start(url, user, password)) {
            WebClient casey = signedIn(again, "customer@demo.test");
            for (long id : load.confirmed.values()) {
                int status = casey.get("/bookings/" + id).statusCode();
                assertTrue(status == 200 || status == 404, "the booking page answers after the restart: " + status);
            }
            assertEquals(0, again.stop(), "SIGTERM drains and exits 0:\n" + again.log());
            assertTrue(again.log().contains("Stopped"), again.log());
        }
        load.assertConsistent(Database.dsl(verify.open(), url));
        assertTrue(load.confirmed.size() >= CONFIRMED_BEFORE_KILL);
    }

    private static WebClient signedIn(PortalProcess portal, String email) {
        WebClient client = portal.visitor();
        client.get("/login");
        var response = client.post("/login", Map.of("email", email, "password", TestPortal.DEMO_PASSWORD));
        assertEquals(303, response.statusCode(), response.body());
        return client;
    }

    /** Books window after window until the portal goes away. */
    private static void book(PortalProcess portal, String email, List<Long> windows, BookingLoad load, CountDownLatch enough) {
        try {
            WebClient client = signedIn(portal, email);
            for (int i = email.startsWith("customer2") ? 1 : 0; ; i++) {
                if (load.bookOnce(client, windows.get(i % windows.size())) == 303) {
                    enough.countDown();
                }
            }
        } catch (IllegalStateException e) {
            // the portal was killed: this customer's connection is gone
        }
    }
}
