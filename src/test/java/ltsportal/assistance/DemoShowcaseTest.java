package ltsportal.assistance;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.BOOKING_MESSAGE;
import static ltsportal.db.Tables.BOOKING_REVIEW;
import static ltsportal.db.Tables.SPIKE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import ltsportal.Demo;
import ltsportal.support.MutableClock;
import ltsportal.support.TestDatabase;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Demo mode shows every part of upgrade assistance: each review state, a thread with an internal note, outcomes and a report;
 * and a draft spike for the next LTS line. */
@Tag("functional")
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class DemoShowcaseTest {
    @Parameter
    String database;
    TestDatabase demo;
    TestPortal portal;

    /** Demo mode's own data, as a demo start seeds it, not the test fixture: this is what demo mode shows. */
    @BeforeEach
    void startDemo() {
        demo = TestDatabase.of(database);
        var clock = new MutableClock(java.time.Instant.parse("2026-06-01T12:00:00Z"));
        var db = demo.migratedDsl();
        Demo.seed(db, clock, TestPortal.DEMO_PASSWORD, TestPortal.content());
        Demo.showcase(db, clock, TestPortal.content());
        portal = TestPortal.on(demo.prepared(), clock.instant().toString());
    }

    @AfterEach
    void stop() {
        portal.close();
        demo.close();
    }

    @Test
    void demoModeHasEachReviewStateAThreadWithAnInternalNoteAndCompletedBookingsWithOutcomes() {
        Demo.showcase(portal.db, portal.clock, TestPortal.content()); // a second start changes nothing

        Map<String, String> states = portal.db.select(BOOKING.INSTANCE_NAME, BOOKING_REVIEW.STATUS).from(BOOKING)
                .leftJoin(BOOKING_REVIEW).on(BOOKING_REVIEW.BOOKING_ID.eq(BOOKING.ID)).fetch()
                .stream().collect(Collectors.toMap(r -> r.value1(), r -> r.value2() == null ? "not-submitted" : r.value2()));
        assertEquals("submitted", states.get("gitlab.acme.test"));
        assertEquals("approved", states.get("gitlab-dr.acme.test"));
        assertEquals("changes-requested", states.get("git.globex.test"));
        assertEquals("not-submitted", states.get("git-dr.globex.test"));
        assertEquals(1, portal.db.fetchCount(BOOKING_MESSAGE, BOOKING_MESSAGE.INTERNAL.isTrue()));
        assertEquals(3, portal.db.fetchCount(BOOKING_MESSAGE));
        assertEquals(1, portal.db.fetchCount(SPIKE, SPIKE.NAME.eq(DemoAssistance.FINISHED_SPIKE)));

        long finished = portal.db.select(SPIKE.ID).from(SPIKE).where(SPIKE.NAME.eq(DemoAssistance.FINISHED_SPIKE)).fetchSingle(SPIKE.ID);
        var completed = portal.db.selectFrom(BOOKING).where(BOOKING.SPIKE_ID.eq(finished)).fetch();
        assertEquals(2, completed.size());
        assertTrue(completed.stream().allMatch(b -> b.getStatus() == ltsportal.spikes.BookingStatus.COMPLETED && b.getOutcome() != null));

        var customer = portal.signedIn("customer@demo.test");
        String thread = customer.get("/bookings/" + completedId(completed, "gitlab-staging.acme.test")).body();
        assertTrue(thread.contains("Upgraded") && thread.contains("<strong>40 minutes</strong>"), "the outcome shows with its notes");
        String acme = customer.get("/bookings/" + idOf("gitlab.acme.test")).body();
        assertTrue(acme.contains("Gitaly storage is on <strong>NFS</strong>") && !acme.contains("ask them for"),
                "the customer reads the thread without the internal note");
        String report = portal.signedIn("manager@demo.test").get("/manage/spikes/" + finished + "/report").body();
        assertTrue(report.contains("id=\"approved-in-time\">100 %"), report);
        assertTrue(portal.signedIn("engineer@demo.test").get("/manage/reviews").body().contains("gitlab.acme.test"),
                "the submitted plan waits in the review queue");

        // The next LTS line, announced after the fixture's newest (19.3), planned ahead as a draft with weekend windows.
        var next = portal.db.selectFrom(SPIKE).where(SPIKE.FOCUS.eq("19.11")).fetchSingle();
        assertEquals(ltsportal.spikes.Spike.Status.DRAFT, next.getStatus());
        assertEquals("SATURDAY,SUNDAY", next.getWeekdays());
        assertTrue(portal.signedIn("manager@demo.test").get("/manage/spikes/" + next.getId()).body()
                .contains("GitLab 19.11 is not released yet"), "the manager sees it is planned ahead");
        assertEquals(404, customer.get("/spikes/" + next.getId()).statusCode(), "customers do not see a draft");
    }

    private long idOf(String instance) {
        return portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq(instance)).fetchSingle(BOOKING.ID);
    }

    private static long completedId(java.util.List<ltsportal.db.tables.records.BookingRecord> rows, String instance) {
        return rows.stream().filter(r -> r.getInstanceName().equals(instance)).findFirst().orElseThrow().getId();
    }
}
