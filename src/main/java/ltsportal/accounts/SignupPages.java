package ltsportal.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import ltsportal.web.PageNotFound;

/** Customers sign up with their organization, or join one through an invitation link. */
public final class SignupPages {
    private final Signup signup;
    private final Invitations invitations;
    private final Sessions sessions;
    private final AuditLog audit;
    private final SessionCookies cookies;

    public SignupPages(Signup signup, Invitations invitations, Sessions sessions, AuditLog audit, SessionCookies cookies) {
        this.signup = signup;
        this.invitations = invitations;
        this.sessions = sessions;
        this.audit = audit;
        this.cookies = cookies;
    }

    public void form(Context ctx) {
        render(ctx, 200, new Signup.Form("", "", "", "", ""), Map.of(), null);
    }

    public void signup(Context ctx) {
        Signup.Form form = form(ctx, null);
        Map<String, String> errors = signup.validate(form, true);
        if (!errors.isEmpty()) {
            render(ctx, 400, form, errors, null);
            return;
        }
        long userId;
        try {
            userId = signup.createWithOrganization(form);
        } catch (Signup.Conflict e) {
            render(ctx, 409, form, signup.validate(form, true), null);
            return;
        }
        audit.record("account.created", null, form.email(), "customer signed up; organization " + form.organization(), ctx.ip());
        signInAndGo(ctx, userId);
    }

    public void invitationForm(Context ctx) {
        Invitations.Open invitation = invitation(ctx);
        render(ctx, 200, new Signup.Form("", invitation.email(), "", invitation.orgName(), ""), Map.of(), invitation);
    }

    public void accept(Context ctx) {
        Invitations.Open invitation = invitation(ctx);
        Signup.Form form = form(ctx, invitation);
        Map<String, String> errors = signup.validate(form, false);
        if (!errors.isEmpty()) {
            render(ctx, 400, form, errors, invitation);
            return;
        }
        long userId;
        try {
            userId = signup.createFromInvitation(form, invitation);
        } catch (Signup.Conflict | Signup.StaleInvitation e) {
            throw new PageNotFound("This invitation has been used or has expired. Ask your colleague for a new one.");
        }
        audit.record("account.created", null, form.email(), "joined " + invitation.orgName() + " by invitation", ctx.ip());
        signInAndGo(ctx, userId);
    }

    private Invitations.Open invitation(Context ctx) {
        return invitations.open(ctx.pathParam("token")).orElseThrow(() -> new PageNotFound(
                "This invitation has been used or has expired. Ask your colleague for a new one."));
    }

    /** Explicit binding: only these fields are read; an invitation fixes the email and organization. */
    private static Signup.Form form(Context ctx, Invitations.Open invitation) {
        return new Signup.Form(ctx.formParam("name"),
                invitation == null ? ctx.formParam("email") : invitation.email(),
                ctx.formParam("password"),
                invitation == null ? ctx.formParam("organization") : invitation.orgName(),
                ctx.formParam("timeZone"));
    }

    private void signInAndGo(Context ctx, long userId) {
        var old = Auth.session(ctx);
        if (old != null) {
            sessions.end(old);
        }
        cookies.setSession(ctx, sessions.start(userId));
        ctx.redirect("/account?welcome", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, Signup.Form form, Map<String, String> errors, Invitations.Open invitation) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("invitation", invitation);
        model.put("timeZones", TimeZones.ALL);
        ctx.status(status).render("accounts/signup", model);
    }
}
