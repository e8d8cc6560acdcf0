package ltsportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.HandlerType;
import io.javalin.security.Roles;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What cuts across every route: declared roles, hardened headers, generic errors. */
@Tag("functional")
class PortalHttpTest {
    private static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.at("2026-06-01T12:00:00Z");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void everyRouteDeclaresARole() {
        var endpoints = portal.endpoints().stream()
                .filter(e -> e.endpoint.method.isHttpMethod())
                .toList();
        assertTrue(endpoints.size() >= 12, "routes found: " + endpoints.size());
        for (var e : endpoints) {
            Roles roles = e.endpoint.metadata(Roles.class);
            assertTrue(roles != null && !roles.getRoles().isEmpty(), e.endpoint.method + " " + e.endpoint.path + " declares no role");
        }
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/gitlab", "/gitlab/99.9", "/nope", "/static/portal.css",
                "/api/gitlab.json", "/api/v1/check?version=x", "/gitlab/timeline.svg")) {
            var response = portal.get(path);
            var headers = response.headers();
            assertEquals(SecurityHeaders.CSP, headers.firstValue("Content-Security-Policy").orElse(null), path);
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null), path);
            assertTrue(headers.firstValue("Referrer-Policy").isPresent(), path);
            assertFalse(headers.firstValue("Server").orElse("").matches(".*\\d.*"), "no server version: " + path);
            assertFalse(response.body().contains("at io.javalin"), "no stack trace: " + path);
        }
    }

    @Test
    void requestsJettyRefusesItselfGetTheHardenedGenericPage() {
        for (String path : List.of("/gitlab/%00", "/%2e%2e/%2e%2e/etc/passwd", "/static/%00.css")) {
            // A client of its own: Jetty closes these connections, and a shared client would reuse them.
            var response = portal.visitor().get(path);
            assertEquals(400, response.statusCode(), path);
            assertEquals(SecurityHeaders.CSP, response.headers().firstValue("Content-Security-Policy").orElse(null), path);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertFalse(response.body().contains("HTTP ERROR") || response.body().contains("Jetty"), response.body());
        }
    }

    @Test
    void everyTextAnswerSaysItIsUtf8() {
        for (String path : List.of("/", "/login", "/gitlab", "/gitlab/plan?from=17.0&to=18.0", "/no-such-page", "/static/portal.css",
                "/static/portal.js", "/api/gitlab.json", "/api/nope", "/gitlab/feed.atom", "/gitlab/calendar.ics", "/healthz",
                "/gitlab/%00")) {
            // Each on a client of its own: Jetty closes the connection after a malformed address.
            var response = portal.visitor().get(path);
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.replace(" ", "").toLowerCase(java.util.Locale.ROOT).contains(";charset=utf-8"), path + ": " + type);
        }
    }

    @Test
    void traceIsRefused() {
        var response = portal.send(HttpRequest.newBuilder(URI.create(portal.url("/")))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(405, response.statusCode());
    }

    @Test
    void noGetChangesStateAndUnknownMethodsAreRefused() {
        String before = databaseSnapshot();
        int requests = 0;
        for (String email : List.of("admin@demo.test", "manager@demo.test", "customer@demo.test")) {
            var client = portal.signedIn(email);
            before = databaseSnapshot(); // signing in writes a session and an audit row; the GETs after it write nothing
            for (var e : portal.endpoints()) {
                if (e.endpoint.method == HandlerType.GET) {
                    client.get(e.endpoint.path.replaceAll("\\{[^}]+}", "1"));
                    requests++;
                }
            }
            assertEquals(before, databaseSnapshot(), "a GET as " + email + " changed the database");
        }
        assertTrue(requests > 90, "GET routes visited: " + requests);
        var client = portal.signedIn("admin@demo.test");
        client.get("/bookings/1"); // the session's CSRF token, so that only the method is wrong
        before = databaseSnapshot();
        for (String method : List.of("DELETE", "PUT", "PATCH")) {
            for (String path : List.of("/bookings/1", "/bookings/1/cancel", "/admin/users/1/disable")) {
                var response = client.send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                        .header("X-CSRF-Token", client.csrf())
                        .method(method, HttpRequest.BodyPublishers.noBody()).build());
                assertTrue(List.of(404, 405).contains(response.statusCode()), method + " " + path + ": " + response.statusCode());
            }
        }
        assertEquals(before, databaseSnapshot(), "a refused method changed the database");
        assertTrue(portal.endpoints().stream().noneMatch(e -> e.endpoint.method == HandlerType.POST && e.endpoint.path.startsWith("/api/gitlab")));
    }

    @Test
    void noMethodOverrideReachesAStateChangingRoute() {
        var admin = portal.signedIn("admin@demo.test");
        admin.get("/bookings/1");
        String before = databaseSnapshot();
        int tried = 0;
        for (var e : portal.endpoints()) {
            if (e.endpoint.method != HandlerType.POST) {
                continue;
            }
            String path = e.endpoint.path.replaceAll("\\{[^}]+}", "1");
            for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
                var response = admin.send(HttpRequest.newBuilder(URI.create(portal.url(path))).header(header, "POST").GET().build());
                assertEquals(400, response.statusCode(), "GET " + path + " with " + header);
                tried++;
            }
            assertEquals(400, admin.get(path + "?_method=POST").statusCode(), "GET " + path + "?_method=POST");
            assertEquals(400, admin.post(path, java.util.Map.of("_method", "PUT")).statusCode(), "POST " + path + " with _method");
        }
        assertTrue(tried > 100, "every state-changing route was tried: " + tried);
        assertEquals(before, databaseSnapshot(), "no overridden request changed anything");
    }

    /** Every row of every table, in a stable order. */
    private static String databaseSnapshot() {
        StringBuilder all = new StringBuilder();
        for (var table : ltsportal.db.DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            all.append(table.getName()).append('\n')
                    .append(portal.db.selectFrom(table).orderBy(table.fields()).fetch().formatCSV());
        }
        return all.toString();
    }
}
