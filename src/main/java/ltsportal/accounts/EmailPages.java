package ltsportal.accounts;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.Templates;
import org.jooq.DSLContext;

/**
 * What arrives by email and what it leads to: confirming an address, a new confirmation link, a
 * forgotten password and its reset, and the user's notification settings. Every answer to "is there
 * an account with this address?" is the same either way.
 */
public final class EmailPages {
    private final DSLContext db;
    private final Users users;
    private final EmailTokens tokens;
    private final AccountMail mail;
    private final Sessions sessions;
    private final SessionCookies cookies;
    private final AuditLog audit;

    public EmailPages(DSLContext db, Users users, EmailTokens tokens, AccountMail mail, Sessions sessions, SessionCookies cookies,
                      AuditLog audit) {
        this.db = db;
        this.users = users;
        this.tokens = tokens;
        this.mail = mail;
        this.sessions = sessions;
        this.cookies = cookies;
        this.audit = audit;
    }

    /** A page that says one thing (a link that does not work, "check your inbox"), with an optional form. */
    public record NoticePage(String title, String message, String form, String token, String email, Map<String, String> errors) {
    }

    public record NotificationsPage(Users.Notifications notifications, boolean saved) {
    }

    // --- Confirming an address ---

    /** The link in the mail opens a page with one button, so that a mail scanner following links does not use it up. */
    public void verifyForm(Context ctx) {
        String token = token(ctx.queryParam("token"));
        if (tokens.peek(token, EmailTokens.Purpose.VERIFY).isEmpty()) {
            linkProblem(ctx, token, EmailTokens.Purpose.VERIFY);
            return;
        }
        notice(ctx, 200, "Confirm your email address", "One click and your account is ready.", "verify", token, "");
    }

    public void verify(Context ctx) {
        String token = token(Form.of(ctx).text("token"));
        Optional<Long> user = db.transactionResult(cfg -> tokens.use(cfg.dsl(), token, EmailTokens.Purpose.VERIFY));
        if (user.isEmpty()) {
            linkProblem(ctx, token, EmailTokens.Purpose.VERIFY);
            return;
        }
        User u = users.byId(user.get()).orElseThrow();
        audit.record("account.verified", u, u.email(), null, ClientAddress.of(ctx));
        var old = Auth.session(ctx);
        if (old != null) {
            sessions.end(old);
        }
        cookies.setSession(ctx, sessions.start(u.id(), Sessions.Client.of(ctx)));
        Flash.redirect(ctx, "/account", "Welcome! Your address is confirmed and your account ready. Browse versions and plan your upgrade now;"
                + " support checks new organizations before their first booking, usually within a working day.");
    }

    public void resendForm(Context ctx) {
        notice(ctx, 200, "Send a new confirmation link", "Give the address you signed up with: if its account waits for"
                + " confirmation, we send a new link.", "resend", "", "");
    }

    /** A new confirmation link, for an account that waits for one; the same answer for any address. */
    public void resend(Context ctx) {
        Form in = Form.of(ctx);
        String email = in.text("email");
        if (!in.check(Emails.valid(email), "email", "Give the email address you signed up with.")) {
            notice(ctx, Form.INVALID, "Send a new confirmation link", "", "resend", "", email, in.errors());
            return;
        }
        users.byEmail(email).filter(u -> !users.verified(u.id()) && !u.disabled()).ifPresent(u -> db.transaction(cfg -> {
            String token = tokens.issue(cfg.dsl(), u.id(), EmailTokens.Purpose.VERIFY);
            mail.verify(cfg.dsl(), u.email(), u.displayName(), token);
        }));
        notice(ctx, 200, "Check your inbox", "If an account with this address waits for confirmation, a new link is on its way to "
                + email + ". It works once, for 24 hours.", null, "", email);
    }

    // --- A forgotten password ---

    public void forgotForm(Context ctx) {
        notice(ctx, 200, "Forgot your password?", "Give your account's email address: we send you a link to choose a new password.",
                "forgot", "", "");
    }

    public void forgot(Context ctx) {
        Form in = Form.of(ctx);
        String email = in.text("email");
        if (!in.check(Emails.valid(email), "email", "Give your account's email address, such as ada@example.com.")) {
            notice(ctx, Form.INVALID, "Forgot your password?", "Give your account's email address: we send you a link to choose a new password.",
                    "forgot", "", email, in.errors());
            return;
        }
        var user = users.byEmail(email).filter(u -> !u.disabled());
        user.ifPresent(u -> db.transaction(cfg -> {
            String token = tokens.issue(cfg.dsl(), u.id(), EmailTokens.Purpose.RESET);
            mail.reset(cfg.dsl(), u.email(), u.displayName(), token);
        }));
        audit.record("password.reset-asked", null, Emails.key(email), user.isPresent() ? null : "no such account", ClientAddress.of(ctx));
        notice(ctx, 200, "Check your inbox", "If an account with this address exists, a link to choose a new password is on its way to "
                + email + ". It works once, for one hour.", null, "", email);
    }

    public void resetForm(Context ctx) {
        String token = token(ctx.queryParam("token"));
        if (tokens.peek(token, EmailTokens.Purpose.RESET).isEmpty()) {
            linkProblem(ctx, token, EmailTokens.Purpose.RESET);
            return;
        }
        notice(ctx, 200, "Choose a new password", "Your new password signs you out everywhere else.", "reset", token, "");
    }

    public void reset(Context ctx) {
        Form in = Form.of(ctx);
        String token = token(in.text("token"));
        String password = in.exact("password");
        var userId = tokens.peek(token, EmailTokens.Purpose.RESET);
        if (userId.isEmpty()) {
            linkProblem(ctx, token, EmailTokens.Purpose.RESET);
            return;
        }
        User user = users.byId(userId.get()).orElseThrow();
        Passwords.problem(password, java.util.List.of(user.displayName(), user.email())).ifPresent(p -> in.check(false, "password", p));
        if (!in.valid()) {
            notice(ctx, Form.INVALID, "Choose a new password", "Your new password signs you out everywhere else.", "reset", token, "",
                    in.errors());
            return;
        }
        String hash = Passwords.hash(password);
        boolean done = db.transactionResult(cfg -> {
            if (tokens.use(cfg.dsl(), token, EmailTokens.Purpose.RESET).isEmpty()) {
                return false;
            }
            users.changePassword(cfg.dsl(), user.id(), hash);
            sessions.endAll(cfg.dsl(), user.id());
            return true;
        });
        if (!done) {
            linkProblem(ctx, token, EmailTokens.Purpose.RESET);
            return;
        }
        audit.record("password.reset", user, user.email(), "every session ended", ClientAddress.of(ctx));
        Flash.redirect(ctx, "/login", "Your password is changed and you are signed out everywhere. Sign in with the new one.");
    }

    // --- Notification settings ---

    public void notifications(Context ctx) {
        Templates.render(ctx, "accounts/notifications", new NotificationsPage(users.notifications(Auth.user(ctx)), false));
    }

    public void saveNotifications(Context ctx) {
        User me = Auth.user(ctx);
        Form in = Form.of(ctx);
        var chosen = new Users.Notifications(in.text("reminders").equals("true"), in.text("conversation").equals("true"),
                in.text("lifecycle").equals("true"));
        users.setNotifications(me, chosen);
        audit.record("account.notifications", me, me.email(), "reminders " + chosen.reminders() + ", conversation " + chosen.conversation()
                + ", lifecycle " + chosen.lifecycle(), ClientAddress.of(ctx));
        Flash.redirect(ctx, "/account/notifications", "Your notification settings are saved.");
    }

    // ---

    private void linkProblem(Context ctx, String token, EmailTokens.Purpose purpose) {
        boolean verify = purpose == EmailTokens.Purpose.VERIFY;
        String why = switch (tokens.problem(token, purpose)) {
            case USED -> "This link has been used already: each works once.";
            case EXPIRED -> "This link has expired: it worked for " + (verify ? "24 hours." : "one hour.");
            default -> "This link is not one we sent, or it was cut short when it was copied.";
        };
        notice(ctx, 400, verify ? "This confirmation link does not work" : "This reset link does not work",
                why + (verify ? " If your account still waits for confirmation, ask for a new link below; if it is confirmed, just sign in."
                        : " Ask for a new one below."),
                verify ? "resend" : "forgot", "", "");
    }

    private void notice(Context ctx, int status, String title, String message, String form, String token, String email) {
        notice(ctx, status, title, message, form, token, email, Map.of());
    }

    private void notice(Context ctx, int status, String title, String message, String form, String token, String email,
                        Map<String, String> errors) {
        Templates.render(ctx, status, "accounts/notice", new NoticePage(title, message, form, token, email, errors));
    }

    /** A token as it may come from a link: anything not shaped like ours is treated as unknown. */
    private static String token(String raw) {
        return raw == null || !raw.matches("[A-Za-z0-9_-]{43}") ? "" : raw;
    }
}
