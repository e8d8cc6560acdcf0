package ltsportal.accounts;

import static ltsportal.db.Tables.AUDIT_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/**
 * Sign-in throttling per (account, address) and per account, through HTTP on both databases. Each
 * visitor says its address with X-Forwarded-For, which the test portal believes from 127.0.0.1.
 */
class SignInThrottleHttpTest extends OnBothDatabases {
    private static final String OWNER = "customer@demo.test";

    private static Map<String, String> login(String email, String password) {
        return Map.of("email", email, "password", password);
    }

    private WebClient from(String address) {
        WebClient v = portal.visitor().from(address);
        v.get("/login");
        return v;
    }

    private int failuresChecked(String email) {
        return portal.db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.EVENT.eq("login.failure").and(AUDIT_EVENT.SUBJECT.eq(email)));
    }

    @Test
    void afterFiveFailuresAnAddressWaitsGrowingDelaysEvenWithTheRightPassword() {
        WebClient attacker = from("203.0.113.7");
        for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) {
            assertEquals(401, attacker.post("/login", login("Customer@Demo.test", "guess number " + i)).statusCode());
        }
        var waiting = attacker.post("/login", login(OWNER, TestPortal.DEMO_PASSWORD));
        assertEquals(429, waiting.statusCode());
        assertEquals("1", waiting.headers().firstValue("Retry-After").orElse(""));
        assertTrue(waiting.body().contains("Too many failed sign-ins for this account from your address. Try again in 1 second."),
                waiting.body());
        assertTrue(waiting.body().contains("value=\"customer@demo.test\""), "the email is kept");

        portal.clock.advance(Duration.ofSeconds(1));
        assertEquals(401, attacker.post("/login", login(OWNER, "guess after waiting")).statusCode(), "checked again after the wait");
        var longer = attacker.post("/login", login(OWNER, "too soon"));
        assertEquals(429, longer.statusCode());
        assertEquals("2", longer.headers().firstValue("Retry-After").orElse(""), "the wait doubles");
        portal.clock.advance(Duration.ofSeconds(2));
        assertEquals(401, attacker.post("/login", login(OWNER, "again")).statusCode());
        assertEquals("4", attacker.post("/login", login(OWNER, "again")).headers().firstValue("Retry-After").orElse(""));

        assertEquals(303, from("198.51.100.20").post("/login", login(OWNER, TestPortal.DEMO_PASSWORD)).statusCode(),
                "the owner, from another address, signs in at once");
        assertEquals(303, from("203.0.113.7").post("/login", login("customer2@demo.test", TestPortal.DEMO_PASSWORD)).statusCode(),
                "the same address is not held back on other accounts");
    }

    @Test
    void thirtyParallelWrongGuessesHaveAtMostFivePasswordsChecked() throws Exception {
        int guesses = 30;
        List<WebClient> visitors = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            visitors.add(from("203.0.113.9"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            WebClient v = visitors.get(i);
            String guess = "parallel guess " + i;
            answers.add(pool.submit(() -> {
                go.await();
                // Like a determined attacker: a 429 "too busy" (hashing is bounded) is tried again at once.
                HttpResponse<String> r;
                do {
                    r = v.post("/login", login(OWNER, guess));
                } while (r.statusCode() == 429 && r.body().contains("Many people are signing in right now"));
                return r;
            }));
        }
        go.countDown();
        int refused = 0;
        int throttled = 0;
        for (Future<HttpResponse<String>> a : answers) {
            int status = a.get(120, TimeUnit.SECONDS).statusCode();
            if (status == 401) {
                refused++;
            } else if (status == 429 && a.get().body().contains("from your address")) {
                throttled++;
            }
        }
        pool.shutdown();
        assertEquals(LoginThrottle.PAIR_FREE, failuresChecked(OWNER), "only the limit's worth of passwords were checked");
        assertEquals(LoginThrottle.PAIR_FREE, refused);
        assertEquals(guesses - LoginThrottle.PAIR_FREE, throttled, "every other guess was turned away before its check");
    }

    @Test
    void anAttackerOnManyAddressesSlowsTheAccountButNeverLocksTheOwnerOut() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FREE + 5; i++) {
            assertEquals(401, from("203.0.113." + (100 + i)).post("/login", login(OWNER, "botnet guess " + i)).statusCode());
        }
        var slowed = from("203.0.113.100").post("/login", login(OWNER, "botnet guess again"));
        assertEquals(429, slowed.statusCode(), "an address that failed on the account waits while the account is slowed");
        assertEquals(303, from("198.51.100.20").post("/login", login(OWNER, TestPortal.DEMO_PASSWORD)).statusCode(),
                "the owner from an address with no failures is let through");
        assertEquals(1, portal.db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.EVENT.eq("login.account-slowed")));
    }

    @Test
    void aRightPasswordTakesItsAddressBackToAFreshStart() {
        WebClient owner = from("198.51.100.30");
        for (int i = 0; i < LoginThrottle.PAIR_FREE - 1; i++) {
            assertEquals(401, owner.post("/login", login(OWNER, "typo " + i)).statusCode());
        }
        assertEquals(303, owner.post("/login", login(OWNER, TestPortal.DEMO_PASSWORD)).statusCode());
        WebClient later = from("198.51.100.30");
        for (int i = 0; i < LoginThrottle.PAIR_FREE - 1; i++) {
            assertEquals(401, later.post("/login", login(OWNER, "typo again " + i)).statusCode(), "the earlier typos were forgotten");
        }
    }

    @Test
    void failuresAreForgottenFifteenMinutesAfterTheLastOne() {
        WebClient v = from("203.0.113.50");
        for (int i = 0; i < LoginThrottle.PAIR_FREE - 1; i++) {
            assertEquals(401, v.post("/login", login(OWNER, "old guess " + i)).statusCode());
        }
        portal.clock.advance(LoginThrottle.WINDOW);
        for (int i = 0; i < LoginThrottle.PAIR_FREE - 1; i++) {
            assertEquals(401, v.post("/login", login(OWNER, "new guess " + i)).statusCode(), "a fresh count, not 8 in a row");
        }
        assertEquals(303, v.post("/login", login(OWNER, TestPortal.DEMO_PASSWORD)).statusCode());
    }

    @Test
    void repeatedRefusalsOfAWaitingAddressCollapseIntoOneAuditRow() {
        WebClient attacker = from("203.0.113.60");
        for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) {
            attacker.post("/login", login(OWNER, "guess " + i));
        }
        for (int i = 0; i < 40; i++) {
            assertEquals(429, attacker.post("/login", login(OWNER, "knock " + i)).statusCode());
        }
        var rows = portal.db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.EVENT.eq("login.refused-throttled")).fetch();
        assertEquals(1, rows.size(), "one row, not 40");
        assertEquals(40, rows.get(0).getRepeats());
        assertEquals("203.0.113.60", rows.get(0).getIp());
    }

    @Test
    void thePasswordChangeFormIsThrottledLikeSignInAndEveryFailureIsAudited() {
        WebClient thief = portal.signedIn(OWNER).from("203.0.113.80"); // a stolen, signed-in session
        thief.get("/account/password");
        for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) {
            var wrong = thief.post("/account/password", Map.of("currentPassword", "guess " + i, "newPassword", "tulip harbour mosaic"));
            assertEquals(400, wrong.statusCode());
            assertTrue(wrong.body().contains("That is not your current password."));
        }
        var waiting = thief.post("/account/password", Map.of("currentPassword", TestPortal.DEMO_PASSWORD, "newPassword", "tulip harbour mosaic"));
        assertEquals(429, waiting.statusCode(), "the right password too waits: the form is no oracle");
        assertTrue(waiting.body().contains("Too many wrong passwords from your address. Try again in 1 second."), waiting.body());
        assertEquals(LoginThrottle.PAIR_FREE, portal.db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.EVENT.eq("password.change-failed")));
        assertEquals(303, from("198.51.100.20").post("/login", login(OWNER, TestPortal.DEMO_PASSWORD)).statusCode(),
                "the owner elsewhere is not held back");
    }

    @Test
    void aGuessableOrPersonalNewPasswordIsRefusedAndAudited() {
        WebClient owner = portal.signedIn(OWNER);
        owner.get("/account/password");
        var weak = owner.post("/account/password", Map.of("currentPassword", TestPortal.DEMO_PASSWORD, "newPassword", "Summer2024!"));
        assertEquals(400, weak.statusCode());
        assertTrue(weak.body().contains("This password would be easy to guess"), weak.body());
        var personal = owner.post("/account/password", Map.of("currentPassword", TestPortal.DEMO_PASSWORD,
                "newPassword", "acme robotics forever"));
        assertEquals(400, personal.statusCode());
        assertTrue(personal.body().contains("from your name, email or organization"), personal.body());
        assertEquals(2, portal.db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.EVENT.eq("password.change-failed")));
        assertEquals(303, owner.post("/account/password", Map.of("currentPassword", TestPortal.DEMO_PASSWORD,
                "newPassword", "tulip harbour mosaic")).statusCode());
    }
}
