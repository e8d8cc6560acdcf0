package ltsportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What HTTP caches, monitors and browser clients rely on (issue 15): CORS on public answers only, Vary, ETags, 304s, cookies. */
@Tag("functional")
class HttpSemanticsTest {
    private static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.at("2026-06-01T12:00:00Z");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    private static final List<String> PUBLIC = List.of("/api/v1/products/gitlab", "/api/v1/check?version=17.3.4",
            "/api/v1/plan?from=17.3.7&to=17.5", "/api/gitlab.json", "/gitlab/feed.atom", "/gitlab/calendar.ics");

    @Test
    void publicAnswersAreReadableFromOtherOriginsWithADayLongPreflight() {
        WebClient visitor = portal.visitor();
        for (String path : PUBLIC) {
            var get = visitor.request("GET", path, "Origin", "https://dashboard.example.test");
            assertEquals(200, get.statusCode(), path);
            assertEquals("*", get.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
            var preflight = visitor.request("OPTIONS", path.replaceAll("\\?.*", ""), "Origin", "https://dashboard.example.test",
                    "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "if-none-match");
            assertEquals(204, preflight.statusCode(), path);
            assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
            assertEquals("86400", preflight.headers().firstValue("Access-Control-Max-Age").orElse(""), path);
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("If-None-Match"), path);
        }
    }

    @Test
    void signedInPagesAndTheSpikesApiAreNeverOpenToOtherOrigins() {
        WebClient casey = portal.signedIn("customer@demo.test");
        for (String path : List.of("/api/v1/spikes", "/api/v1/bookings/1", "/bookings", "/account", "/gitlab")) {
            var get = casey.request("GET", path, "Origin", "https://evil.example.test");
            assertTrue(get.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), path);
            var preflight = casey.request("OPTIONS", path, "Origin", "https://evil.example.test", "Access-Control-Request-Method", "GET");
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), path);
        }
    }

    @Test
    void aCachedAnswerVariesByEncodingWithAStrongTagForEachAndA304WithoutABodyOfItsOwn() throws Exception {
        WebClient visitor = portal.visitor();
        var plain = visitor.request("GET", "/api/v1/products/gitlab");
        var gzip = portal.getBytes("/api/v1/products/gitlab", "Accept-Encoding", "gzip");
        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(""), "the answer is compressed when asked");
        assertEquals(plain.body(), new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8), "the gzip variant is the same bytes");
        assertTrue(plain.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")));
        assertTrue(gzip.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")));
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), "strong: " + etag);
        assertEquals(etag.replace("\"", "") + "-gz", gzipTag.replace("\"", ""), "each encoding its own strong tag");
        var notModified = visitor.request("GET", "/api/v1/products/gitlab", "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertTrue(notModified.body().isEmpty());
        assertTrue(notModified.headers().firstValue("Content-Type").isEmpty(), "a 304 has no Content-Type of its own");
        assertEquals(String.valueOf(plain.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                notModified.headers().firstValue("Content-Length").orElse(String.valueOf(plain.body().length())),
                "a 304 states no length, or the 200's");
        assertEquals(304, portal.getBytes("/api/v1/products/gitlab", "Accept-Encoding", "gzip", "If-None-Match", gzipTag).statusCode());
        assertEquals(200, portal.getBytes("/api/v1/products/gitlab", "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode(),
                "the identity tag does not validate the gzipped body");
    }

    @Test
    void twoInstancesStartedAtDifferentTimesOnFreshDatabasesGiveTheSameValidators() {
        try (TestPortal later = TestPortal.at("2026-06-01T18:30:00Z")) {
            for (String path : List.of("/api/v1/products/gitlab", "/api/v1/products/gitlab/releases/latest", "/api/gitlab.json",
                    "/gitlab/calendar.ics", "/gitlab/feed.atom")) {
                var one = portal.visitor().request("GET", path);
                var two = later.visitor().request("GET", path);
                assertEquals(one.headers().firstValue("ETag").orElse("none"), two.headers().firstValue("ETag").orElse("other"), path);
                assertEquals(one.body(), two.body(), path);
            }
        }
    }

    @Test
    void feedsAndCalendarsSetNoCookieAndHeadAnswersWithoutOne() {
        for (String path : List.of("/gitlab/feed.atom", "/gitlab/calendar.ics", "/gitlab/timeline.svg")) {
            WebClient fresh = portal.visitor();
            var get = fresh.request("GET", path);
            assertEquals(200, get.statusCode());
            assertTrue(get.headers().allValues("Set-Cookie").isEmpty(), path + " is shared by caches: no cookie");
            var etag = get.headers().firstValue("ETag");
            if (etag.isPresent()) {
                assertTrue(fresh.request("GET", path, "If-None-Match", etag.get()).headers().allValues("Set-Cookie").isEmpty());
            }
        }
        var head = portal.visitor().request("HEAD", "/gitlab");
        assertEquals(200, head.statusCode(), "monitors using HEAD see the portal up");
        assertFalse(head.headers().firstValue("Content-Type").orElse("").isEmpty());
        assertTrue(head.headers().allValues("Set-Cookie").isEmpty());
    }
}
