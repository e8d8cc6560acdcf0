package ltsportal.assistance;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.BOOKING_EVENT;
import static ltsportal.db.Tables.SPIKE;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ltsportal.accounts.User;
import ltsportal.accounts.Users;
import ltsportal.notes.Markdown;
import ltsportal.planner.PlanRequest;
import ltsportal.planner.Planner;
import ltsportal.spikes.Booking;
import ltsportal.spikes.BookingService;
import ltsportal.spikes.BookingStatus;
import ltsportal.spikes.Bookings;
import ltsportal.spikes.Completion;
import ltsportal.spikes.DemoSpike;
import ltsportal.spikes.Intake;
import ltsportal.spikes.Spike;
import ltsportal.spikes.Spikes;
import ltsportal.spikes.WindowTemplate;
import ltsportal.web.Form;
import org.jooq.DSLContext;

/**
 * Demo mode's upgrade assistance, so that every part of it has something to show: on the open spike, a
 * plan waiting for review (with a conversation that holds an internal note), one with changes requested,
 * one approved and one not sent; and a finished spike whose bookings are completed with their outcomes,
 * so its report has figures. Seeded once, after {@link DemoSpike}; a second start changes nothing.
 * Not part of the test fixture, whose bookings start with nothing reviewed.
 */
public final class DemoAssistance {
    public static final String FINISHED_SPIKE = "18.8 upgrade spike (finished)";

    private DemoAssistance() {
    }

    public static void seed(DSLContext db, Clock clock, Planner planner) {
        Users users = new Users(db);
        var casey = users.byEmail("customer@demo.test");
        var gia = users.byEmail("customer2@demo.test");
        var erin = users.byEmail("engineer@demo.test");
        if (db.fetchExists(SPIKE, SPIKE.NAME.eq(FINISHED_SPIKE)) || casey.isEmpty() || gia.isEmpty() || erin.isEmpty()
                || !db.fetchExists(SPIKE, SPIKE.NAME.eq(DemoSpike.NAME))) {
            return;
        }
        Markdown markdown = new Markdown();
        Bookings bookings = new Bookings(db);
        finishedSpike(db, clock, planner, markdown, bookings, casey.get(), gia.get(), erin.get());

        // The open spike's bookings, in each state of the review. They were made five days ago, so that their
        // history reads in order (made, plan sent, decided).
        var fiveDaysAgo = clock.instant().minus(Duration.ofDays(5)).atOffset(java.time.ZoneOffset.UTC);
        var openSpike = db.select(SPIKE.ID).from(SPIKE).where(SPIKE.NAME.eq(DemoSpike.NAME)).fetchSingle(SPIKE.ID);
        var openBookings = db.select(BOOKING.ID).from(BOOKING).where(BOOKING.SPIKE_ID.eq(openSpike));
        db.update(BOOKING).set(BOOKING.CREATED_AT, fiveDaysAgo).where(BOOKING.ID.in(openBookings)).execute();
        db.update(BOOKING_EVENT).set(BOOKING_EVENT.OCCURRED_AT, fiveDaysAgo)
                .where(BOOKING_EVENT.KIND.eq("requested"), BOOKING_EVENT.BOOKING_ID.in(openBookings)).execute();
        Booking acme = byInstance(db, bookings, erin.get(), "gitlab.acme.test");
        Booking acmeDr = byInstance(db, bookings, erin.get(), "gitlab-dr.acme.test");
        Booking globex = byInstance(db, bookings, erin.get(), "git.globex.test");
        submit(db, ago(clock, Duration.ofHours(20)), casey.get(), acme, """
                1. Check that background migrations are finished (`gitlab-rake gitlab:background_migrations:status`).
                2. Upgrade to each required stop in turn, waiting for batched migrations between them.
                3. Run `gitlab-rake gitlab:check` and the smoke tests after the last one.""");
        var messages = new Messages(db, ago(clock, Duration.ofHours(19)), markdown, AssistanceMail.NONE);
        messages.add(casey.get(), acme.id(), "Our Gitaly storage is on **NFS**. Is that a problem for this upgrade?", false);
        new Messages(db, ago(clock, Duration.ofHours(18)), markdown, AssistanceMail.NONE).add(erin.get(), acme.id(),
                "NFS under Gitaly: ask them for `gitlabsos` output before we approve; check mount options.", true);
        new Messages(db, ago(clock, Duration.ofHours(17)), markdown, AssistanceMail.NONE).add(erin.get(), acme.id(),
                "Thanks for the question. Gitaly on NFS is not supported; could you attach `gitlabsos` output so we can see the mounts?",
                false);

        submit(db, ago(clock, Duration.ofDays(3)), casey.get(), acmeDr, "1. Upgrade the Geo secondary after the primary.\n2. Verify replication.");
        decide(db, ago(clock, Duration.ofDays(2)), erin.get(), acmeDr, true, "Clear and complete: approved.");

        submit(db, ago(clock, Duration.ofDays(2)), gia.get(), globex, "1. Upgrade straight to 18.11.");
        decide(db, ago(clock, Duration.ofDays(1)), erin.get(), globex, false, """
                The path from 16.11 passes **required stops** (17.3, 17.5, 17.8, 17.11, 18.2, 18.5, 18.8): list each one, and the
                PostgreSQL upgrade that 18.0 needs, with the wait for background migrations between stops.""");
        // globex's second instance has not sent a plan yet.
        DemoSpike.book(db, clock, planner, DemoSpike.NAME, 6, "customer2@demo.test", "git-dr.globex.test", "17.11.7", "globex-2");
    }

    /** A spike that ran four weeks ago: two bookings reviewed, confirmed and completed with their outcomes. */
    private static void finishedSpike(DSLContext db, Clock clock, Planner planner, Markdown markdown, Bookings bookings,
                                      User casey, User gia, User erin) {
        Clock then = ago(clock, Duration.ofDays(35));
        LocalDate start = LocalDate.now(then).plusDays(7);
        String description = "Upgrades to **GitLab 18.8**, with the engineers of the Dublin and Chicago teams on hand.";
        Spike spike = new Spike(0, FINISHED_SPIKE, description, markdown.toSafeHtml(description), start, start.plusDays(4),
                ZoneId.of("Europe/Berlin"), "18.8",
                new WindowTemplate(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(LocalTime.of(9, 0), LocalTime.of(14, 0)),
                        Duration.ofHours(4), 3),
                Set.of(), 3, 60, 24, Spike.Status.OPEN, false, DemoSpike.DEMO_MAX_BOOKINGS_PER_ORGANIZATION);
        long spikeId = new Spikes(db).create(spike, then.instant());
        Long staging = DemoSpike.book(db, then, planner, FINISHED_SPIKE, 1, "customer@demo.test", "gitlab-staging.acme.test",
                "17.8.7", "acme-old-1");
        Long legacy = DemoSpike.book(db, then, planner, FINISHED_SPIKE, 3, "customer2@demo.test", "git-legacy.globex.test",
                "16.11.10", "globex-old-1");
        db.update(SPIKE).set(SPIKE.STATUS, Spike.Status.CLOSED).where(SPIKE.ID.eq(spikeId)).execute();
        Completion completion = new Completion(db, clock, planner, markdown, Completion.NOBODY);
        if (staging != null) {
            Booking b = bookings.find(erin, staging).orElseThrow();
            submit(db, ago(clock, Duration.ofDays(30)), casey, b, "1. Each required stop in turn.\n2. Wait for batched migrations.");
            decide(db, ago(clock, Duration.ofDays(30).minusHours(3)), erin, b, true, "Approved.");
            new ltsportal.spikes.BookingChanges(new BookingService(db, ago(clock, Duration.ofDays(29)), ltsportal.spikes.BookingMail.NONE)).confirm(erin, b.id(), BookingStatus.REQUESTED, null);
            complete(completion, bookings, erin, b.id(), "upgraded", b.intake().targetVersion(), "95", """
                    Batched background migrations on `ci_pipelines` took **40 minutes** at the 18.2 stop: plan for it next time.""");
        }
        if (legacy != null) {
            Booking b = bookings.find(erin, legacy).orElseThrow();
            submit(db, ago(clock, Duration.ofDays(31)), gia, b, "1. Each required stop.\n2. PostgreSQL 16 before 18.0.");
            decide(db, ago(clock, Duration.ofDays(30).minusHours(7)), erin, b, true, "Approved; mind the PostgreSQL upgrade.");
            new ltsportal.spikes.BookingChanges(new BookingService(db, ago(clock, Duration.ofDays(29)), ltsportal.spikes.BookingMail.NONE)).confirm(erin, b.id(), BookingStatus.REQUESTED, null);
            String stoppedAt = b.upgradePath().size() > 2 ? b.upgradePath().get(b.upgradePath().size() / 2) : b.intake().currentVersion();
            complete(completion, bookings, erin, b.id(), "partially-upgraded", stoppedAt, "240", "Stopped at " + stoppedAt
                    + ": the PostgreSQL upgrade needs a window of its own. The customer books one in the 18.11 spike.");
        }
    }

    private static Clock ago(Clock clock, Duration by) {
        return Clock.offset(clock, by.negated());
    }

    private static Booking byInstance(DSLContext db, Bookings bookings, User staff, String instance) {
        long id = db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq(instance)).fetchSingle(BOOKING.ID);
        return bookings.find(staff, id).orElseThrow();
    }

    private static void submit(DSLContext db, Clock at, User customer, Booking booking, String plan) {
        new Reviews(db, at, AssistanceMail.NONE).submit(customer, booking, plan, "Restore last night's backup (restore tested last week) on the old version.",
                booking.intake().topology() + ", PostgreSQL on the same node", true);
    }

    private static void decide(DSLContext db, Clock at, User staff, Booking booking, boolean approve, String comment) {
        Set<String> ticked = approve ? Checklist.of(booking, Set.of()).stream().map(Checklist.Item::key).collect(Collectors.toSet())
                : new HashSet<>();
        new Reviews(db, at, AssistanceMail.NONE).decide(staff, booking, approve, comment, ticked);
    }

    private static void complete(Completion completion, Bookings bookings, User staff, long id, String outcome, String version,
                                 String minutes, String notes) {
        Booking fresh = bookings.find(staff, id).orElseThrow();
        var result = completion.complete(staff, fresh, Form.of(Map.of("outcome", outcome, "reachedVersion", version,
                "durationMinutes", minutes, "notes", notes)));
        if (result instanceof Completion.Refused refused) {
            throw new IllegalStateException("demo outcome refused: " + refused.errors());
        }
    }
}
