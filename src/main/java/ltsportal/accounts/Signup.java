package ltsportal.accounts;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
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

    public Signup(DSLContext db, Users users, Invitations invitations, Clock clock) {
        this.db = db;
        this.users = users;
        this.invitations = invitations;
        this.clock = clock;
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

    public Map<String, String> validate(Form form, boolean needsOrganization) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.name().isEmpty() || form.name().length() > 120) {
            errors.put("name", "Give your name (at most 120 characters).");
        }
        if (!Emails.valid(form.email())) {
            errors.put("email", "Give an email address such as ada@example.com.");
        } else if (users.emailTaken(form.email())) {
            errors.put("email", "An account with this email exists already. Sign in instead.");
        }
        Passwords.problem(form.password()).ifPresent(p -> errors.put("password", p));
        if (needsOrganization) {
            if (form.organization().isEmpty() || form.organization().length() > 200) {
                errors.put("organization", "Give your organization's name (at most 200 characters).");
            } else if (Organizations.taken(db, form.organization())) {
                errors.put("organization", "This organization has an account already. Ask a colleague there to invite you.");
            }
        }
        if (!TimeZones.valid(form.timeZone())) {
            errors.put("timeZone", "Choose your time zone from the list.");
        }
        return errors;
    }

    /** Creates the organization and its first user; empty errors on success, else why not. */
    public long createWithOrganization(Form form) {
        String hash = Passwords.hash(form.password());
        return transaction(tx -> {
            long orgId = Organizations.create(tx, form.organization(), clock.instant());
            return users.create(tx, new Users.NewUser(form.email(), form.name(), form.timeZone(), Role.CUSTOMER, orgId, hash),
                    clock.instant());
        });
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
                throw new Conflict();
            }
            throw e;
        }
    }

    /** The email or organization was taken meanwhile. */
    public static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict() {
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
