package ltsportal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Behind https the cookies get the __Host- prefix and Secure, and every answer carries HSTS. */
@Tag("functional")
class HttpsHttpTest {
    @Test
    void secureCookiesAndHsts() {
        try (TestPortal portal = TestPortal.https("2026-06-01T12:00:00Z")) {
            WebClient visitor = portal.visitor();
            var page = visitor.get("/login");
            assertTrue(page.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
            String csrfCookie = page.headers().allValues("Set-Cookie").get(0);
            assertTrue(csrfCookie.startsWith("__Host-portal_csrf="), csrfCookie);
            assertTrue(csrfCookie.contains("; Secure") && csrfCookie.contains("Path=/"), csrfCookie);
            String token = csrfCookie.substring("__Host-portal_csrf=".length(), csrfCookie.indexOf(';'));
            var login = visitor.send(HttpRequest.newBuilder(URI.create(portal.url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "__Host-portal_csrf=" + token)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "_csrf=" + token + "&email=customer%40demo.test&password=" + TestPortal.DEMO_PASSWORD)).build());
            assertEquals(303, login.statusCode());
            String session = login.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("__Host-portal_session=")).findFirst().orElseThrow();
            assertTrue(session.contains("; Secure") && session.contains("HttpOnly") && session.contains("SameSite=Lax"), session);
            assertTrue(login.headers().firstValue("Strict-Transport-Security").isPresent(), "redirects too");
            assertTrue(visitor.get("/api/gitlab.json").headers().firstValue("Strict-Transport-Security").isPresent());
        }
    }

    @Test
    void errorsJettyAnswersItselfCarryHstsToo() {
        try (TestPortal portal = TestPortal.https("2026-06-01T12:00:00Z")) {
            for (String path : java.util.List.of("/gitlab/%00", "/%2e%2e/%2e%2e/etc/passwd")) {
                var refused = portal.visitor().get(path);
                assertEquals(400, refused.statusCode(), path);
                assertEquals("max-age=31536000; includeSubDomains",
                        refused.headers().firstValue("Strict-Transport-Security").orElse(""), path);
            }
        }
    }
}
