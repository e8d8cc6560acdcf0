package ltsportal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.ORGANIZATION;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Customers sign up, invite colleagues, edit their profile; bad input never writes a row. */
class SignupHttpTest extends OnBothDatabases {
    private static Map<String, String> valid() {
        Map<String, String> form = new HashMap<>();
        form.put("name", "Ada Lovelace");
        form.put("email", "ada@analytical.test");
        form.put("password", "a long and memorable passphrase");
        form.put("organization", "Analytical Engines");
        form.put("timeZone", "Europe/London");
        return form;
    }

    @Test
    void signingUpCreatesTheOrganizationAndTheMailedLinkConfirmsTheAddressAndSignsIn() {
        WebClient visitor = portal.visitor();
        visitor.get("/signup");
        var response = visitor.post("/signup", valid());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("Check your inbox") && response.body().contains("ada@analytical.test"));
        assertEquals(303, visitor.get("/account").statusCode(), "not signed in yet");
        var early = portal.visitor().post("/login", Map.of("email", "ada@analytical.test", "password", "a long and memorable passphrase"));
        assertEquals(403, early.statusCode());
        assertTrue(early.body().contains("Confirm your email address first"), early.body());

        String link = portal.mailedLink("ada@analytical.test", "/account/verify");
        String confirm = visitor.get(link).body();
        assertTrue(confirm.contains("id=\"verify-button\""), "a button, so that a mail scanner following the link does not use it");
        response = visitor.post("/account/verify", Map.of("token", link.substring(link.indexOf("token=") + 6)));
        assertEquals(303, response.statusCode(), response.body());
        assertEquals("/account", response.headers().firstValue("Location").orElse(""), "the message is not in the URL");
        var again = portal.visitor();
        again.get(link);
        var used = again.post("/account/verify", Map.of("token", link.substring(link.indexOf("token=") + 6)));
        assertEquals(400, used.statusCode(), "a link works once");
        assertTrue(used.body().contains("This link has been used already"));
        String account = visitor.get("/account").body();
        assertTrue(account.contains("Analytical Engines"));
        assertTrue(account.contains("Welcome!"), "the flash kept with the new session shows on the next page");
        assertFalse(visitor.get("/account").body().contains("Welcome!"), "a flash shows once");
        assertFalse(visitor.get("/account?welcome").body().contains("Welcome!"), "the query string says nothing");
        String hash = portal.db.select(APP_USER.PASSWORD_HASH).from(APP_USER)
                .where(APP_USER.EMAIL_KEY.eq("ada@analytical.test")).fetchOne(APP_USER.PASSWORD_HASH);
        assertTrue(hash.startsWith("$argon2id$"), "the stored hash is argon2id: " + hash);
        assertEquals("customer", portal.db.select(APP_USER.ROLE).from(APP_USER)
                .where(APP_USER.EMAIL_KEY.eq("ada@analytical.test")).fetchOne(APP_USER.ROLE));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "name|''|Give your name",
            "email|not-an-email|Give an email address",
            "password|short|at least 8 characters",
            "password|password123|most common",
            "organization|''|Give your organization",
            "organization|  acme   ROBOTICS |has an account already",
            "timeZone|Mars/Olympus|Choose your time zone",
            "timeZone|''|Choose your time zone",
    })
    void badInputShowsTheFormAgainAndWritesNothing(String field, String value, String message) {
        int users = portal.db.fetchCount(APP_USER);
        int orgs = portal.db.fetchCount(ORGANIZATION);
        WebClient visitor = portal.visitor();
        visitor.get("/signup");
        Map<String, String> form = valid();
        form.put(field, value);
        var response = visitor.post("/signup", form);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains(message), response.body());
        assertTrue(response.body().contains("id=\"" + field + "-error\""), "the field is marked");
        assertFalse(response.body().contains("a long and memorable passphrase"), "passwords are never echoed");
        if (!field.equals("name")) {
            assertTrue(response.body().contains("value=\"Ada Lovelace\""), "the form keeps what was typed");
        }
        assertEquals(users, portal.db.fetchCount(APP_USER));
        assertEquals(orgs, portal.db.fetchCount(ORGANIZATION));
    }

    @Test
    void theAnswerIsTheSameForANewAndATakenAddressAndTheOwnerIsToldByMail() {
        int users = portal.db.fetchCount(APP_USER);
        WebClient first = portal.visitor();
        first.get("/signup");
        Map<String, String> fresh = valid();
        fresh.put("email", "new.person@example.test");
        var created = first.post("/signup", fresh);
        WebClient second = portal.visitor();
        second.get("/signup");
        Map<String, String> taken = valid();
        taken.put("email", "customer@demo.test");
        taken.put("organization", "Another Engines");
        var refused = second.post("/signup", taken);
        assertEquals(created.statusCode(), refused.statusCode());
        java.util.function.Function<String, String> same = body -> body.replace("new.person@example.test", "X")
                .replace("customer@demo.test", "X").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
        assertEquals(same.apply(created.body()), same.apply(refused.body()), "nothing tells the two apart");
        assertEquals(users + 1, portal.db.fetchCount(APP_USER), "only the new address made an account");
        String mail = portal.db.select(ltsportal.db.Tables.OUTBOX_MESSAGE.SUBJECT).from(ltsportal.db.Tables.OUTBOX_MESSAGE)
                .where(ltsportal.db.Tables.OUTBOX_MESSAGE.RECIPIENT_EMAIL.eq("customer@demo.test")).fetchSingle().value1();
        assertEquals("Someone tried to sign up with your address", mail);
    }

    @Test
    void aNewConfirmationLinkReplacesTheOldOneAndALinkExpiresAfter24Hours() {
        WebClient visitor = portal.visitor();
        visitor.get("/signup");
        assertEquals(200, visitor.post("/signup", valid()).statusCode());
        String first = portal.mailedLink("ada@analytical.test", "/account/verify");
        visitor.get("/account/verify/resend");
        var resent = visitor.post("/account/verify/resend", Map.of("email", "ada@analytical.test"));
        var unknown = visitor.post("/account/verify/resend", Map.of("email", "nobody@analytical.test"));
        assertEquals(resent.body().replace("ada@analytical.test", "X"), unknown.body().replace("nobody@analytical.test", "X"),
                "the same answer for an address without an account");
        String second = portal.mailedLink("ada@analytical.test", "/account/verify");
        assertFalse(first.equals(second));
        assertEquals(400, visitor.get(first).statusCode(), "the older link stopped working");
        portal.clock.advance(Duration.ofHours(24));
        var expired = visitor.get(second);
        assertEquals(400, expired.statusCode());
        assertTrue(expired.body().contains("This link has expired"));
        assertEquals(400, visitor.post("/account/verify", Map.of("token", second.substring(second.indexOf("token=") + 6))).statusCode());
        assertEquals(400, visitor.post("/account/verify/resend", Map.of("email", "not an address")).statusCode(),
                "a bad address is refused next to the field");
    }

    @Test
    void extraFieldsHaveNoEffect() {
        WebClient visitor = portal.visitor();
        visitor.get("/signup");
        Map<String, String> form = valid();
        form.put("role", "admin");
        form.put("orgId", "1");
        form.put("disabled", "true");
        assertEquals(200, visitor.post("/signup", form).statusCode());
        var row = portal.db.selectFrom(APP_USER).where(APP_USER.EMAIL_KEY.eq("ada@analytical.test")).fetchOne();
        assertEquals("customer", row.getRole());
        assertFalse(row.getDisabled());
        assertFalse(row.getOrgId().equals(1L), "a new organization, not the one named in the request");
        assertEquals(303, visitor.get("/admin/users").statusCode(), "not even signed in before confirming the address");
    }

    @Test
    void colleaguesJoinThroughAnExpiringSingleUseInvitation() {
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/account/invitations");
        var created = casey.post("/account/invitations", Map.of("email", "sam@acme.test"));
        assertEquals(201, created.statusCode());
        String body = created.body();
        int start = body.indexOf("http://portal.test/invitations/");
        String token = body.substring(start + "http://portal.test/invitations/".length(), body.indexOf('<', start));

        WebClient sam = portal.visitor();
        var form = sam.get("/invitations/" + token);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("Join Acme Robotics"));
        var joined = sam.post("/invitations/" + token, Map.of("name", "Sam", "password", "quiet orchard lantern",
                "timeZone", "Europe/Berlin", "email", "someone-else@evil.test", "organization", "Other"));
        assertEquals(303, joined.statusCode(), joined.body());
        String account = sam.get("/account").body();
        assertTrue(account.contains("sam@acme.test"), "the invitation fixes the email");
        assertTrue(account.contains("Acme Robotics"), "and the organization");

        assertEquals(404, portal.visitor().get("/invitations/" + token).statusCode(), "single use");

        casey.get("/account/invitations");
        var second = casey.post("/account/invitations", Map.of("email", "lee@acme.test"));
        String body2 = second.body();
        int s2 = body2.indexOf("http://portal.test/invitations/");
        String token2 = body2.substring(s2 + "http://portal.test/invitations/".length(), body2.indexOf('<', s2));
        portal.clock.advance(Duration.ofDays(7));
        assertEquals(404, portal.visitor().get("/invitations/" + token2).statusCode(), "expired after 7 days");
        assertEquals(404, portal.visitor().get("/invitations/not-a-token").statusCode());
    }

    @Test
    void profileAndPasswordChanges() {
        WebClient casey = portal.signedIn("customer@demo.test");
        WebClient otherDevice = portal.signedIn("customer@demo.test");
        casey.get("/account");
        var bad = casey.post("/account", Map.of("name", "", "timeZone", "Nowhere/Special"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("id=\"name-error\"") && bad.body().contains("id=\"timeZone-error\""));
        assertEquals(303, casey.post("/account", Map.of("name", "Casey", "timeZone", "Asia/Tokyo")).statusCode());
        assertTrue(casey.get("/account").body().contains("<option value=\"Asia/Tokyo\" selected=\"selected\">"));

        casey.get("/account/password");
        var wrong = casey.post("/account/password", Map.of("currentPassword", "not it", "newPassword", "a brand new passphrase"));
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("not your current password"));
        var changed = casey.post("/account/password", Map.of("currentPassword", TestPortal.DEMO_PASSWORD,
                "newPassword", "a brand new passphrase"));
        assertEquals(303, changed.statusCode());
        assertEquals(200, casey.get("/account").statusCode(), "this session stays");
        assertEquals(303, otherDevice.get("/account").statusCode(), "other sessions end");
        assertEquals(303, portal.visitor().post("/login", Map.of("email", "customer@demo.test",
                "password", "a brand new passphrase")).statusCode());
    }
}
