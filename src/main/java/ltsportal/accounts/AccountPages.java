package ltsportal.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A signed-in user's own account: profile, password, and for customers, invitations. */
public final class AccountPages {
    private final Users users;
    private final Sessions sessions;
    private final Invitations invitations;
    private final AuditLog audit;
    private final String baseUrl;

    public AccountPages(Users users, Sessions sessions, Invitations invitations, AuditLog audit, String baseUrl) {
        this.users = users;
        this.sessions = sessions;
        this.invitations = invitations;
        this.audit = audit;
        this.baseUrl = baseUrl;
    }

    public void profile(Context ctx) {
        User me = Auth.user(ctx);
        renderProfile(ctx, 200, me.displayName(), me.timeZone(), Map.of(), flash(ctx));
    }

    public void updateProfile(Context ctx) {
        User me = Auth.user(ctx);
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        String zone = ctx.formParam("timeZone") == null ? "" : ctx.formParam("timeZone").strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isEmpty() || name.length() > 120) {
            errors.put("name", "Give your name (at most 120 characters).");
        }
        if (!TimeZones.valid(zone)) {
            errors.put("timeZone", "Choose your time zone from the list.");
        }
        if (!errors.isEmpty()) {
            renderProfile(ctx, 400, name, zone, errors, null);
            return;
        }
        users.updateProfile(me, name, zone);
        ctx.redirect("/account?saved", HttpStatus.SEE_OTHER);
    }

    public void passwordForm(Context ctx) {
        ctx.render("accounts/password", Map.of("errors", Map.of()));
    }

    public void changePassword(Context ctx) {
        User me = Auth.user(ctx);
        String current = ctx.formParam("currentPassword");
        String next = ctx.formParam("newPassword");
        Map<String, String> errors = new LinkedHashMap<>();
        if (!Passwords.matches(current, users.passwordHash(me.id()).orElse(null))) {
            errors.put("currentPassword", "That is not your current password.");
        }
        Passwords.problem(next).ifPresent(p -> errors.put("newPassword", p));
        if (!errors.isEmpty()) {
            ctx.status(400).render("accounts/password", Map.of("errors", errors));
            return;
        }
        users.changePassword(me, Passwords.hash(next));
        sessions.endAll(me.id(), Auth.session(ctx).idHash());
        audit.record("password.changed", me, me.email(), "other sessions ended", ctx.ip());
        ctx.redirect("/account?passwordChanged", HttpStatus.SEE_OTHER);
    }

    public void invitationsPage(Context ctx) {
        renderInvitations(ctx, 200, "", Map.of(), null);
    }

    public void invite(Context ctx) {
        User me = Auth.user(ctx);
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
        if (!Emails.valid(email)) {
            renderInvitations(ctx, 400, email, Map.of("email", "Give your colleague's email address."), null);
            return;
        }
        String token = invitations.create(me, email);
        audit.record("invitation.created", me, Emails.key(email), "to " + me.orgName(), ctx.ip());
        renderInvitations(ctx, 201, "", Map.of(), baseUrl + "/invitations/" + token);
    }

    private void renderInvitations(Context ctx, int status, String email, Map<String, String> errors, String link) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("errors", errors);
        model.put("link", link);
        model.put("pending", invitations.pending(Auth.user(ctx)));
        ctx.status(status).render("accounts/invitations", model);
    }

    private void renderProfile(Context ctx, int status, String name, String zone, Map<String, String> errors, String flash) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", name);
        model.put("zone", zone);
        model.put("errors", errors);
        model.put("flash", flash);
        model.put("timeZones", TimeZones.ALL);
        ctx.status(status).render("accounts/profile", model);
    }

    private static String flash(Context ctx) {
        if (ctx.queryParam("saved") != null) {
            return "Your profile is saved.";
        }
        if (ctx.queryParam("passwordChanged") != null) {
            return "Your password is changed. Your other sessions were signed out.";
        }
        if (ctx.queryParam("welcome") != null) {
            return "Welcome! Your account is ready.";
        }
        return null;
    }
}
