package ltsportal.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Follows every link of the portal as each role and checks every answer: hardened headers, cookie
 * flags, no server error, no stack trace, no server version.
 */
@Tag("functional")
class CrawlerTest {
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/[^\"#]*)\"");
    private static final int MAX_PAGES = 400;
    private static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.at("2026-06-01T12:00:00Z");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "customer@demo.test", "engineer@demo.test", "manager@demo.test", "admin@demo.test"})
    void everyPageIsHardened(String who) {
        WebClient client = who.equals("anonymous") ? portal.visitor() : portal.signedIn(who);
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/login", "/signup", "/account", "/admin/users",
                "/gitlab/plan?from=15.4.6&to=18.11&conditions=16.1", "/nope", "/gitlab/99.1", "/api/nope"));
        Set<String> seen = new LinkedHashSet<>(queue);
        List<String> problems = new ArrayList<>();
        int visited = 0;
        while (!queue.isEmpty() && visited < MAX_PAGES) {
            String path = queue.poll().replace("&amp;", "&");
            HttpResponse<String> response = client.get(path);
            visited++;
            check(path, response, problems);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("text/html")) {
                Matcher m = LINK.matcher(response.body());
                while (m.find()) {
                    String link = m.group(1);
                    if (!link.startsWith("/logout") && seen.add(link)) {
                        queue.add(link);
                    }
                }
            }
        }
        assertTrue(visited > 60, "the crawler found " + visited + " pages");
        assertTrue(problems.isEmpty(), who + ":\n" + String.join("\n", problems));
    }

    private static void check(String path, HttpResponse<String> response, List<String> problems) {
        var h = response.headers();
        if (response.statusCode() >= 500) {
            problems.add(path + ": status " + response.statusCode());
        }
        if (!SecurityHeaders.CSP.equals(h.firstValue("Content-Security-Policy").orElse(null))) {
            problems.add(path + ": Content-Security-Policy missing");
        }
        if (!"nosniff".equals(h.firstValue("X-Content-Type-Options").orElse(null))) {
            problems.add(path + ": X-Content-Type-Options missing");
        }
        if (h.firstValue("Referrer-Policy").isEmpty()) {
            problems.add(path + ": Referrer-Policy missing");
        }
        if (h.firstValue("Server").isPresent() || h.firstValue("X-Powered-By").isPresent()) {
            problems.add(path + ": names the server");
        }
        for (String cookie : h.allValues("Set-Cookie")) {
            if (!cookie.contains("HttpOnly") || !cookie.contains("SameSite=Lax") || cookie.contains("Domain=")) {
                problems.add(path + ": weak cookie " + cookie);
            }
        }
        String body = response.body();
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("at ltsportal.")
                || body.contains("at io.javalin") || body.contains("Jetty") || body.contains("Javalin")) {
            problems.add(path + ": the body leaks internals");
        }
    }
}
