package ltsportal.mail;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.USER_SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import ltsportal.support.Smtp;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** Account email end to end through a real SMTP server: sign-up, a forgotten password, invitations, notification settings. */
class AccountMailTest extends ltsportal.support.OnBothDatabasesWithMail {
    /** The link in the newest mail to {@code email}, as a path on the portal. */
    private String link(String email, String path) {
        portal.deliverMail();
        var messages = smtp.to(email);
        String text = Smtp.part(messages.get(messages.size() - 1), "text/plain");
        var m = Pattern.compile(Pattern.quote(TestPortal.BASE_URL) + "(" + Pattern.quote(path) + "\\S*)").matcher(text);
        assertTrue(m.find(), "a link to " + path + " in: " + text);
        return m.group(1);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    @Test
    void aForgottenPasswordIsResetOnceThroughTheMailedLinkAndEverySessionEnds() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long user = portal.db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq("customer@demo.test")).fetchSingle(APP_USER.ID);
        assertTrue(portal.db.fetchCount(USER_SESSION, USER_SESSION.USER_ID.eq(user)) > 0);
        WebClient visitor = portal.visitor();
        visitor.get("/password/forgot");
        var known = visitor.post("/password/forgot", Map.of("email", "customer@demo.test"));
        var unknown = visitor.post("/password/forgot", Map.of("email", "nobody@demo.test"));
        assertEquals(200, known.statusCode());
        assertEquals(known.body().replace("customer@demo.test", "X"), unknown.body().replace("nobody@demo.test", "X"),
                "the same answer for an unknown address");
        String link = link("customer@demo.test", "/password/reset");
        assertEquals(1, smtp.received().size(), "nothing to the unknown address");

        var form = visitor.get(link);
        assertEquals(200, form.statusCode());
        var weak = visitor.post("/password/reset", Map.of("token", token(link), "password", "password1"));
        assertEquals(400, weak.statusCode());
        assertTrue(weak.body().contains("id=\"password-error\""), "a weak password is refused next to the field");
        var done = visitor.post("/password/reset", Map.of("token", token(link), "password", "violet harbour kettle drum"));
        assertEquals(303, done.statusCode(), done.body());
        assertEquals(0, portal.db.fetchCount(USER_SESSION, USER_SESSION.USER_ID.eq(user)), "every session ended");
        assertEquals(303, casey.get("/account").statusCode(), "the old session is gone");
        assertEquals(303, portal.visitor().post("/login", Map.of("email", "customer@demo.test", "password", "violet harbour kettle drum"))
                .statusCode(), "the new password works");
        var again = visitor.post("/password/reset", Map.of("token", token(link), "password", "another fine passphrase here"));
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("This link has been used already"));
    }

    @Test
    void anExpiredOrTamperedLinkAnswersAClearPage() {
        WebClient visitor = portal.visitor();
        visitor.get("/password/forgot");
        visitor.post("/password/forgot", Map.of("email", "customer@demo.test"));
        String link = link("customer@demo.test", "/password/reset");
        var tampered = visitor.get(link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A"));
        assertEquals(400, tampered.statusCode());
        assertTrue(tampered.body().contains("This link is not one we sent"));
        assertEquals(400, visitor.get("/password/reset?token=%3Cscript%3E").statusCode());
        portal.clock.advance(Duration.ofMinutes(61));
        var expired = visitor.get(link);
        assertEquals(400, expired.statusCode());
        assertTrue(expired.body().contains("This link has expired"), expired.body());
        assertFalse(expired.body().contains("Exception"), "never a stack trace");
    }

    @Test
    void anInvitationIsMailedToTheInviteeAndTheInviterCanRevokeIt() throws Exception {
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/account/invitations");
        assertEquals(201, casey.post("/account/invitations", Map.of("email", "sam@acme.test")).statusCode());
        String link = link("sam@acme.test", "/invitations/");
        assertTrue(smtp.to("sam@acme.test").get(0).getSubject().contains("invites you to Acme Robotics"));
        assertEquals(200, portal.visitor().get(link).statusCode());

        String page = casey.get("/account/invitations").body();
        var m = Pattern.compile("/account/invitations/(\\d+)/revoke").matcher(page);
        assertTrue(m.find(), "the inviter can revoke it");
        assertEquals(303, casey.post("/account/invitations/" + m.group(1) + "/revoke", Map.of()).statusCode());
        assertEquals(404, portal.visitor().get(link).statusCode(), "a revoked invitation's link no longer works");
        assertEquals(404, casey.post("/account/invitations/" + m.group(1) + "/revoke", Map.of()).statusCode(), "once");
    }

    @Test
    void someoneWhoTurnedConversationNoticesOffHearsOnlyWhatAlwaysGoesOut() {
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/account/notifications");
        assertEquals(303, casey.post("/account/notifications", Map.of("reminders", "true", "lifecycle", "true")).statusCode());
        assertTrue(casey.get("/account/notifications").body().contains("name=\"conversation\" value=\"true\">"),
                "conversation is unticked now");
        long id = portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/messages", Map.of("body", "Hello from support")).statusCode());
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/cancel", Map.of("reason", "customer asked")).statusCode());
        portal.deliverMail();
        var toCasey = smtp.to("customer@demo.test");
        assertEquals(1, toCasey.size(), "only the booking's change");
        try {
            assertTrue(toCasey.get(0).getSubject().startsWith("Upgrade window cancelled"));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
