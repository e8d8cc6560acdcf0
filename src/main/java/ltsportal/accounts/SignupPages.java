package ltsportal.accounts;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.Templates;
import ltsportal.web.PageNotFound;

/** Customers sign up with their organization, or join one through an invitation link. */
public final class SignupPages {
    private final Signup signup;
    private final Invitations invitations;
    private final Sessions sessions;
    private final AuditLog audit;
    private final SessionCookies cookies;
    private final Users users;
    private final boolean demo;

    public SignupPages(Signup signup, Invitations invitations, Sessions sessions, AuditLog audit, SessionCookies cookies, Users users,
                       boolean demo) {
        this.users = users;
        this.demo = demo;
        this.signup = signup;
        this.invitations = invitations;
        this.sessions = sessions;
        this.audit = audit;
        this.cookies = cookies;
    }

    public record SignupPage(Signup.Form form, Map<String, String> errors, Invitations.Open invitation,
                             List<String> timeZones) {
    }

    public void form(Context ctx) {
        render(ctx, 200, new Signup.Form("", "", "", "", ""), Map.of(), null);
    }

    public void signup(Context ctx) {
        Form in = Form.of(ctx);
        Signup.Form form = form(in, null);
        signup.check(in, form, true);
        if (!in.valid()) {
            render(ctx, Form.INVALID, form, in.errors(), null);
            return;
        }
        if (users.emailTaken(form.email())) {
            signup.attempted(form);
            audit.record("account.signup-taken", null, form.email(), "the owner is told by email", ClientAddress.of(ctx));
            checkInbox(ctx, form.email());
            return;
        }
        try {
            signup.createWithOrganization(form);
        } catch (Signup.Taken e) {
            if (users.emailTaken(form.email())) {
                // The same address signed up a moment ago: the same answer as for any taken address.
                signup.attempted(form);
                checkInbox(ctx, form.email());
                return;
            }
            // Someone took the organization's name a moment ago: the checks now say so.
            Form again = Form.of(ctx);
            signup.check(again, form, true);
            render(ctx, 409, form, again.errors(), null);
            return;
        }
        audit.record("account.created", null, form.email(), "customer signed up; organization " + form.organization()
                + " (pending approval, address not confirmed yet)", ClientAddress.of(ctx));
        checkInbox(ctx, form.email());
    }

    /** The one answer to a sign-up, whether or not the address had an account: nobody learns who has one. */
    private void checkInbox(Context ctx, String email) {
        Templates.render(ctx, 200, "accounts/notice", new EmailPages.NoticePage("Check your inbox",
                "We sent a link to " + email + ". Follow it within 24 hours to confirm your address and sign in."
                        + (demo ? " (Demo mode sends no mail: sign in as admin@demo.test and open Outbox under Users to read it.)" : ""),
                null, "", email,
                Map.of()));
    }

    public void invitationForm(Context ctx) {
        Invitations.Open invitation = invitation(ctx);
        render(ctx, 200, new Signup.Form("", invitation.email(), "", invitation.orgName(), ""), Map.of(), invitation);
    }

    public void accept(Context ctx) {
        Invitations.Open invitation = invitation(ctx);
        Form in = Form.of(ctx);
        Signup.Form form = form(in, invitation);
        signup.check(in, form, false);
        if (!in.valid()) {
            render(ctx, Form.INVALID, form, in.errors(), invitation);
            return;
        }
        long userId;
        try {
            userId = signup.createFromInvitation(form, invitation);
        } catch (Signup.Taken | Signup.StaleInvitation e) {
            throw new PageNotFound("This invitation has been used or has expired. Ask your colleague for a new one.");
        }
        audit.record("account.created", null, form.email(), "joined " + invitation.orgName() + " by invitation", ClientAddress.of(ctx));
        signInAndGo(ctx, userId, "Welcome! Your account is ready.");
    }

    private Invitations.Open invitation(Context ctx) {
        return invitations.open(ctx.pathParam("token")).orElseThrow(() -> new PageNotFound(
                "This invitation has been used or has expired. Ask your colleague for a new one."));
    }

    /** Explicit binding: only these fields are read; an invitation fixes the email and organization. */
    private static Signup.Form form(Form in, Invitations.Open invitation) {
        return new Signup.Form(in.text("name"),
                invitation == null ? in.text("email") : invitation.email(),
                in.exact("password"),
                invitation == null ? in.text("organization") : invitation.orgName(),
                in.text("timeZone"));
    }

    private void signInAndGo(Context ctx, long userId, String welcome) {
        var old = Auth.session(ctx);
        if (old != null) {
            sessions.end(old);
        }
        cookies.setSession(ctx, sessions.start(userId, Sessions.Client.of(ctx)));
        Flash.redirect(ctx, "/account", welcome);
    }

    private void render(Context ctx, int status, Signup.Form form, Map<String, String> errors, Invitations.Open invitation) {
        Templates.render(ctx, status, "accounts/signup", new SignupPage(form, errors, invitation, TimeZones.ALL));
    }
}
