package ltsportal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** Sign-in, sign-out, fixation and timeouts, through HTTP against the real app (throttling: SignInThrottleHttpTest). */
class SessionsHttpTest extends OnBothDatabases {
    private static Map<String, String> login(String email, String password) {
        return Map.of("email", email, "password", password);
    }

    @Test
    void signInGivesANewSessionIdAndTheOldOneIsWorthless() {
        WebClient visitor = portal.visitor();
        visitor.setCookie("portal_session", "attacker-chosen-session-id-0000000000000000");
        var response = visitor.post("/login", login("customer@demo.test", TestPortal.DEMO_PASSWORD));
        assertEquals(303, response.statusCode());
        assertEquals("/bookings", response.headers().firstValue("Location").orElse(""));
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("portal_session=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http in tests");
        assertFalse(cookie.contains("Domain"), "host-only");
        String sessionId = cookie.substring("portal_session=".length(), cookie.indexOf(';'));
        assertNotEquals("attacker-chosen-session-id-0000000000000000", sessionId);
        WebClient attacker = portal.visitor();
        attacker.setCookie("portal_session", "attacker-chosen-session-id-0000000000000000");
        assertEquals(303, attacker.get("/account").statusCode(), "the planted id never becomes a session");

        // Signing in again (another device) gives yet another id; both sessions stand on their own.
        WebClient again = portal.signedIn("customer@demo.test");
        assertNotEquals(sessionId, again.cookie("portal_session").orElseThrow().getValue());
        WebClient first = portal.visitor();
        first.setCookie("portal_session", sessionId);
        assertEquals(200, first.get("/account").statusCode());
    }

    @Test
    void aSessionFromBeforeSignInIsEndedAtSignIn() {
        WebClient first = portal.signedIn("customer@demo.test");
        String before = first.cookie("portal_session").orElseThrow().getValue();
        first.get("/account");
        assertEquals(303, first.post("/login", login("customer2@demo.test", TestPortal.DEMO_PASSWORD)).statusCode());
        WebClient replay = portal.visitor();
        replay.setCookie("portal_session", before);
        assertEquals(303, replay.get("/account").statusCode(), "the session id from before is dead");
    }

    @Test
    void signOutEndsTheSessionOnTheServer() {
        WebClient visitor = portal.signedIn("engineer@demo.test");
        String id = visitor.cookie("portal_session").orElseThrow().getValue();
        visitor.get("/account");
        var out = visitor.post("/logout", Map.of());
        assertEquals(303, out.statusCode());
        WebClient replay = portal.visitor();
        replay.setCookie("portal_session", id);
        var response = replay.get("/account");
        assertEquals(303, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").startsWith("/login?next=%2Faccount"));
    }

    @Test
    void idleSessionsEndAfterThirtyMinutes() {
        WebClient visitor = portal.signedIn("customer@demo.test");
        portal.clock.advance(Duration.ofMinutes(29));
        assertEquals(200, visitor.get("/account").statusCode(), "29 idle minutes: still signed in");
        portal.clock.advance(Duration.ofMinutes(29));
        assertEquals(200, visitor.get("/account").statusCode(), "activity resets the idle timer");
        portal.clock.advance(Duration.ofMinutes(30));
        assertEquals(303, visitor.get("/account").statusCode(), "30 idle minutes: signed out");
    }

    @Test
    void sessionsEndTwelveHoursAfterSignInWhateverTheActivity() {
        WebClient visitor = portal.signedIn("customer@demo.test");
        for (int i = 0; i < 24; i++) {
            portal.clock.advance(Duration.ofMinutes(29));
            assertEquals(200, visitor.get("/account").statusCode(), "after " + (i + 1) * 29 + " minutes");
        }
        portal.clock.advance(Duration.ofMinutes(29)); // 24 x 29 min = 11 h 36 min, + 29 min = 12 h 5 min
        assertEquals(303, visitor.get("/account").statusCode());
    }

    @Test
    void aFailedSignInNeverSaysWhetherTheEmailExists() {
        var known = portal.visitor().post("/login", login("customer@demo.test", "wrong password here"));
        var unknown = portal.visitor().post("/login", login("nobody@demo.test", "wrong password here"));
        assertEquals(401, known.statusCode());
        assertEquals(401, unknown.statusCode());
        String message = "That email and password do not match an account.";
        assertTrue(known.body().contains(message));
        assertTrue(unknown.body().contains(message));
    }

    @Test
    void anonymousVisitorsComeBackToThePageTheyAskedFor() {
        WebClient visitor = portal.visitor();
        var redirect = visitor.get("/admin/audit");
        assertEquals(303, redirect.statusCode());
        assertEquals("/login?next=%2Fadmin%2Faudit", redirect.headers().firstValue("Location").orElse(""));
        visitor.get("/login?next=%2Fadmin%2Faudit");
        var in = visitor.post("/login", Map.of("email", "admin@demo.test", "password", TestPortal.DEMO_PASSWORD,
                "next", "/admin/audit"));
        assertEquals("/admin/audit", in.headers().firstValue("Location").orElse(""));
        assertEquals(200, visitor.get("/admin/audit").statusCode());
    }

    @Test
    void eachRoleLandsWhereItsWorkIsAfterSigningIn() {
        Map<String, String> landings = Map.of("customer@demo.test", "/bookings", "engineer@demo.test", "/bookings?mine=true",
                "manager@demo.test", "/bookings?status=requested", "admin@demo.test", "/admin/users");
        landings.forEach((email, path) -> assertEquals(path, portal.visitor().post("/login", Map.of("email", email,
                "password", TestPortal.DEMO_PASSWORD)).headers().firstValue("Location").orElse(""), email));
        portal.db.update(ltsportal.db.Tables.BOOKING).set(ltsportal.db.Tables.BOOKING.STATUS, ltsportal.spikes.BookingStatus.CANCELLED)
                .where(ltsportal.db.Tables.BOOKING.ORG_ID.eq(portal.db.select(ltsportal.db.Tables.APP_USER.ORG_ID)
                        .from(ltsportal.db.Tables.APP_USER).where(ltsportal.db.Tables.APP_USER.EMAIL.eq("customer@demo.test"))))
                .execute();
        assertEquals("/spikes", portal.visitor().post("/login", Map.of("email", "customer@demo.test", "password", TestPortal.DEMO_PASSWORD))
                .headers().firstValue("Location").orElse(""), "an organization without active bookings lands on the open spikes");
        var asked = portal.visitor().post("/login", Map.of("email", "manager@demo.test", "password", TestPortal.DEMO_PASSWORD,
                "next", "/manage/spikes"));
        assertEquals("/manage/spikes", asked.headers().firstValue("Location").orElse(""), "a page asked for still wins");
    }

    @Test
    void nextNeverLeadsToAnotherSite() {
        for (String next : new String[]{"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"}) {
            var in = portal.visitor().post("/login", Map.of("email", "customer@demo.test",
                    "password", TestPortal.DEMO_PASSWORD, "next", next));
            assertEquals("/bookings", in.headers().firstValue("Location").orElse(""), next);
        }
    }
}
