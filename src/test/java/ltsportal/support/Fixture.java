package ltsportal.support;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import ltsportal.accounts.DemoAccounts;
import ltsportal.accounts.DemoAccounts.Account;
import ltsportal.accounts.Passwords;
import ltsportal.accounts.Role;
import ltsportal.accounts.Users;
import ltsportal.planner.Planner;
import ltsportal.spikes.DemoSpike;
import ltsportal.spikes.DemoSpike.Seeded;
import ltsportal.spikes.Spike;
import ltsportal.spikes.WindowTemplate;
import ltsportal.staffing.DemoStaffing;
import ltsportal.staffing.DemoStaffing.Profile;
import ltsportal.staffing.Skill;
import org.jooq.DSLContext;

/**
 * The world every functional and browser test starts from, built with demo mode's builders but owned by the tests:
 * changing what demo mode shows (its organizations, its spike's dates) changes nothing here. Two customer
 * organizations and one account per staff role (one password), an open spike a week after the clock with three
 * bookings, and its staffing with one primary assigned. Seeded once per JVM and instant into a snapshot that each
 * test gets a copy of ({@link TestDatabase#seeded}).
 */
public final class Fixture {
    public static final String PASSWORD = "demo-portal-pass";

    public static final String ACME = "Acme Robotics";
    public static final String GLOBEX = "Globex Logistics";
    public static final String CUSTOMER = "customer@demo.test";
    public static final String CUSTOMER2 = "customer2@demo.test";
    public static final String ENGINEER = "engineer@demo.test";
    public static final String ENGINEER2 = "engineer2@demo.test";
    public static final String MANAGER = "manager@demo.test";
    public static final String ADMIN = "admin@demo.test";

    public static final List<Account> ACCOUNTS = List.of(
            new Account(CUSTOMER, "Casey Customer", Role.CUSTOMER, ACME, "Europe/Berlin"),
            new Account(CUSTOMER2, "Kim Customer", Role.CUSTOMER, GLOBEX, "America/New_York"),
            new Account(ENGINEER, "Erin Engineer", Role.ENGINEER, null, "Europe/Dublin"),
            new Account(ENGINEER2, "Eli Engineer", Role.ENGINEER, null, "America/Chicago"),
            new Account(MANAGER, "Morgan Manager", Role.MANAGER, null, "Europe/London"),
            new Account(ADMIN, "Alex Admin", Role.ADMIN, null, "UTC"));

    /** The open spike: two weeks from a week after the clock, weekdays at 9:00 and 14:00 Berlin, four hours each. */
    public static final String SPIKE = "18.11 LTS upgrade spike";
    public static final int SPIKE_STARTS_AFTER_DAYS = 7;
    /** Acme holds two bookings; four lets a test book two more before meeting the quota. */
    public static final int MAX_BOOKINGS_PER_ORGANIZATION = 4;

    private Fixture() {
    }

    public static List<String> emails() {
        return ACCOUNTS.stream().map(Account::email).toList();
    }

    public static void seed(DSLContext db, Instant instant) {
        var clock = java.time.Clock.fixed(instant, ZoneOffset.UTC);
        var content = TestPortal.content();
        DemoAccounts.seedHashed(db, new Users(db), Passwords.hash(PASSWORD), clock, ACCOUNTS);
        LocalDate start = LocalDate.now(clock).plusDays(SPIKE_STARTS_AFTER_DAYS);
        String description = """
                Two weeks with extra support engineers on hand for upgrades to **GitLab 18.11**, the portal's
                LTS line. Book a window, attach your plan, and an engineer reviews it before your upgrade.
                """;
        Spike spike = new Spike(0, SPIKE, description, new ltsportal.notes.Markdown().toSafeHtml(description), start,
                start.plusDays(13), ZoneId.of("Europe/Berlin"), "18.11",
                new WindowTemplate(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        List.of(LocalTime.of(9, 0), LocalTime.of(14, 0)), Duration.ofHours(4), 4),
                Set.of(), 3, 60, 24, Spike.Status.OPEN, false, MAX_BOOKINGS_PER_ORGANIZATION);
        // capacities 2, 3, 4, 2, ...: the third window (Acme's and Globex's) has one place left
        DemoSpike.seed(db, clock, new Planner(content.catalog(), content.upgradeRules()), spike, i -> 2 + i % 3, List.of(
                new Seeded(2, CUSTOMER, "gitlab.acme.test", "17.11.7", "acme-1"),
                new Seeded(4, CUSTOMER, "gitlab-dr.acme.test", "18.8.11", "acme-2"),
                new Seeded(2, CUSTOMER2, "git.globex.test", "16.11.10", "globex-1")));
        var weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        DemoStaffing.seed(db, clock, SPIKE, List.of(
                new Profile(ENGINEER, EnumSet.of(Skill.LINUX_PACKAGE, Skill.DOCKER, Skill.POSTGRESQL), 2,
                        weekdays, LocalTime.of(8, 0), LocalTime.of(17, 0), "Europe/Dublin"),
                new Profile(ENGINEER2, EnumSet.of(Skill.LINUX_PACKAGE, Skill.HELM, Skill.GEO, Skill.MULTI_NODE), 1,
                        weekdays, LocalTime.of(2, 0), LocalTime.of(11, 0), "America/Chicago"),
                new Profile(MANAGER, EnumSet.of(Skill.LINUX_PACKAGE), 1,
                        EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(8, 0), LocalTime.of(17, 0), "Europe/London")),
                MANAGER);
    }
}
