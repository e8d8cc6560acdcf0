package ltsportal.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import ltsportal.web.ClientAddress;
import ltsportal.web.Form;
import ltsportal.web.Templates;
import ltsportal.web.TooBusy;

/** Sign-in and sign-out. A failed sign-in never says whether the email has an account. */
public final class LoginPages {
    private final SignIn signIn;
    private final Sessions sessions;
    private final AuditLog audit;
    private final SessionCookies cookies;
    private final Clock clock;
    private final List<String> demoAccounts;

    private final SecondFactor secondFactor;
    private final Landing landing;
    private final SignInChallenges challenges;

    public LoginPages(SignIn signIn, Sessions sessions, AuditLog audit, SessionCookies cookies, Clock clock,
                      List<String> demoAccounts, SecondFactor secondFactor, SignInChallenges challenges, Landing landing) {
        this.landing = landing;
        this.secondFactor = secondFactor;
        this.challenges = challenges;
        this.signIn = signIn;
        this.sessions = sessions;
        this.audit = audit;
        this.cookies = cookies;
        this.clock = clock;
        this.demoAccounts = demoAccounts;
    }

    public void form(Context ctx) {
        if (Auth.user(ctx) != null) {
            ctx.redirect(next(ctx.queryParam("next"), Auth.user(ctx)), HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, 200, "", ctx.queryParam("next"), null);
    }

    /** The sign-in form. One message for the whole form: it never says which field was wrong. */
    public record LoginPage(String email, String next, String error, List<String> demoAccounts) {
    }

    public void login(Context ctx) {
        Form in = Form.of(ctx);
        String email = in.text("email");
        String password = in.exact("password");
        String next = in.text("next");
        if (!in.check(!email.isEmpty() && !password.isEmpty(), "form", "Give your email and your password.")) {
            render(ctx, Form.INVALID, email, next, in.errors().get("form"));
            return;
        }
        SignIn.Result result;
        try {
            result = signIn.attempt(email, password, Sessions.Client.of(ctx));
        } catch (TooBusy e) {
            ctx.header("Retry-After", String.valueOf(TooBusy.RETRY_AFTER));
            render(ctx, 429, email, next, e.getMessage());
            return;
        }
        if (result instanceof SignIn.Locked locked) {
            long seconds = secondsUntil(clock, locked.until());
            ctx.header("Retry-After", String.valueOf(seconds));
            render(ctx, 429, email, next, "Too many failed sign-ins for this account from your address. Try again in "
                    + waitText(seconds) + ".");
            return;
        }
        if (result instanceof SignIn.Refused) {
            render(ctx, 401, email, next, "That email and password do not match an account.");
            return;
        }
        if (result instanceof SignIn.Unverified) {
            // The password was right, so saying the account exists tells nothing new.
            render(ctx, 403, email, next, "Confirm your email address first: follow the link we sent to " + email
                    + ". No email? Ask for a new link below (\"No confirmation email?\").");
            return;
        }
        User user = ((SignIn.Success) result).user();
        if (secondFactor.enrolled(user.id())) {
            cookies.setChallenge(ctx, challenges.start(user.id(), "code", next));
            ctx.redirect("/login/code", HttpStatus.SEE_OTHER);
        } else if (secondFactor.requiredFor(user)) {
            secondFactor.startSetup(user.id());
            cookies.setChallenge(ctx, challenges.start(user.id(), "enrol", next));
            ctx.redirect("/login/enrol", HttpStatus.SEE_OTHER);
        } else {
            complete(ctx, user, next, "password");
        }
    }

    /** The sign-in is proved: the session from before ends, a new one starts, and the user goes where they were headed. */
    void complete(Context ctx, User user, String next, String how) {
        var old = Auth.session(ctx);
        if (old != null) {
            sessions.end(old);
        }
        cookies.setSession(ctx, signIn.startSession(user, Sessions.Client.of(ctx), how));
        ctx.redirect(next(next, user), HttpStatus.SEE_OTHER);
    }

    public void logout(Context ctx) {
        var session = Auth.session(ctx);
        if (session != null) {
            sessions.end(session);
            audit.record("logout", session.user(), session.user().email(), null, ClientAddress.of(ctx));
        }
        cookies.clearSession(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    void render(Context ctx, int status, String email, String next, String error) {
        Templates.render(ctx, status, "accounts/login", new LoginPage(email == null ? "" : email,
                Auth.safeNext(next) == null ? "" : next, error, demoAccounts));
    }

    /** Whole seconds from now until a throttle's wait ends, at least one: what Retry-After says. */
    static long secondsUntil(Clock clock, java.time.Instant until) {
        return Math.max(1, (Duration.between(clock.instant(), until).toMillis() + 999) / 1000);
    }

    static String waitText(long seconds) {
        if (seconds < 120) {
            return seconds + " second" + (seconds == 1 ? "" : "s");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }

    /** Where to go after signing in: the page asked for, if it is one of ours, else where the user's role lands. */
    String next(String next, User user) {
        String safe = Auth.safeNext(next);
        return safe != null ? safe : landing.pathFor(user);
    }
}
