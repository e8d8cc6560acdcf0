package ltsportal;

import java.time.Clock;
import ltsportal.accounts.DemoAccounts;
import ltsportal.accounts.Users;
import ltsportal.planner.Planner;
import ltsportal.spikes.DemoSpike;
import ltsportal.staffing.DemoStaffing;
import org.jooq.DSLContext;

/** Demo mode's data: the demo accounts, a spike with a few bookings, its staffing, and the showcase. Safe to run at every start. */
public final class Demo {
    private Demo() {
    }

    public static void seed(DSLContext db, Clock clock, String password, Content content) {
        seedHashed(db, clock, ltsportal.accounts.Passwords.hash(password), content);
    }

    /** The same, with the demo password already hashed (the portal hashes it while the database migrates). */
    public static void seedHashed(DSLContext db, Clock clock, String passwordHash, Content content) {
        DemoAccounts.seedHashed(db, new Users(db), passwordHash, clock);
        DemoSpike.seed(db, clock, new Planner(content.catalog(), content.upgradeRules()));
        DemoStaffing.seed(db, clock, DemoSpike.NAME);
    }

    /**
     * What demo mode adds for people trying the portal, beyond its accounts, spike and staffing: plans in each state of
     * the review, a conversation, a finished spike with outcomes and a report, a draft spike for the
     * next LTS line, planned ahead with weekend windows, and registered instances with a year of fleet history.
     */
    public static void showcase(DSLContext db, Clock clock, Content content) {
        ltsportal.assistance.DemoAssistance.seed(db, clock, new Planner(content.catalog(), content.upgradeRules()));
        DemoSpike.seedNextLts(db, clock, content.catalog());
        ltsportal.fleet.DemoFleet.seed(db, clock, content.catalog());
    }
}
