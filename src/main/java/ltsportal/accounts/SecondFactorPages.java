package ltsportal.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;

/**
 * The second factor: the code step of a sign-in (/login/code), setting up the app at a staff member's
 * first sign-in (/login/enrol), one's own second factor (/account/two-factor), and an admin's reset.
 */
public final class SecondFactorPages {
    private final SecondFactor factor;
    private final SignInChallenges challenges;
    private final LoginPages login;
    private final Users users;
    private final Sessions sessions;
    private final SessionCookies cookies;
    private final AuditLog audit;

    public SecondFactorPages(SecondFactor factor, SignInChallenges challenges, LoginPages login, Users users, Sessions sessions,
                             SessionCookies cookies, AuditLog audit) {
        this.factor = factor;
        this.challenges = challenges;
        this.login = login;
        this.users = users;
        this.sessions = sessions;
        this.cookies = cookies;
        this.audit = audit;
    }

    /** The code step: a code from the app, or one of the recovery codes. */
    public record CodePage(String error) {
    }

    /** Setting up the app: the QR code's address, the secret to type by hand, and the code to prove it. */
    public record EnrolPage(String action, String qr, String secret, String error, boolean required) {
    }

    /** The recovery codes, shown once, and where to go next. */
    public record RecoveryCodesPage(List<String> codes, String next) {
    }

    /** One's own second factor. */
    public record TwoFactorPage(boolean enrolled, java.time.Instant since, int recoveryCodesLeft, boolean required,
                                Map<String, String> errors) {
    }

    // ---- during sign-in -------------------------------------------------------------------------

    private SignInChallenges.Challenge challenge(Context ctx, String purpose) {
        return challenges.find(ctx.cookie(cookies.challengeName())).filter(c -> c.purpose().equals(purpose)).orElse(null);
    }

    private void expired(Context ctx) {
        cookies.clearChallenge(ctx);
        login.render(ctx, 401, "", null, "That sign-in took too long or had too many wrong codes. Sign in again.");
    }

    public void codeForm(Context ctx) {
        if (challenge(ctx, "code") == null) {
            expired(ctx);
            return;
        }
        Templates.render(ctx, "accounts/code", new CodePage(null));
    }

    public void code(Context ctx) {
        var c = challenge(ctx, "code");
        if (c == null) {
            expired(ctx);
            return;
        }
        User user = users.byId(c.userId()).orElse(null);
        String code = Form.of(ctx).text("code");
        String how = null;
        if (user != null && !user.disabled()) {
            if (SecondFactor.looksLikeAppCode(code)) {
                how = factor.verify(user.id(), code) ? "password and authenticator app" : null;
            } else if (factor.useRecoveryCode(user.id(), code)) {
                how = "password and a recovery code (" + factor.recoveryCodesLeft(user.id()) + " left)";
            }
        }
        if (how == null) {
            int left = challenges.failed(c);
            audit.record("login.second-factor-failed", null, user == null ? null : user.email(), left + " tries left",
                    ClientAddress.of(ctx));
            if (left == 0) {
                expired(ctx);
                return;
            }
            Templates.render(ctx, 400, "accounts/code", new CodePage("That code is not right (or was used already). "
                    + left + (left == 1 ? " try" : " tries") + " left."));
            return;
        }
        challenges.end(c);
        cookies.clearChallenge(ctx);
        login.complete(ctx, user, c.next(), how);
    }

    public void enrolForm(Context ctx) {
        var c = challenge(ctx, "enrol");
        if (c == null) {
            expired(ctx);
            return;
        }
        User user = users.byId(c.userId()).orElseThrow();
        renderEnrol(ctx, 200, "/login/enrol", "/login/enrol/qr.png", factor.pendingSecret(user.id()).orElseThrow(), null, true);
    }

    public void enrolQr(Context ctx) {
        var c = challenge(ctx, "enrol");
        if (c == null) {
            throw new PageNotFound("There is no sign-in waiting for its setup.");
        }
        User user = users.byId(c.userId()).orElseThrow();
        png(ctx, factor.qr(user, factor.pendingSecret(user.id()).orElseThrow()));
    }

    public void enrol(Context ctx) {
        var c = challenge(ctx, "enrol");
        if (c == null) {
            expired(ctx);
            return;
        }
        User user = users.byId(c.userId()).orElseThrow();
        List<String> codes = factor.confirm(user.id(), Form.of(ctx).text("code"));
        if (codes == null) {
            int left = challenges.failed(c);
            if (left == 0) {
                expired(ctx);
                return;
            }
            renderEnrol(ctx, 400, "/login/enrol", "/login/enrol/qr.png", factor.pendingSecret(user.id()).orElseThrow(),
                    "That code does not match. Check the app shows the LTS Portal entry just added, and the phone's time is right.", true);
            return;
        }
        challenges.end(c);
        cookies.clearChallenge(ctx);
        audit.record("second-factor.enabled", user, user.email(), "at sign-in", ClientAddress.of(ctx));
        var old = Auth.session(ctx);
        if (old != null) {
            sessions.end(old);
        }
        // Signed in now; the codes are shown on this answer, once, rather than after a redirect.
        String sessionId = sessions.start(user.id(), Sessions.Client.of(ctx));
        audit.record("login.success", user, user.email(), "password and authenticator app (just set up)", ClientAddress.of(ctx));
        cookies.setSession(ctx, sessionId);
        ctx.header("Cache-Control", "no-store");
        Templates.render(ctx, "accounts/recovery-codes", new RecoveryCodesPage(codes, login.next(c.next(), user)));
    }

    // ---- one's own --------------------------------------------------------------------------------

    public void page(Context ctx) {
        renderOwn(ctx, 200, Map.of());
    }

    /** Starts a setup (a new secret) and shows it: a POST, since it writes. */
    public void startSetup(Context ctx) {
        User me = Auth.user(ctx);
        if (!factor.enrolled(me.id())) {
            factor.startSetup(me.id());
        }
        ctx.redirect("/account/two-factor/setup", HttpStatus.SEE_OTHER);
    }

    public void setupForm(Context ctx) {
        User me = Auth.user(ctx);
        var pending = factor.pendingSecret(me.id());
        if (factor.enrolled(me.id()) || pending.isEmpty()) {
            ctx.redirect("/account/two-factor", HttpStatus.SEE_OTHER);
            return;
        }
        renderEnrol(ctx, 200, "/account/two-factor/setup", "/account/two-factor/qr.png", pending.get(), null, false);
    }

    public void setupQr(Context ctx) {
        User me = Auth.user(ctx);
        String pending = factor.pendingSecret(me.id()).orElseThrow(() -> new PageNotFound("No setup was started."));
        png(ctx, factor.qr(me, pending));
    }

    public void setup(Context ctx) {
        User me = Auth.user(ctx);
        if (factor.enrolled(me.id())) {
            ctx.redirect("/account/two-factor", HttpStatus.SEE_OTHER);
            return;
        }
        List<String> codes = factor.confirm(me.id(), Form.of(ctx).text("code"));
        if (codes == null) {
            var pending = factor.pendingSecret(me.id());
            if (pending.isEmpty()) {
                ctx.redirect("/account/two-factor", HttpStatus.SEE_OTHER);
                return;
            }
            renderEnrol(ctx, 400, "/account/two-factor/setup", "/account/two-factor/qr.png", pending.get(),
                    "That code does not match. Check the app shows the LTS Portal entry just added, and the phone's time is right.", false);
            return;
        }
        audit.record("second-factor.enabled", me, me.email(), null, ClientAddress.of(ctx));
        ctx.header("Cache-Control", "no-store");
        Templates.render(ctx, "accounts/recovery-codes", new RecoveryCodesPage(codes, "/account/two-factor"));
    }

    /** New recovery codes, proved with a code from the app. */
    public void newRecoveryCodes(Context ctx) {
        User me = Auth.user(ctx);
        if (!factor.verify(me.id(), Form.of(ctx).text("code"))) {
            renderOwn(ctx, 400, Map.of("code", "That code from your app is not right (or was used already)."));
            return;
        }
        audit.record("second-factor.recovery-codes", me, me.email(), "replaced", ClientAddress.of(ctx));
        ctx.header("Cache-Control", "no-store");
        Templates.render(ctx, "accounts/recovery-codes", new RecoveryCodesPage(factor.replaceRecoveryCodes(me.id()), "/account/two-factor"));
    }

    /** Customers may turn it off again (with a code from the app); staff may not. */
    public void disable(Context ctx) {
        User me = Auth.user(ctx);
        if (factor.requiredFor(me)) {
            renderOwn(ctx, 403, Map.of("code", "Staff accounts keep their second factor. An admin can reset it if your phone is lost."));
            return;
        }
        if (!factor.verify(me.id(), Form.of(ctx).text("code"))) {
            renderOwn(ctx, 400, Map.of("code", "That code from your app is not right (or was used already)."));
            return;
        }
        factor.reset(me.id());
        audit.record("second-factor.disabled", me, me.email(), null, ClientAddress.of(ctx));
        Flash.redirect(ctx, "/account/two-factor", "Your second factor is off.");
    }

    /** An admin clears a user's second factor (a lost phone): their sessions end; staff set it up again at sign-in. */
    public void reset(Context ctx) {
        User admin = Auth.user(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new PageNotFound("There is no such user.");
        }
        User target = users.byId(id).orElseThrow(() -> new PageNotFound("There is no such user."));
        factor.reset(target.id());
        sessions.endAll(target.id(), null);
        audit.record("second-factor.reset", admin, target.email(), "by an admin; sessions ended", ClientAddress.of(ctx));
        Flash.redirect(ctx, "/admin/users", "The second factor of " + target.email() + " is reset"
                + (factor.requiredFor(target) ? "; they set up a new one at their next sign-in." : "."));
    }

    private void renderOwn(Context ctx, int status, Map<String, String> errors) {
        User me = Auth.user(ctx);
        boolean enrolled = factor.enrolled(me.id());
        Templates.render(ctx, status, "accounts/two-factor", new TwoFactorPage(enrolled, factor.enabledAt(me.id()).orElse(null),
                enrolled ? factor.recoveryCodesLeft(me.id()) : 0, factor.requiredFor(me), errors));
    }

    private void renderEnrol(Context ctx, int status, String action, String qr, String secret, String error, boolean required) {
        ctx.header("Cache-Control", "no-store");
        Templates.render(ctx, status, "accounts/enrol", new EnrolPage(action, qr, SecondFactor.grouped(secret), error, required));
    }

    private static void png(Context ctx, byte[] png) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("image/png").result(png);
    }
}
