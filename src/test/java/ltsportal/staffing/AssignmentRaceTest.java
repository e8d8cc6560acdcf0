package ltsportal.staffing;

import static ltsportal.db.Tables.ASSIGNMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ltsportal.accounts.Organizations;
import ltsportal.accounts.Role;
import ltsportal.accounts.User;
import ltsportal.accounts.Users;
import ltsportal.spikes.BookingService;
import ltsportal.spikes.Intake;
import ltsportal.spikes.Spike;
import ltsportal.spikes.Spikes;
import ltsportal.spikes.WindowTemplate;
import ltsportal.support.MutableClock;
import ltsportal.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two managers put the same engineer (one booking at a time) on two bookings of the same window at
 * the same moment, fifty times over: exactly one wins each time, and the other is refused with the
 * engineer's load as the reason. Runs on H2 and on PostgreSQL.
 */
@Tag("functional")
class AssignmentRaceTest {
    static final int TRIES = 50;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoManagersNeverBothGetOneEngineer(String kind) throws Exception {
        try (TestDatabase database = TestDatabase.of(kind)) {
            DSLContext db = database.migratedDsl();
            MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
            Spikes spikes = new Spikes(db);
            long spikeId = spikes.create(new Spike(0, "Race", "", "", LocalDate.parse("2026-06-15"), LocalDate.parse("2026-06-15"),
                    ZoneId.of("Europe/Berlin"), "18.11",
                    new WindowTemplate(EnumSet.of(DayOfWeek.MONDAY), List.of(LocalTime.of(9, 0)), Duration.ofHours(4), 2),
                    Set.of(), 3, 60, 24, Spike.Status.OPEN), clock.instant());
            Spike spike = spikes.byId(spikeId).orElseThrow();
            long windowId = spikes.windows(spikeId).get(0).id();

            Users users = new Users(db);
            long org = Organizations.create(db, "Racing Org", clock.instant());
            User customer = users.byId(users.create(db, new Users.NewUser("c@race.test", "C", "UTC", Role.CUSTOMER, org, "x"),
                    clock.instant())).orElseThrow();
            User one = users.byId(users.create(db, new Users.NewUser("m1@race.test", "M1", "UTC", Role.MANAGER, null, "x"),
                    clock.instant())).orElseThrow();
            User two = users.byId(users.create(db, new Users.NewUser("m2@race.test", "M2", "UTC", Role.MANAGER, null, "x"),
                    clock.instant())).orElseThrow();
            long engineer = users.create(db, new Users.NewUser("e@race.test", "Ed", "Europe/Berlin", Role.ENGINEER, null, "x"),
                    clock.instant());
            Engineers engineers = new Engineers(db);
            engineers.saveProfile(engineer, EnumSet.of(Skill.LINUX_PACKAGE), 1);
            engineers.addShift(new Shift(0, spikeId, engineer, EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(18, 0),
                    ZoneId.of("Europe/Berlin"), LocalDate.parse("2026-06-15"), LocalDate.parse("2026-06-15")));
            BookingService bookings = new BookingService(db, clock, ltsportal.spikes.BookingMail.NONE);
            Intake intake = new Intake("gitlab.race.test", "linux-package", "ee", "single-node", false, "18.8.11", "18.11.11",
                    "C", "c@race.test", "", "", "", "");
            long a = ((BookingService.Done) bookings.book(customer, spike, windowId, intake, List.of("18.11.11"), "race-a-0123456789abc"))
                    .bookingId();
            // A second instance: an organization holds one active booking per instance in a spike.
            Intake otherInstance = new Intake("gitlab-2.race.test", "linux-package", "ee", "single-node", false, "18.8.11", "18.11.11",
                    "C", "c@race.test", "", "", "", "");
            long b = ((BookingService.Done) bookings.book(customer, spike, windowId, otherInstance, List.of("18.11.11"), "race-b-0123456789abc"))
                    .bookingId();

            Assignments assignments = new Assignments(db, clock, StaffingMail.NONE);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int i = 0; i < TRIES; i++) {
                    CountDownLatch ready = new CountDownLatch(2);
                    CountDownLatch go = new CountDownLatch(1);
                    Future<Assignments.Result> first = pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return assignments.assign(one, a, engineer, Assignment.Role.PRIMARY, Assignment.MANUAL);
                    });
                    Future<Assignments.Result> second = pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return assignments.assign(two, b, engineer, Assignment.Role.PRIMARY, Assignment.MANUAL);
                    });
                    assertTrue(ready.await(30, TimeUnit.SECONDS));
                    go.countDown();
                    var results = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
                    long won = results.stream().filter(r -> r instanceof Assignments.Assigned).count();
                    assertEquals(1, won, kind + ", try " + i + ": " + results);
                    var refused = (Assignments.Refused) results.stream().filter(r -> r instanceof Assignments.Refused).findFirst().orElseThrow();
                    assertEquals(409, refused.status());
                    assertTrue(refused.message().contains("takes at most 1 at once"), refused.message());
                    assertEquals(1, db.fetchCount(ASSIGNMENT, ASSIGNMENT.REMOVED_AT.isNull()), kind + ", try " + i);
                    long winner = results.stream().filter(r -> r instanceof Assignments.Assigned)
                            .mapToLong(r -> ((Assignments.Assigned) r).assignmentId()).findFirst().orElseThrow();
                    long booking = db.select(ASSIGNMENT.BOOKING_ID).from(ASSIGNMENT).where(ASSIGNMENT.ID.eq(winner)).fetchOne(ASSIGNMENT.BOOKING_ID);
                    assertTrue(assignments.remove(one, booking, winner) instanceof Assignments.Assigned, "taken off for the next try");
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
