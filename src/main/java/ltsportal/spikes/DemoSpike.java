package ltsportal.spikes;

import static ltsportal.db.Tables.SPIKE;
import static ltsportal.db.Tables.SPIKE_WINDOW;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import ltsportal.accounts.Users;
import ltsportal.planner.PlanRequest;
import ltsportal.planner.Planner;
import ltsportal.notes.Markdown;
import org.jooq.DSLContext;

/**
 * Demo mode: one open spike starting a week after the clock, windows of capacity 2 to 4, and a few
 * bookings from the demo customers. Seeded once; a second start changes nothing.
 */
public final class DemoSpike {
    public static final String NAME = "18.11 LTS upgrade spike";

    /** Acme holds two seeded bookings; four lets a visitor trying the demo book two more before meeting the quota. */
    public static final int DEMO_MAX_BOOKINGS_PER_ORGANIZATION = 4;

    private DemoSpike() {
    }

    /**
     * A draft spike for the next LTS line (the next x.11 the catalog does not have yet), planned ahead with
     * weekend windows: how a manager prepares the next LTS season before GitLab ships it. Demo mode only.
     */
    public static void seedNextLts(DSLContext db, Clock clock, ltsportal.catalog.Catalog catalog) {
        var newest = catalog.newest().version();
        String focus = (newest.minor() < 11 ? newest.major() : newest.major() + 1) + ".11";
        String name = focus + " LTS weekend spike (planning)";
        if (catalog.line(focus).isPresent() || db.fetchExists(SPIKE, SPIKE.NAME.eq(name))) {
            return;
        }
        LocalDate start = LocalDate.now(clock).plusDays(140).with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SATURDAY));
        String description = "Planned ahead for **GitLab " + focus + "**, the next LTS line, which is not released yet."
                + " Weekend windows for customers who can only take downtime on Saturdays and Sundays; the dates are"
                + " provisional until the release ships. Still a draft: only staff see it.";
        Spike spike = new Spike(0, name, description, new Markdown().toSafeHtml(description), start, start.plusDays(15),
                ZoneId.of("Europe/Berlin"), focus,
                new WindowTemplate(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        List.of(LocalTime.of(8, 0), LocalTime.of(14, 0)), Duration.ofHours(5), 3),
                Set.of(), 5, 90, 48, Spike.Status.DRAFT, false, DEMO_MAX_BOOKINGS_PER_ORGANIZATION);
        new Spikes(db).create(spike, clock.instant());
    }

    public static void seed(DSLContext db, Clock clock, Planner planner) {
        LocalDate start = LocalDate.now(clock).plusDays(7);
        String description = """
                Two weeks with extra support engineers on hand for upgrades to **GitLab 18.11**, the portal's
                LTS line. Book a window, attach your plan, and an engineer reviews it before your upgrade.
                """;
        Spike spike = new Spike(0, NAME, description, new Markdown().toSafeHtml(description), start, start.plusDays(13),
                ZoneId.of("Europe/Berlin"), "18.11",
                new WindowTemplate(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        List.of(LocalTime.of(9, 0), LocalTime.of(14, 0)), Duration.ofHours(4), 4),
                Set.of(), 3, 60, 24, Spike.Status.OPEN, false, DEMO_MAX_BOOKINGS_PER_ORGANIZATION);
        seed(db, clock, planner, spike, i -> 2 + i % 3, List.of(
                new Seeded(2, "customer@demo.test", "gitlab.acme.test", "17.11.7", "acme-1"),
                new Seeded(4, "customer@demo.test", "gitlab-dr.acme.test", "18.8.11", "acme-2"),
                new Seeded(2, "customer2@demo.test", "git.globex.test", "16.11.10", "globex-1")));
    }

    /** A booking to seed: window number {@code window} (in start order), by the customer {@code email}, upgrading from {@code from}. */
    public record Seeded(int window, String email, String instance, String from, String key) {
    }

    /**
     * Creates {@code spike} unless one of its name exists, sets window number i's capacity to {@code capacity(i)}
     * and books {@code bookings} through the booking service, planned from each one's version to the spike's line.
     * Demo mode seeds its spike with it; the test fixture its own.
     */
    public static void seed(DSLContext db, Clock clock, Planner planner, Spike spike, java.util.function.IntUnaryOperator capacity,
                            List<Seeded> bookings) {
        if (db.fetchExists(SPIKE, SPIKE.NAME.eq(spike.name()))) {
            return;
        }
        Spikes spikes = new Spikes(db);
        long id = spikes.create(spike, clock.instant());
        List<SpikeWindow> windows = spikes.windows(id);
        for (int i = 0; i < windows.size(); i++) {
            db.update(SPIKE_WINDOW).set(SPIKE_WINDOW.CAPACITY, capacity.applyAsInt(i)).where(SPIKE_WINDOW.ID.eq(windows.get(i).id())).execute();
        }
        Spike saved = spikes.byId(id).orElseThrow();
        Users users = new Users(db);
        BookingService service = new BookingService(db, clock, BookingMail.NONE);
        for (Seeded b : bookings) {
            book(service, planner, clock, users, saved, windows.get(b.window()).id(), b.email(), b.instance(), b.from(), b.key());
        }
    }

    private static void book(BookingService service, Planner planner, Clock clock, Users users, Spike spike, long windowId,
                             String email, String instance, String from, String key) {
        book(service, planner, clock, users, spike, windowId, email, instance, from, key, "Seeded by demo mode.");
    }

    /**
     * Books window number {@code window} (in start order) of the named spike for a demo customer, as of
     * {@code clock}: for further demo data (upgrade assistance). The booking's number, or null if it was not made.
     */
    public static Long book(DSLContext db, Clock clock, Planner planner, String spikeName, int window, String email,
                            String instance, String from, String key) {
        Spikes spikes = new Spikes(db);
        var spike = spikes.all().stream().filter(s -> s.name().equals(spikeName)).findFirst();
        if (spike.isEmpty()) {
            return null;
        }
        var windows = spikes.windows(spike.get().id());
        var result = book(new BookingService(db, clock, BookingMail.NONE), planner, clock, new Users(db), spike.get(), windows.get(window).id(), email,
                instance, from, key, "Seeded by demo mode.");
        return result instanceof BookingService.Done done ? done.bookingId() : null;
    }

    private static BookingService.Result book(BookingService service, Planner planner, Clock clock, Users users, Spike spike,
                                              long windowId, String email, String instance, String from, String key, String notes) {
        var customer = users.byEmail(email);
        if (customer.isEmpty()) {
            return new BookingService.Refused("no such demo customer", false);
        }
        var plan = ((Planner.Planned) planner.plan(new PlanRequest(from, spike.focus(), "", false), LocalDate.now(clock))).plan();
        Intake intake = new Intake(instance, "linux-package", "ee", "single-node", false, plan.from().toString(),
                plan.to().toString(), customer.get().displayName(), email, "", "", "", notes);
        return service.book(customer.get(), spike, windowId, intake, BookingForm.pathOf(plan), "demo-seed-" + key + "-000000000000");
    }
}
