package ltsportal.accounts;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.Templates;

/** A signed-in user's own account: profile, password, and for customers, invitations. */
public final class AccountPages {
    private final Users users;
    private final Sessions sessions;
    private final Invitations invitations;
    private final AuditLog audit;
    private final String baseUrl;

    private final LoginThrottle throttle;
    private final java.time.Clock clock;
    private final String supportEmail;

    public AccountPages(Users users, Sessions sessions, Invitations invitations, AuditLog audit, LoginThrottle throttle,
                        java.time.Clock clock, String baseUrl, String supportEmail) {
        this.supportEmail = supportEmail;
        this.throttle = throttle;
        this.clock = clock;
        this.users = users;
        this.sessions = sessions;
        this.invitations = invitations;
        this.audit = audit;
        this.baseUrl = baseUrl;
    }

    /** The profile form: what a user may change of themselves. */
    public record ProfileForm(String name, String timeZone) {
        static ProfileForm bind(Form in) {
            var form = new ProfileForm(in.text("name"), in.text("timeZone"));
            in.required("name", form.name, Users.NAME_MAX, "Give your name (at most " + Users.NAME_MAX + " characters).");
            in.check(TimeZones.valid(form.timeZone), "timeZone", "Choose your time zone from the list.");
            return form;
        }
    }

    public record ProfilePage(ProfileForm form, Map<String, String> errors, List<String> timeZones) {
    }

    public record PasswordPage(Map<String, String> errors) {
    }

    public record InvitationsPage(String email, Map<String, String> errors, String link,
                                  List<Invitations.Open> pending) {
    }

    public void profile(Context ctx) {
        User me = Auth.user(ctx);
        Templates.render(ctx, "accounts/profile",
                new ProfilePage(new ProfileForm(me.displayName(), me.timeZone()), Map.of(), TimeZones.ALL));
    }

    public void updateProfile(Context ctx) {
        Form in = Form.of(ctx);
        ProfileForm form = ProfileForm.bind(in);
        if (!in.valid()) {
            audit.record("profile.change-failed", Auth.user(ctx), Auth.user(ctx).email(), String.join("; ", in.errors().values()),
                    ClientAddress.of(ctx));
            Templates.render(ctx, Form.INVALID, "accounts/profile", new ProfilePage(form, in.errors(), TimeZones.ALL));
            return;
        }
        users.updateProfile(Auth.user(ctx), form.name(), form.timeZone());
        audit.record("profile.changed", Auth.user(ctx), Auth.user(ctx).email(), "name " + form.name() + ", time zone "
                + form.timeZone(), ClientAddress.of(ctx));
        Flash.redirect(ctx, "/account", "Your profile is saved.");
    }

    public void passwordForm(Context ctx) {
        Templates.render(ctx, "accounts/password", new PasswordPage(Map.of()));
    }

    /**
     * The current password is checked under the sign-in throttle (the same counts, per account and
     * address), so this form is no faster an oracle than /login; a failed change is audited.
     */
    public void changePassword(Context ctx) {
        User me = Auth.user(ctx);
        String address = ClientAddress.of(ctx);
        Form in = Form.of(ctx);
        String next = in.exact("newPassword");
        String key = Emails.key(me.email());
        if (throttle.admit(key, address) instanceof LoginThrottle.Blocked blocked) {
            long seconds = LoginPages.secondsUntil(clock, blocked.until());
            ctx.header("Retry-After", String.valueOf(seconds));
            audit.recordRepeated("password.change-refused-throttled", me.email(), "waiting", address);
            Templates.render(ctx, 429, "accounts/password", new PasswordPage(Map.of("currentPassword",
                    "Too many wrong passwords from your address. Try again in " + LoginPages.waitText(seconds) + ".")));
            return;
        }
        boolean current;
        try {
            current = Passwords.matches(in.exact("currentPassword"), users.passwordHash(me.id()).orElse(null));
        } catch (ltsportal.web.TooBusy e) {
            throttle.notChecked(key, address);
            throw e;
        }
        if (current) {
            throttle.succeeded(key, address);
        }
        in.check(current, "currentPassword", "That is not your current password.");
        Passwords.problem(next, List.of(me.displayName(), me.email(), me.orgName() == null ? "" : me.orgName()))
                .ifPresent(p -> in.check(false, "newPassword", p));
        if (!in.valid()) {
            audit.record("password.change-failed", me, me.email(), current ? "new password refused: "
                    + in.errors().get("newPassword") : "wrong current password", address);
            Templates.render(ctx, Form.INVALID, "accounts/password", new PasswordPage(in.errors()));
            return;
        }
        users.changePassword(me, Passwords.hash(next));
        sessions.endAll(me.id(), Auth.session(ctx).idHash());
        audit.record("password.changed", me, me.email(), "other sessions ended", address);
        Flash.redirect(ctx, "/account", "Your password is changed. Your other sessions were signed out.");
    }

    public void invitationsPage(Context ctx) {
        renderInvitations(ctx, 200, "", Map.of(), null);
    }

    public void invite(Context ctx) {
        User me = Auth.user(ctx);
        Form in = Form.of(ctx);
        String email = in.text("email");
        if (!in.check(Emails.valid(email), "email", "Give your colleague's email address.")
                || !in.check(!users.emailTaken(email), "email", "This address has an account already, and an account belongs to one"
                + " organization: it cannot join yours. If it should, ask support (" + supportEmail + ") to move it.")) {
            renderInvitations(ctx, Form.INVALID, email, in.errors(), null);
            return;
        }
        String token = invitations.create(me, email);
        audit.record("invitation.created", me, Emails.key(email), "to " + me.orgName(), ClientAddress.of(ctx));
        renderInvitations(ctx, 201, "", Map.of(), baseUrl + "/invitations/" + token);
    }

    public void revokeInvitation(Context ctx) {
        User me = Auth.user(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ltsportal.web.PageNotFound("There is no invitation with this number.");
        }
        if (!invitations.revoke(me, id)) {
            throw new ltsportal.web.PageNotFound("There is no open invitation of yours with this number.");
        }
        audit.record("invitation.revoked", me, "invitation " + id, null, ClientAddress.of(ctx));
        Flash.redirect(ctx, "/account/invitations", "The invitation is revoked: its link no longer works.");
    }

    private void renderInvitations(Context ctx, int status, String email, Map<String, String> errors, String link) {
        Templates.render(ctx, status, "accounts/invitations",
                new InvitationsPage(email, errors, link, invitations.pending(Auth.user(ctx))));
    }
}
