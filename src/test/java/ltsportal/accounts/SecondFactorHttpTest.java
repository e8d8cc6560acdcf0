package ltsportal.accounts;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.AUDIT_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/**
 * TOTP for staff (required at their next sign-in) and customers (optional), recovery codes, and an
 * admin's reset. The test portal runs in demo mode, where the demo accounts are exempt, so these tests
 * use staff accounts an admin creates, as in a real deployment.
 */
class SecondFactorHttpTest extends OnBothDatabases {
    private static final Pattern SECRET = Pattern.compile("<code class=\"secret\">([A-Z2-7 ]+)</code>");
    private static final Pattern CODES = Pattern.compile("<li><code>([a-z0-9-]+)</code></li>");
    private static final String PASSWORD = "tulip harbour mosaic";

    private long createStaff(String email, String role) {
        WebClient admin = portal.signedIn("admin@demo.test");
        admin.get("/admin/users");
        var r = admin.post("/admin/users", Map.of("name", "New Person", "email", email, "password", PASSWORD, "role", role,
                "timeZone", "UTC"));
        assertEquals(303, r.statusCode(), r.body());
        return portal.db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL_KEY.eq(email)).fetchSingle(APP_USER.ID);
    }

    private WebClient password(String email, String password) {
        WebClient v = portal.visitor();
        v.get("/login");
        var r = v.post("/login", Map.of("email", email, "password", password));
        assertEquals(303, r.statusCode(), r.body());
        return v;
    }

    /** Where the password step of a sign-in leads. */
    private String firstStep(String email) {
        WebClient v = portal.visitor();
        v.get("/login");
        return v.post("/login", Map.of("email", email, "password", TestPortal.DEMO_PASSWORD)).headers().firstValue("Location").orElse("");
    }

    private String code(String secret) {
        return ltsportal.accounts.SecondFactor.codeAt(secret.replace(" ", ""), portal.clock.instant());
    }

    /** Signs a new staff member in for the first time: the setup, then the recovery codes. Returns the secret. */
    private String enrol(WebClient v, List<String> recoveryCodes) {
        var page = v.get("/login/enrol");
        assertEquals(200, page.statusCode());
        Matcher m = SECRET.matcher(page.body());
        assertTrue(m.find(), page.body());
        String secret = m.group(1).replace(" ", "");
        var qr = v.get("/login/enrol/qr.png");
        assertEquals("image/png", qr.headers().firstValue("Content-Type").orElse(""));
        var done = v.post("/login/enrol", Map.of("code", code(secret)));
        assertEquals(200, done.statusCode(), done.body());
        Matcher c = CODES.matcher(done.body());
        while (c.find()) {
            recoveryCodes.add(c.group(1));
        }
        return secret;
    }

    @Test
    void staffSetUpTheAppAtTheirNextSignInAndThenSignInWithACode() {
        createStaff("erin@support.test", "engineer");
        WebClient first = password("erin@support.test", PASSWORD);
        var afterPassword = first.get("/login/enrol");
        assertEquals(200, afterPassword.statusCode());
        assertEquals(303, first.get("/account").statusCode(), "not signed in until the app is set up");
        var wrong = first.post("/login/enrol", Map.of("code", "000000"));
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("That code does not match."));

        List<String> recovery = new ArrayList<>();
        String secret = enrol(first, recovery);
        assertEquals(10, recovery.size());
        assertEquals(200, first.get("/account").statusCode(), "signed in once the app is proved");

        portal.clock.advance(Duration.ofMinutes(1));
        WebClient next = password("erin@support.test", PASSWORD);
        var codePage = next.get("/login/code");
        assertEquals(200, codePage.statusCode());
        assertEquals(303, next.get("/account").statusCode(), "the password alone signs nobody in");
        var bad = next.post("/login/code", Map.of("code", "123456"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("That code is not right"), bad.body());
        String right = code(secret);
        assertEquals(303, next.post("/login/code", Map.of("code", right)).statusCode());
        assertEquals(200, next.get("/account").statusCode());

        WebClient replay = password("erin@support.test", PASSWORD);
        replay.get("/login/code");
        assertEquals(400, replay.post("/login/code", Map.of("code", right)).statusCode(), "a code is accepted once");
    }

    @Test
    void aRecoveryCodeSignsInOnceInsteadOfTheApp() {
        createStaff("morgan@support.test", "manager");
        List<String> recovery = new ArrayList<>();
        enrol(password("morgan@support.test", PASSWORD), recovery);

        WebClient lostPhone = password("morgan@support.test", PASSWORD);
        lostPhone.get("/login/code");
        assertEquals(303, lostPhone.post("/login/code", Map.of("code", recovery.get(3).toUpperCase())).statusCode());
        assertEquals(200, lostPhone.get("/account").statusCode());
        assertTrue(portal.db.fetchExists(AUDIT_EVENT, AUDIT_EVENT.EVENT.eq("login.success")
                .and(AUDIT_EVENT.DETAIL.eq("password and a recovery code (9 left)"))));

        WebClient again = password("morgan@support.test", PASSWORD);
        again.get("/login/code");
        assertEquals(400, again.post("/login/code", Map.of("code", recovery.get(3))).statusCode(), "used once");
    }

    @Test
    void fiveWrongCodesEndTheSignInAndThePasswordIsAskedAgain() {
        createStaff("eli@support.test", "engineer");
        enrol(password("eli@support.test", PASSWORD), new ArrayList<>());
        WebClient guesser = password("eli@support.test", PASSWORD);
        guesser.get("/login/code");
        for (int i = 0; i < SignInChallenges.MAX_ATTEMPTS - 1; i++) {
            assertEquals(400, guesser.post("/login/code", Map.of("code", String.format("%06d", i))).statusCode());
        }
        var last = guesser.post("/login/code", Map.of("code", "999999"));
        assertEquals(401, last.statusCode());
        assertTrue(last.body().contains("Sign in again."));
        assertEquals(401, guesser.get("/login/code").statusCode(), "the challenge is over");
    }

    @Test
    void customersMayTurnItOnAndOffAndDemoAccountsAreExempt() {
        WebClient casey = portal.signedIn("customer@demo.test");
        assertTrue(casey.get("/account/two-factor").body().contains("Set up a second factor"));
        assertEquals(303, casey.post("/account/two-factor/start", Map.of()).statusCode());
        var setup = casey.get("/account/two-factor/setup");
        Matcher m = SECRET.matcher(setup.body());
        assertTrue(m.find());
        String secret = m.group(1).replace(" ", "");
        var on = casey.post("/account/two-factor/setup", Map.of("code", code(secret)));
        assertEquals(200, on.statusCode());
        assertTrue(on.body().contains("Save your recovery codes"));
        portal.clock.advance(Duration.ofMinutes(1));

        assertEquals("/login/code", firstStep("customer@demo.test"), "an enrolled customer is asked for the code too");
        casey.get("/account/two-factor");
        portal.clock.advance(Duration.ofMinutes(1));
        assertEquals(303, casey.post("/account/two-factor/disable", Map.of("code", code(secret))).statusCode());
        assertEquals("/bookings", firstStep("customer@demo.test"), "turned off: the password is enough again");
        assertEquals("/bookings?mine=true", firstStep("engineer@demo.test"), "demo staff are exempt: trying the demo stays one password");
    }

    @Test
    void anAdminResetsALostSecondFactorAuditedAndTheSessionsEnd() {
        long id = createStaff("sam@support.test", "engineer");
        List<String> recovery = new ArrayList<>();
        WebClient sam = password("sam@support.test", PASSWORD);
        String before = enrol(sam, recovery);
        assertEquals(200, sam.get("/account").statusCode());
        WebClient admin = portal.signedIn("admin@demo.test");
        admin.get("/admin/users");
        assertEquals(303, admin.post("/admin/users/" + id + "/reset-second-factor", Map.of()).statusCode());
        assertTrue(admin.get("/admin/users").body().contains("they set up a new one at their next sign-in"));
        assertEquals(1, portal.db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.EVENT.eq("second-factor.reset")));
        assertEquals(303, sam.get("/account").statusCode(), "their sessions ended");

        WebClient next = password("sam@support.test", PASSWORD);
        assertEquals(200, next.get("/login/enrol").statusCode(), "back to setting it up");
        String after = enrol(next, new ArrayList<>());
        assertNotEquals(before, after, "a new secret");
        assertFalse(portal.db.fetchExists(ltsportal.db.Tables.RECOVERY_CODE, ltsportal.db.Tables.RECOVERY_CODE.CODE_HASH
                .eq(ltsportal.accounts.Tokens.hash(recovery.get(0).replace("-", "")))), "the old recovery codes are gone");
    }
}
