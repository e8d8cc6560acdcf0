package ltsportal.accounts;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;
import org.jooq.DSLContext;

/** Admins list, create and disable users, change staff roles, and read the audit log. */
public final class AdminPages {
    /** The roles an admin gives a staff account; customers come only through sign-up. */
    static final Map<String, Role> STAFF_ROLES = Map.of("engineer", Role.ENGINEER, "manager", Role.MANAGER, "admin", Role.ADMIN);
    private static final String STAFF_ROLE_MESSAGE = "Choose engineer, manager or admin.";

    private final Users users;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Clock clock;
    private final DSLContext db;

    public AdminPages(DSLContext db, Users users, Sessions sessions, AuditLog audit, Clock clock) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new staff account, as the admin typed it. The password is never shown again. */
    public record StaffForm(String name, String email, String password, String role, String timeZone) {
        static final StaffForm BLANK = new StaffForm("", "", "", "engineer", "UTC");

        StaffForm withoutPassword() {
            return new StaffForm(name, email, "", role, timeZone);
        }
    }

    public record UsersPage(List<User> users, StaffForm form, Map<String, String> errors, List<String> timeZones) {
    }


    public void list(Context ctx) {
        render(ctx, 200, StaffForm.BLANK, Map.of());
    }

    public void create(Context ctx) {
        Form in = Form.of(ctx);
        var form = new StaffForm(in.text("name"), in.text("email"), in.exact("password"), in.text("role"), in.text("timeZone"));
        in.required("name", form.name(), Users.NAME_MAX, "Give the person's name (at most " + Users.NAME_MAX + " characters).");
        if (in.check(Emails.valid(form.email()), "email", "Give an email address.")) {
            in.check(!users.emailTaken(form.email()), "email", "An account with this email exists already.");
        }
        Passwords.problem(form.password(), List.of(form.name(), form.email())).ifPresent(p -> in.check(false, "password", p));
        Role role = in.choice("role", form.role(), STAFF_ROLES, STAFF_ROLE_MESSAGE);
        in.check(TimeZones.valid(form.timeZone()), "timeZone", "Choose a time zone from the list.");
        if (!in.valid()) {
            render(ctx, Form.INVALID, form.withoutPassword(), in.errors());
            return;
        }
        users.create(db, new Users.NewUser(form.email(), form.name(), form.timeZone(), role, null,
                Passwords.hash(form.password())), clock.instant());
        audit.record("account.created", Auth.user(ctx), Emails.key(form.email()), "staff account, role " + form.role(), ClientAddress.of(ctx));
        Flash.redirect(ctx, "/admin/users", "The account is created.");
    }

    public void disable(Context ctx) {
        setDisabled(ctx, true);
    }

    public void enable(Context ctx) {
        setDisabled(ctx, false);
    }

    public void changeRole(Context ctx) {
        User admin = Auth.user(ctx);
        User target = target(ctx);
        Form in = Form.of(ctx);
        Role role = STAFF_ROLES.get(in.text("role"));
        in.check(role != null && target.role() != Role.CUSTOMER, "list",
                "Only staff accounts change roles, to engineer, manager or admin.");
        in.check(target.id() != admin.id(), "list", "You cannot change your own role: ask another admin.");
        if (!in.valid()) {
            render(ctx, Form.INVALID, StaffForm.BLANK, in.errors());
            return;
        }
        users.setStaffRole(admin, target.id(), role);
        audit.record("role.changed", admin, target.email(), target.roleKey() + " -> " + role.name().toLowerCase(Locale.ROOT), ClientAddress.of(ctx));
        Flash.redirect(ctx, "/admin/users", "The role is changed.");
    }


    private void setDisabled(Context ctx, boolean disabled) {
        User admin = Auth.user(ctx);
        User target = target(ctx);
        if (target.id() == admin.id()) {
            render(ctx, Form.INVALID, StaffForm.BLANK, Map.of("list", "You cannot disable your own account."));
            return;
        }
        users.setDisabled(admin, target.id(), disabled);
        if (disabled) {
            sessions.endAll(target.id(), null);
        }
        audit.record(disabled ? "account.disabled" : "account.enabled", admin, target.email(), null, ClientAddress.of(ctx));
        Flash.redirect(ctx, "/admin/users",
                disabled ? "The account is disabled and its sessions ended." : "The account is enabled again.");
    }

    private User target(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new PageNotFound("There is no such user.");
        }
        return users.byId(id).orElseThrow(() -> new PageNotFound("There is no such user."));
    }

    private void render(Context ctx, int status, StaffForm form, Map<String, String> errors) {
        Templates.render(ctx, status, "accounts/users", new UsersPage(users.all(Auth.user(ctx)), form, errors, TimeZones.ALL));
    }
}
