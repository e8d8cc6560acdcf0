package ltsportal.spikes;

import org.junit.jupiter.api.Tag;
import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ltsportal.accounts.Organizations;
import ltsportal.accounts.User;
import ltsportal.accounts.Users;
import ltsportal.support.MutableClock;
import ltsportal.support.TestDatabase;
import ltsportal.accounts.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 50 customers of 50 organizations book one window of capacity 3 at the same moment: exactly 3
 * bookings, 47 clean refusals, and the window's counter equals its booking rows. Runs on H2 and on
 * PostgreSQL.
 */
@Tag("functional")
class BookingRaceTest {
    static final int CUSTOMERS = 50;
    static final int CAPACITY = 3;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void fiftyConcurrentBookingsNeverOverbook(String kind) throws Exception {
        try (TestDatabase database = TestDatabase.of(kind)) {
            DSLContext db = database.migratedDsl();
            MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
            Spikes spikes = new Spikes(db);
            Spike draft = new Spike(0, "Race", "", "", LocalDate.parse("2026-06-15"), LocalDate.parse("2026-06-15"),
                    ZoneId.of("Europe/Berlin"), "18.11",
                    new WindowTemplate(EnumSet.of(DayOfWeek.MONDAY), List.of(LocalTime.of(9, 0)), Duration.ofHours(4), CAPACITY),
                    Set.of(), 3, 60, 24, Spike.Status.OPEN);
            long spikeId = spikes.create(draft, clock.instant());
            Spike spike = spikes.byId(spikeId).orElseThrow();
            long windowId = spikes.windows(spikeId).get(0).id();

            Users users = new Users(db);
            List<User> customers = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                long org = Organizations.create(db, "Org " + i, clock.instant());
                long id = users.create(db, new Users.NewUser("c" + i + "@race.test", "C" + i, "UTC", Role.CUSTOMER, org, "x"),
                        clock.instant());
                customers.add(users.byId(id).orElseThrow());
            }
            BookingService service = new BookingService(db, clock, ltsportal.spikes.BookingMail.NONE);
            Intake intake = new Intake("gitlab.race.test", "linux-package", "ee", "single-node", false, "18.8.11",
                    "18.11.11", "C", "c@race.test", "", "", "", "");

            ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS);
            CountDownLatch ready = new CountDownLatch(CUSTOMERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<BookingService.Result>> results = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                User customer = customers.get(i);
                String key = "race-key-" + i + "-0123456789";
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return service.book(customer, spike, windowId, intake, List.of("18.11.11"), key);
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            int booked = 0;
            int refused = 0;
            for (Future<BookingService.Result> f : results) {
                BookingService.Result r = f.get(60, TimeUnit.SECONDS);
                if (r instanceof BookingService.Done) {
                    booked++;
                } else if (r instanceof BookingService.Refused refusal && refusal.conflict()) {
                    refused++;
                }
            }
            pool.shutdown();
            assertEquals(CAPACITY, booked, kind);
            assertEquals(CUSTOMERS - CAPACITY, refused, kind + ": every other request is refused cleanly as full");
            int counter = db.select(SPIKE_WINDOW.BOOKED).from(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.eq(windowId)).fetchOne(SPIKE_WINDOW.BOOKED);
            assertEquals(CAPACITY, counter);
            assertEquals(counter, db.fetchCount(BOOKING, BOOKING.WINDOW_ID.eq(windowId)), "the counter equals the rows");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDoubleSubmitBooksOnce(String kind) throws Exception {
        try (TestDatabase database = TestDatabase.of(kind)) {
            DSLContext db = database.migratedDsl();
            MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
            Spikes spikes = new Spikes(db);
            long spikeId = spikes.create(new Spike(0, "Twice", "", "", LocalDate.parse("2026-06-15"), LocalDate.parse("2026-06-15"),
                    ZoneId.of("UTC"), "18.11", new WindowTemplate(EnumSet.of(DayOfWeek.MONDAY), List.of(LocalTime.NOON),
                    Duration.ofHours(2), 5), Set.of(), 3, 60, 24, Spike.Status.OPEN), clock.instant());
            Spike spike = spikes.byId(spikeId).orElseThrow();
            long windowId = spikes.windows(spikeId).get(0).id();
            Users users = new Users(db);
            long org = Organizations.create(db, "Twice Org", clock.instant());
            User customer = users.byId(users.create(db, new Users.NewUser("t@twice.test", "T", "UTC", Role.CUSTOMER, org, "x"),
                    clock.instant())).orElseThrow();
            BookingService service = new BookingService(db, clock, ltsportal.spikes.BookingMail.NONE);
            Intake intake = new Intake("i", "docker", "ce", "single-node", false, "18.8.11", "18.11.11", "T", "t@twice.test",
                    "", "", "", "");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<BookingService.Result>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return service.book(customer, spike, windowId, intake, List.of("18.11.11"), "same-key-from-one-form-0001");
                }));
            }
            go.countDown();
            long firstId = -1;
            for (var f : results) {
                var r = f.get(60, TimeUnit.SECONDS);
                long id = r instanceof BookingService.Done d ? d.bookingId() : ((BookingService.Duplicate) r).bookingId();
                if (firstId < 0) {
                    firstId = id;
                }
                assertEquals(firstId, id, "every submit answers with the one booking");
            }
            pool.shutdown();
            assertEquals(1, db.fetchCount(BOOKING));
            assertEquals(1, db.select(SPIKE_WINDOW.BOOKED).from(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.eq(windowId)).fetchOne(SPIKE_WINDOW.BOOKED));
        }
    }
}
