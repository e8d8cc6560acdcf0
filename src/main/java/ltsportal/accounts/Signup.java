package ltsportal.accounts;

import java.time.Clock;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * A customer signs up with a new organization, or joins one through an invitation. Both write the
 * organization (if new) and the user in one transaction: all or nothing.
 */
public final class Signup {
    private final DSLContext db;
    private final Users users;
    private final Invitations invitations;
    private final Clock clock;
    private final EmailTokens tokens;
    private final AccountMail mail;

    public Signup(DSLContext db, Users users, Invitations invitations, Clock clock, EmailTokens tokens, AccountMail mail) {
        this.db = db;
        this.users = users;
        this.invitations = invitations;
        this.clock = clock;
        this.tokens = tokens;
        this.mail = mail;
    }

    /** The form as typed. {@code organization} is ignored when joining through an invitation. */
    public record Form(String name, String email, String password, String organization, String timeZone) {
        public Form {
            name = name == null ? "" : name.strip();
            email = email == null ? "" : email.strip();
            password = password == null ? "" : password;
            organization = organization == null ? "" : organization.strip();
            timeZone = timeZone == null ? "" : timeZone.strip();
        }
    }

    /**
     * Checks the form into {@code in}: a message per field that does not pass. A sign-up never says whether
     * its address has an account (the owner is told by email instead); an invitation names its address, so
     * joining with one that has an account says so.
     */
    public void check(ltsportal.web.Form in, Form form, boolean needsOrganization) {
        in.required("name", form.name(), Users.NAME_MAX, "Give your name (at most " + Users.NAME_MAX + " characters).");
        if (in.check(Emails.valid(form.email()), "email", "Give an email address such as ada@example.com.") && !needsOrganization) {
            in.check(!users.emailTaken(form.email()), "email", "An account with this email exists already. Sign in instead.");
        }
        Passwords.problem(form.password(), java.util.List.of(form.name(), form.email(), form.organization())).ifPresent(p -> in.check(false, "password", p));
        if (needsOrganization && in.required("organization", form.organization(), Organizations.NAME_MAX,
                "Give your organization's name (at most " + Organizations.NAME_MAX + " characters).")) {
            in.check(!Organizations.taken(db, form.organization()), "organization",
                    "This organization has an account already. Ask a colleague there to invite you.");
        }
        in.check(TimeZones.valid(form.timeZone()), "timeZone", "Choose your time zone from the list.");
    }

    /**
     * Creates the organization and its first user, who signs in once they follow the confirmation link
     * mailed in the same transaction.
     */
    public long createWithOrganization(Form form) {
        String hash = Passwords.hash(form.password());
        return transaction(tx -> {
            long orgId = Organizations.create(tx, form.organization(), clock.instant(), Organizations.Status.PENDING);
            long id = users.create(tx, new Users.NewUser(form.email(), form.name(), form.timeZone(), Role.CUSTOMER, orgId, hash),
                    clock.instant(), false);
            mail.verify(tx, form.email(), form.name(), tokens.issue(tx, id, EmailTokens.Purpose.VERIFY));
            return id;
        });
    }

    /** A sign-up with an address that has an account: its owner is told, and nothing else happens. */
    public void attempted(Form form) {
        users.byEmail(form.email()).ifPresent(owner -> db.transaction(cfg ->
                mail.signupAttempt(cfg.dsl(), owner.email(), owner.displayName(), clock.instant().toEpochMilli())));
    }

    public long createFromInvitation(Form form, Invitations.Open invitation) {
        String hash = Passwords.hash(form.password());
        return transaction(tx -> {
            if (!invitations.accept(tx, invitation.id())) {
                throw new StaleInvitation();
            }
            return users.create(tx, new Users.NewUser(form.email(), form.name(), form.timeZone(), Role.CUSTOMER,
                    invitation.orgId(), hash), clock.instant());
        });
    }

    private long transaction(java.util.function.Function<DSLContext, Long> work) {
        try {
            return db.transactionResult(cfg -> work.apply(cfg.dsl()));
        } catch (DataAccessException e) {
            // A concurrent signup took the email or organization between validation and insert.
            if (e.sqlStateClass() == org.jooq.exception.SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw new Taken();
            }
            throw e;
        }
    }

    /** The email or organization was taken meanwhile. */
    public static final class Taken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Taken() {
            super("taken meanwhile", null, false, false);
        }
    }

    /** The invitation was used or expired meanwhile. */
    public static final class StaleInvitation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaleInvitation() {
            super("invitation no longer open", null, false, false);
        }
    }
}
