package ltsportal.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import ltsportal.mail.MailTemplates;
import ltsportal.mail.Outbox;
import org.jooq.DSLContext;

/** Account email, queued in the transaction of the change: verify an address, a sign-up attempt on a taken one, reset a password, an invitation. */
public final class AccountMail {
    private final MailTemplates templates;
    private final Clock clock;

    public AccountMail(MailTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    private void send(DSLContext tx, String key, String kind, String email, String name, String subject, String headline, String action,
                      String link, String note) {
        var values = new LinkedHashMap<String, Object>();
        values.put("headline", headline);
        values.put("action", action);
        values.put("link", link);
        values.put("note", note);
        Outbox.enqueue(tx, clock, templates.letter(key, kind, email, name, subject, "account", values, null, null, false));
    }

    private String url(String path, String token) {
        return templates.baseUrl() + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    void verify(DSLContext tx, String email, String name, String token) {
        send(tx, "verify:" + Tokens.hash(token), "verify", email, name, "Confirm your email address for LTS Portal",
                "Someone, probably you, made an LTS Portal account with this address. Confirm it to sign in.",
                "Confirm my address", url("/account/verify", token),
                "The link works once, for " + EmailTokens.VERIFY_FOR.toHours() + " hours. If you did not sign up, ignore this email.");
    }

    void signupAttempt(DSLContext tx, String email, String name, long attempt) {
        send(tx, "signup-attempt:" + Emails.key(email) + ":" + attempt, "signup-attempt", email, name,
                "Someone tried to sign up with your address",
                "Someone tried to make a new LTS Portal account with this address, which already has one. Nothing changed.",
                "Sign in", templates.baseUrl() + "/login",
                "If it was you, sign in instead; if you forgot your password, reset it from the sign-in page. If it was not you, ignore this email.");
    }

    void reset(DSLContext tx, String email, String name, String token) {
        send(tx, "reset:" + Tokens.hash(token), "reset", email, name, "Reset your LTS Portal password",
                "Someone, probably you, asked to reset the password of your LTS Portal account.",
                "Choose a new password", url("/password/reset", token),
                "The link works once, for " + EmailTokens.RESET_FOR.toMinutes() + " minutes, and signs you out everywhere."
                        + " If you did not ask, ignore this email: your password stays as it is.");
    }

    void invitation(DSLContext tx, String email, String inviterName, String orgName, String link, long invitationId, java.time.Duration validFor) {
        send(tx, "invitation:" + invitationId, "invitation", email, null, inviterName + " invites you to " + orgName + " on LTS Portal",
                inviterName + " invites you to join " + orgName + " on LTS Portal, to plan GitLab upgrades and book upgrade windows"
                        + " with support.", "Accept the invitation", link,
                "The invitation is valid for " + validFor.toDays() + " days and works once.");
    }
}
