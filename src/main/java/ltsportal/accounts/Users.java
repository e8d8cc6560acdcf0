package ltsportal.accounts;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.ORGANIZATION;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ltsportal.db.tables.records.AppUserRecord;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Reads and writes users. Changes to other people's accounts take the acting admin. */
public final class Users {
    /** The longest name a person (and a contact on a booking) may have: the column's width. */
    public static final int NAME_MAX = 120;

    private final DSLContext db;

    public Users(DSLContext db) {
        this.db = db;
    }

    public record NewUser(String email, String displayName, String timeZone, Role role, Long orgId, String passwordHash) {
    }

    /** An account whose address is known to be its owner's (made by an admin, a command, an invitation, demo mode). */
    public long create(DSLContext tx, NewUser user, Instant now) {
        return create(tx, user, now, true);
    }

    /** {@code verified} false: a sign-up, which signs in once its owner follows the link mailed to the address. */
    public long create(DSLContext tx, NewUser user, Instant now, boolean verified) {
        return tx.insertInto(APP_USER)
                .set(APP_USER.EMAIL_VERIFIED_AT, verified ? now.atOffset(ZoneOffset.UTC) : null)
                .set(APP_USER.EMAIL, user.email().strip())
                .set(APP_USER.EMAIL_KEY, Emails.key(user.email()))
                .set(APP_USER.DISPLAY_NAME, user.displayName().strip())
                .set(APP_USER.TIME_ZONE, user.timeZone())
                .set(APP_USER.ROLE, user.role().name().toLowerCase(Locale.ROOT))
                .set(APP_USER.ORG_ID, user.orgId())
                .set(APP_USER.PASSWORD_HASH, user.passwordHash())
                .set(APP_USER.DISABLED, false)
                .set(APP_USER.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
    }

    public boolean verified(long userId) {
        return db.fetchExists(APP_USER, APP_USER.ID.eq(userId).and(APP_USER.EMAIL_VERIFIED_AT.isNotNull()));
    }

    /** What a user chose to hear of by email. */
    public record Notifications(boolean reminders, boolean conversation, boolean lifecycle) {
    }

    public Notifications notifications(User self) {
        return db.select(APP_USER.NOTIFY_REMINDERS, APP_USER.NOTIFY_CONVERSATION, APP_USER.NOTIFY_LIFECYCLE).from(APP_USER)
                .where(APP_USER.ID.eq(self.id())).fetchSingle(r -> new Notifications(r.value1(), r.value2(), r.value3()));
    }

    public void setNotifications(User self, Notifications n) {
        db.update(APP_USER).set(APP_USER.NOTIFY_REMINDERS, n.reminders()).set(APP_USER.NOTIFY_CONVERSATION, n.conversation())
                .set(APP_USER.NOTIFY_LIFECYCLE, n.lifecycle()).where(APP_USER.ID.eq(self.id())).execute();
    }

    public boolean emailTaken(String email) {
        return db.fetchExists(APP_USER, APP_USER.EMAIL_KEY.eq(Emails.key(email)));
    }

    public Optional<User> byId(long id) {
        return select(db).where(APP_USER.ID.eq(id)).fetchOptional(Users::user);
    }

    public Optional<User> byEmail(String email) {
        return select(db).where(APP_USER.EMAIL_KEY.eq(Emails.key(email))).fetchOptional(Users::user);
    }

    /** The stored hash, for the sign-in check only. */
    public Optional<String> passwordHash(long userId) {
        return db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.PASSWORD_HASH);
    }

    public void updateProfile(User self, String displayName, String timeZone) {
        db.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, displayName.strip())
                .set(APP_USER.TIME_ZONE, timeZone)
                .where(APP_USER.ID.eq(self.id()))
                .execute();
    }

    public void changePassword(User self, String newHash) {
        changePassword(db, self.id(), newHash);
    }

    /** A reset by email: in the transaction that uses up the link. */
    public void changePassword(DSLContext tx, long userId, String newHash) {
        tx.update(APP_USER).set(APP_USER.PASSWORD_HASH, newHash).where(APP_USER.ID.eq(userId)).execute();
    }

    public List<User> all(User admin) {
        requireAdmin(admin);
        return select(db).orderBy(APP_USER.ROLE, APP_USER.EMAIL_KEY).fetch(Users::user);
    }

    public void setDisabled(User admin, long userId, boolean disabled) {
        requireAdmin(admin);
        db.update(APP_USER).set(APP_USER.DISABLED, disabled).where(APP_USER.ID.eq(userId)).execute();
    }

    /** Staff roles only: a customer belongs to an organization, which staff do not. */
    public void setStaffRole(User admin, long userId, Role role) {
        requireAdmin(admin);
        if (role == Role.CUSTOMER || role == Role.ANYONE) {
            throw new IllegalArgumentException("not a staff role: " + role);
        }
        db.update(APP_USER).set(APP_USER.ROLE, role.name().toLowerCase(Locale.ROOT))
                .where(APP_USER.ID.eq(userId).and(APP_USER.ROLE.ne("customer")))
                .execute();
    }

    private static void requireAdmin(User admin) {
        if (admin == null || admin.role() != Role.ADMIN || admin.disabled()) {
            throw new SecurityException("only an admin may do this");
        }
    }

    private static org.jooq.SelectOnConditionStep<Record> select(DSLContext db) {
        return db.select(APP_USER.fields()).select(ORGANIZATION.NAME)
                .from(APP_USER).leftJoin(ORGANIZATION).on(ORGANIZATION.ID.eq(APP_USER.ORG_ID));
    }

    static User user(Record r) {
        AppUserRecord u = r.into(APP_USER);
        return new User(u.getId(), u.getEmail(), u.getDisplayName(), u.getTimeZone(),
                Role.valueOf(u.getRole().toUpperCase(Locale.ROOT)), u.getOrgId(), r.get(ORGANIZATION.NAME),
                u.getDisabled());
    }
}
