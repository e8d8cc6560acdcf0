package ltsportal.accounts;

import static ltsportal.db.Tables.AUDIT_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** /account/sessions: a user sees where they are signed in and signs out any other session, or all of them. */
class SessionPagesHttpTest extends OnBothDatabases {
    private static final Pattern END = Pattern.compile("action=\"/account/sessions/([A-Za-z0-9_-]+)/end\"");

    private WebClient signIn(String email, String address, String userAgent) {
        WebClient v = portal.visitor().from(address);
        v.get("/login");
        var r = v.send(HttpRequest.newBuilder(URI.create(portal.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + v.csrf() + "&email=" + email.replace("@", "%40")
                        + "&password=" + TestPortal.DEMO_PASSWORD.replace(" ", "+"))).build());
        assertEquals(303, r.statusCode());
        return v;
    }

    @Test
    void theSessionsPageListsEverySessionWithItsClientAndEndsOneOfThem() {
        WebClient laptop = signIn("customer@demo.test", "198.51.100.10",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0");
        WebClient phone = signIn("customer@demo.test", "203.0.113.44",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
        WebClient someoneElse = portal.signedIn("customer2@demo.test");

        String page = laptop.get("/account/sessions").body();
        assertTrue(page.contains("Firefox on Windows") && page.contains("198.51.100.10"), page);
        assertTrue(page.contains("Safari on iOS") && page.contains("203.0.113.44"), page);
        assertTrue(page.contains("this browser"));
        assertFalse(page.contains("customer2"), "only one's own sessions");
        Matcher m = END.matcher(page);
        assertTrue(m.find(), "the other session has a sign-out button; this one does not");
        String phoneHandle = m.group(1);
        assertFalse(m.find(), "exactly one other session");

        someoneElse.get("/account/sessions");
        assertEquals(404, someoneElse.post("/account/sessions/" + phoneHandle + "/end", Map.of()).statusCode(),
                "nobody ends a session that is not theirs");
        assertEquals(200, phone.get("/account").statusCode());

        var ended = laptop.post("/account/sessions/" + phoneHandle + "/end", Map.of());
        assertEquals(303, ended.statusCode());
        assertEquals(303, phone.get("/account").statusCode(), "the phone is signed out");
        assertTrue(laptop.get("/account/sessions").body().contains("That session is signed out."));
        assertEquals(200, laptop.get("/account").statusCode(), "this browser stays signed in");
        assertEquals(1, portal.db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.EVENT.eq("session.ended")));
    }

    @Test
    void signOutEverywhereElseKeepsOnlyThisBrowser() {
        WebClient here = signIn("engineer@demo.test", "198.51.100.10", "curl/8.5.0");
        WebClient a = portal.signedIn("engineer@demo.test");
        WebClient b = portal.signedIn("engineer@demo.test");
        WebClient colleague = portal.signedIn("engineer2@demo.test");
        here.get("/account/sessions");
        var r = here.post("/account/sessions/end-others", Map.of());
        assertEquals(303, r.statusCode());
        assertTrue(here.get("/account/sessions").body().contains("Your 2 other sessions are signed out."));
        assertEquals(303, a.get("/account").statusCode());
        assertEquals(303, b.get("/account").statusCode());
        assertEquals(200, here.get("/account").statusCode());
        assertEquals(200, colleague.get("/account").statusCode(), "other people's sessions are untouched");
        assertTrue(here.get("/account/sessions").body().contains("You are signed in here only."));
    }

    @Test
    void endingASessionNeedsTheCsrfToken() {
        WebClient here = portal.signedIn("customer@demo.test");
        portal.signedIn("customer@demo.test");
        here.get("/account/sessions");
        assertEquals(403, here.postRaw("/account/sessions/end-others", Map.of()).statusCode());
    }
}
