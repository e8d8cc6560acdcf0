package ltsportal.accounts;

import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;

/** Demo mode: two customer organizations and one account per staff role, all with one password. */
public final class DemoAccounts {
    public record Account(String email, String name, Role role, String organization, String timeZone) {
    }

    public static final List<Account> ACCOUNTS = List.of(
            new Account("customer@demo.test", "Casey Customer", Role.CUSTOMER, "Acme Robotics", "Europe/Berlin"),
            new Account("customer2@demo.test", "Kim Customer", Role.CUSTOMER, "Globex Logistics", "America/New_York"),
            new Account("engineer@demo.test", "Erin Engineer", Role.ENGINEER, null, "Europe/Dublin"),
            new Account("engineer2@demo.test", "Eli Engineer", Role.ENGINEER, null, "America/Chicago"),
            new Account("manager@demo.test", "Morgan Manager", Role.MANAGER, null, "Europe/London"),
            new Account("admin@demo.test", "Alex Admin", Role.ADMIN, null, "UTC"));

    private DemoAccounts() {
    }

    public static List<String> emails() {
        return ACCOUNTS.stream().map(Account::email).toList();
    }

    /** Seeds the demo accounts, all with one password given as its argon2id hash ({@link Passwords#hash}). */
    public static void seedHashed(DSLContext db, Users users, String hash, Clock clock) {
        seedHashed(db, users, hash, clock, ACCOUNTS);
    }

    /**
     * Creates the accounts that do not exist yet, and their organizations, all with one password hash; running it
     * again changes nothing. Demo mode seeds {@link #ACCOUNTS}; the test fixture its own.
     */
    public static void seedHashed(DSLContext db, Users users, String hash, Clock clock, List<Account> accounts) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            for (Account a : accounts) {
                if (users.emailTaken(a.email())) {
                    continue;
                }
                Long orgId = null;
                if (a.organization() != null) {
                    orgId = tx.select(ltsportal.db.Tables.ORGANIZATION.ID).from(ltsportal.db.Tables.ORGANIZATION)
                            .where(ltsportal.db.Tables.ORGANIZATION.NAME_KEY.eq(Organizations.key(a.organization())))
                            .fetchOptional(ltsportal.db.Tables.ORGANIZATION.ID)
                            .orElseGet(() -> Organizations.create(tx, a.organization(), clock.instant()));
                }
                users.create(tx, new Users.NewUser(a.email(), a.name(), a.timeZone(), a.role(), orgId, hash), clock.instant());
            }
        });
    }
}
