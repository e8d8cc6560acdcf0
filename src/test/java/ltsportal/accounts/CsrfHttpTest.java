package ltsportal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every state-changing request needs the CSRF token; without it the answer is 403 and nothing changes. */
class CsrfHttpTest extends OnBothDatabases {
    private static String profileName(WebClient client) {
        String body = client.get("/account").body();
        int i = body.indexOf("id=\"name\"");
        int v = body.indexOf("value=\"", i) + 7;
        return body.substring(v, body.indexOf('"', v));
    }

    @ParameterizedTest(name = "token {0}")
    @ValueSource(strings = {"missing", "empty", "wrong", "another session's"})
    void aProfileChangeWithoutTheRightTokenIsRefusedAndChangesNothing(String kind) {
        WebClient casey = portal.signedIn("customer@demo.test");
        String before = profileName(casey);
        WebClient other = portal.signedIn("customer2@demo.test");
        other.get("/account");
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("name", "Mallory", "timeZone", "UTC"));
        switch (kind) {
            case "empty" -> fields.put("_csrf", "");
            case "wrong" -> fields.put("_csrf", "x".repeat(43));
            case "another session's" -> fields.put("_csrf", other.csrf());
            default -> { }
        }
        var response = casey.postRaw("/account", fields);
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("did not come from this site"), response.body());
        assertEquals(before, profileName(casey));
    }

    @Test
    void theRightTokenWorksInTheFormOrTheHeader() {
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/account");
        assertEquals(303, casey.post("/account", Map.of("name", "Casey C.", "timeZone", "Europe/Berlin")).statusCode());
        assertEquals("Casey C.", profileName(casey));
        var viaHeader = casey.send(HttpRequest.newBuilder(URI.create(portal.url("/account")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-Token", casey.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("name=Casey+Customer&timeZone=Europe%2FBerlin")).build());
        assertEquals(303, viaHeader.statusCode());
        assertEquals("Casey Customer", profileName(casey));
    }

    @Test
    void signInAndSignUpFormsAreProtectedToo() {
        WebClient visitor = portal.visitor();
        assertEquals(403, visitor.postRaw("/login", Map.of("email", "customer@demo.test",
                "password", TestPortal.DEMO_PASSWORD)).statusCode());
        assertEquals(403, visitor.postRaw("/signup", Map.of("name", "A", "email", "a@b.test",
                "password", "long enough password", "organization", "Csrf Org", "timeZone", "UTC")).statusCode());
        assertEquals(false, portal.db.fetchExists(ltsportal.db.Tables.ORGANIZATION,
                ltsportal.db.Tables.ORGANIZATION.NAME_KEY.eq("csrf org")), "nothing was written");
    }

    @Test
    void signOutNeedsTheTokenSoNoOtherSiteCanSignYouOut() {
        WebClient casey = portal.signedIn("customer@demo.test");
        assertEquals(403, casey.postRaw("/logout", Map.of()).statusCode());
        assertEquals(200, casey.get("/account").statusCode());
    }
}
