package ltsportal.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import ltsportal.web.PageNotFound;

/** Admins list, create and disable users, change staff roles, and read the audit log. */
public final class AdminPages {
    private final Users users;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Clock clock;
    private final org.jooq.DSLContext db;

    public AdminPages(org.jooq.DSLContext db, Users users, Sessions sessions, AuditLog audit, Clock clock) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    public void list(Context ctx) {
        render(ctx, 200, Map.of("role", "engineer", "timeZone", "UTC"), Map.of());
    }

    public void create(Context ctx) {
        User admin = Auth.user(ctx);
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : new String[]{"name", "email", "password", "role", "timeZone"}) {
            form.put(field, ctx.formParam(field) == null ? "" : ctx.formParam(field).strip());
        }
        form.put("password", ctx.formParam("password") == null ? "" : ctx.formParam("password"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.get("name").isEmpty() || form.get("name").length() > 120) {
            errors.put("name", "Give the person's name (at most 120 characters).");
        }
        if (!Emails.valid(form.get("email"))) {
            errors.put("email", "Give an email address.");
        } else if (users.emailTaken(form.get("email"))) {
            errors.put("email", "An account with this email exists already.");
        }
        Passwords.problem(form.get("password")).ifPresent(p -> errors.put("password", p));
        Role role = staffRole(form.get("role"));
        if (role == null) {
            errors.put("role", "Choose engineer, manager or admin.");
        }
        if (!TimeZones.valid(form.get("timeZone"))) {
            errors.put("timeZone", "Choose a time zone from the list.");
        }
        if (!errors.isEmpty()) {
            form.remove("password");
            render(ctx, 400, form, errors);
            return;
        }
        users.create(db, new Users.NewUser(form.get("email"), form.get("name"), form.get("timeZone"), role, null,
                Passwords.hash(form.get("password"))), clock.instant());
        audit.record("account.created", admin, Emails.key(form.get("email")), "staff account, role " + form.get("role"), ctx.ip());
        ctx.redirect("/admin/users?created", HttpStatus.SEE_OTHER);
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
        Role role = staffRole(ctx.formParam("role"));
        if (role == null || target.role() == Role.CUSTOMER) {
            render(ctx, 400, Map.of("role", "engineer", "timeZone", "UTC"),
                    Map.of("list", "Only staff accounts change roles, to engineer, manager or admin."));
            return;
        }
        if (target.id() == admin.id()) {
            render(ctx, 400, Map.of("role", "engineer", "timeZone", "UTC"),
                    Map.of("list", "You cannot change your own role: ask another admin."));
            return;
        }
        users.setStaffRole(admin, target.id(), role);
        audit.record("role.changed", admin, target.email(), target.roleKey() + " -> " + role.name().toLowerCase(Locale.ROOT), ctx.ip());
        ctx.redirect("/admin/users?roleChanged", HttpStatus.SEE_OTHER);
    }

    public void auditLog(Context ctx) {
        ctx.render("accounts/audit", Map.of("events", audit.latest(Auth.user(ctx), 300)));
    }

    private void setDisabled(Context ctx, boolean disabled) {
        User admin = Auth.user(ctx);
        User target = target(ctx);
        if (target.id() == admin.id()) {
            render(ctx, 400, Map.of("role", "engineer", "timeZone", "UTC"),
                    Map.of("list", "You cannot disable your own account."));
            return;
        }
        users.setDisabled(admin, target.id(), disabled);
        if (disabled) {
            sessions.endAll(target.id(), null);
        }
        audit.record(disabled ? "account.disabled" : "account.enabled", admin, target.email(), null, ctx.ip());
        ctx.redirect("/admin/users?" + (disabled ? "disabled" : "enabled"), HttpStatus.SEE_OTHER);
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

    private static Role staffRole(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip()) {
            case "engineer" -> Role.ENGINEER;
            case "manager" -> Role.MANAGER;
            case "admin" -> Role.ADMIN;
            default -> null;
        };
    }

    private void render(Context ctx, int status, Map<String, String> form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("users", users.all(Auth.user(ctx)));
        model.put("form", form);
        model.put("errors", errors);
        model.put("timeZones", TimeZones.ALL);
        model.put("flash", ctx.queryParamMap().keySet().stream().findFirst().map(AdminPages::flash).orElse(null));
        ctx.status(status).render("accounts/users", model);
    }

    private static String flash(String key) {
        return switch (key) {
            case "created" -> "The account is created.";
            case "disabled" -> "The account is disabled and its sessions ended.";
            case "enabled" -> "The account is enabled again.";
            case "roleChanged" -> "The role is changed.";
            default -> null;
        };
    }
}
