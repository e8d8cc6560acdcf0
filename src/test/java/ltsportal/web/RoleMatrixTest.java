package ltsportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route x anonymous, customer, engineer, manager, admin -> the expected status. A route the
 * app declares but this table does not know fails the test: new routes must say who may use them.
 */
@Tag("functional")
class RoleMatrixTest {
    static final List<String> WHO = List.of("anonymous", "customer@demo.test", "engineer@demo.test",
            "manager@demo.test", "admin@demo.test");

    /** Route as declared -> a concrete request and the statuses for anonymous, customer, engineer, manager, admin. */
    static final Map<String, Row> MATRIX = new LinkedHashMap<>();

    record Row(String path, int... statuses) {
    }

    static void row(String route, String path, int... statuses) {
        MATRIX.put(route, new Row(path, statuses));
    }

    static {
        int[] open = {200, 200, 200, 200, 200};
        row("GET /healthz", "/healthz", open);
        row("GET /readyz", "/readyz", open);
        row("GET /", "/", open);
        row("GET /gitlab", "/gitlab", open);
        row("GET /gitlab/timeline.svg", "/gitlab/timeline.svg", open);
        row("GET /gitlab/feed.atom", "/gitlab/feed.atom", open);
        row("GET /gitlab/calendar.ics", "/gitlab/calendar.ics", open);
        row("GET /gitlab/{cycle}/feed.atom", "/gitlab/18.11/feed.atom", open);
        row("GET /gitlab/{cycle}/calendar.ics", "/gitlab/lts/calendar.ics", open);
        row("GET /gitlab/plan", "/gitlab/plan?from=17.3.7&to=17.5", open);
        row("GET /gitlab/plan/print", "/gitlab/plan/print?from=17.3.7&to=17.5", open);
        row("GET /gitlab/plan.md", "/gitlab/plan.md?from=17.3.7&to=17.5", open);
        row("GET /api/v1/plan", "/api/v1/plan?from=17.3.7&to=17.5", open);
        row("GET /gitlab/{cycle}", "/gitlab/18.11", open);
        row("GET /api/gitlab.json", "/api/gitlab.json", open);
        row("GET /api/gitlab/{cycle}.json", "/api/gitlab/18.11.json", open);
        row("GET /api/v1/products/gitlab", "/api/v1/products/gitlab", open);
        row("GET /api/v1/products/gitlab/releases/{cycle}", "/api/v1/products/gitlab/releases/latest", open);
        row("GET /api/v1/check", "/api/v1/check?version=17.3.4", open);
        row("GET /api/all.json", "/api/all.json", open);
        row("GET /api/gitlab", "/api/gitlab", 301, 301, 301, 301, 301);
        row("GET /api/v1", "/api/v1", open);
        row("GET /api/v1/status", "/api/v1/status", open);
        row("GET /api/v1/products", "/api/v1/products", open);
        row("GET /api/v1/products/full", "/api/v1/products/full", open);
        row("GET /api/v1/categories", "/api/v1/categories", open);
        row("GET /api/v1/categories/{category}", "/api/v1/categories/server-app", open);
        row("GET /api/v1/tags", "/api/v1/tags", open);
        row("GET /api/v1/tags/{tag}", "/api/v1/tags/gitlab", open);
        row("GET /api/v1/identifiers", "/api/v1/identifiers", open);
        row("GET /api/v1/identifiers/{type}", "/api/v1/identifiers/purl", 404, 404, 404, 404, 404);

        row("GET /login", "/login", 200, 303, 303, 303, 303);
        row("POST /login", "/login", 400, 400, 400, 400, 400);
        row("POST /logout", "/logout", 303, 303, 303, 303, 303);
        row("GET /signup", "/signup", open);
        row("POST /signup", "/signup", 400, 400, 400, 400, 400);
        row("GET /invitations/{token}", "/invitations/no-such-token", 404, 404, 404, 404, 404);
        row("POST /invitations/{token}", "/invitations/no-such-token", 404, 404, 404, 404, 404);

        row("GET /account", "/account", 303, 200, 200, 200, 200);
        row("POST /account", "/account", 303, 400, 400, 400, 400);
        row("GET /account/password", "/account/password", 303, 200, 200, 200, 200);
        row("POST /account/password", "/account/password", 303, 400, 400, 400, 400);
        row("GET /account/sessions", "/account/sessions", 303, 200, 200, 200, 200);
        row("GET /login/code", "/login/code", 401, 401, 401, 401, 401);
        row("POST /login/code", "/login/code", 401, 401, 401, 401, 401);
        row("GET /login/enrol", "/login/enrol", 401, 401, 401, 401, 401);
        row("GET /login/enrol/qr.png", "/login/enrol/qr.png", 404, 404, 404, 404, 404);
        row("POST /login/enrol", "/login/enrol", 401, 401, 401, 401, 401);
        row("GET /account/two-factor", "/account/two-factor", 303, 200, 200, 200, 200);
        // Before a setup is started the setup page sends back and there is no QR code; the rows run in this order.
        row("GET /account/two-factor/setup", "/account/two-factor/setup", 303, 303, 303, 303, 303);
        row("GET /account/two-factor/qr.png", "/account/two-factor/qr.png", 303, 404, 404, 404, 404);
        row("POST /account/two-factor/start", "/account/two-factor/start", 303, 303, 303, 303, 303);
        row("POST /account/two-factor/setup", "/account/two-factor/setup", 303, 400, 400, 400, 400);
        row("POST /account/two-factor/recovery-codes", "/account/two-factor/recovery-codes", 303, 400, 400, 400, 400);
        row("POST /account/two-factor/disable", "/account/two-factor/disable", 303, 400, 400, 400, 400);
        row("POST /admin/users/{id}/reset-second-factor", "/admin/users/999999/reset-second-factor", 303, 403, 403, 403, 404);
        row("POST /account/sessions/end-others", "/account/sessions/end-others", 303, 303, 303, 303, 303);
        row("POST /account/sessions/{handle}/end", "/account/sessions/nosuchhandle/end", 303, 404, 404, 404, 404);
        row("GET /account/invitations", "/account/invitations", 303, 200, 403, 403, 403);
        row("POST /account/invitations", "/account/invitations", 303, 400, 403, 403, 403);

        row("GET /admin/users", "/admin/users", 303, 403, 403, 403, 200);
        row("POST /admin/users", "/admin/users", 303, 403, 403, 403, 400);
        row("POST /admin/users/{id}/disable", "/admin/users/999999/disable", 303, 403, 403, 403, 404);
        row("POST /admin/users/{id}/enable", "/admin/users/999999/enable", 303, 403, 403, 403, 404);
        row("POST /admin/users/{id}/role", "/admin/users/999999/role", 303, 403, 403, 403, 404);
        row("GET /admin/audit", "/admin/audit", 303, 403, 403, 403, 200);
        row("GET /admin/audit.csv", "/admin/audit.csv", 303, 403, 403, 403, 200);
        row("GET /admin/organizations", "/admin/organizations", 303, 403, 403, 200, 200);
        row("POST /admin/organizations/{id}/approve", "/admin/organizations/999999/approve", 303, 403, 403, 404, 404);
        row("POST /admin/organizations/{id}/suspend", "/admin/organizations/999999/suspend", 303, 403, 403, 404, 404);
        row("POST /account/invitations/{id}/revoke", "/account/invitations/999999/revoke", 303, 404, 403, 403, 403);
        row("GET /account/verify", "/account/verify?token=x", 400, 400, 400, 400, 400);
        row("POST /account/verify", "/account/verify", 400, 400, 400, 400, 400);
        row("GET /account/verify/resend", "/account/verify/resend", 200, 200, 200, 200, 200);
        row("POST /account/verify/resend", "/account/verify/resend", 400, 400, 400, 400, 400);
        row("GET /password/forgot", "/password/forgot", 200, 200, 200, 200, 200);
        row("POST /password/forgot", "/password/forgot", 400, 400, 400, 400, 400);
        row("GET /password/reset", "/password/reset?token=x", 400, 400, 400, 400, 400);
        row("POST /password/reset", "/password/reset", 400, 400, 400, 400, 400);
        row("GET /account/notifications", "/account/notifications", 303, 200, 200, 200, 200);
        row("POST /account/notifications", "/account/notifications", 303, 303, 303, 303, 303);
        row("GET /admin/outbox", "/admin/outbox", 303, 403, 403, 403, 200);
        row("GET /admin/jobs", "/admin/jobs", 303, 403, 403, 403, 200);
        row("GET /admin/outbox/{id}", "/admin/outbox/999999", 303, 403, 403, 403, 404);
        row("POST /admin/outbox/{id}/retry", "/admin/outbox/999999/retry", 303, 403, 403, 403, 404);
        row("GET /admin/backup.sql", "/admin/backup.sql", 303, 403, 403, 403, 200);

        // Demo data: spike 1 is open; booking 1 belongs to customer@demo.test's organization.
        row("GET /spikes", "/spikes", 303, 200, 200, 200, 200);
        row("GET /spikes/{id}", "/spikes/1", 303, 200, 200, 200, 200);
        row("GET /spikes/{id}/book", "/spikes/1/book?window=3", 303, 200, 403, 403, 403);
        row("POST /spikes/{id}/bookings", "/spikes/1/bookings", 303, 400, 403, 403, 403);
        row("GET /bookings", "/bookings", 303, 200, 200, 200, 200);
        row("GET /bookings/{id}.ics", "/bookings/1.ics", 303, 200, 200, 200, 200);
        row("GET /bookings/{id}", "/bookings/1", 303, 200, 200, 200, 200);
        row("POST /bookings/{id}/reschedule", "/bookings/1/reschedule", 303, 400, 400, 400, 400);
        row("POST /bookings/{id}/cancel", "/bookings/1/cancel", 303, 400, 400, 400, 400);
        row("POST /bookings/{id}/cancel-series", "/bookings/1/cancel-series", 303, 400, 400, 400, 400);
        row("POST /bookings/{id}/messages", "/bookings/1/messages", 303, 400, 400, 400, 400);
        row("POST /bookings/{id}/review", "/bookings/1/review", 303, 400, 403, 403, 403);
        row("POST /bookings/{id}/review/decision", "/bookings/1/review/decision", 303, 403, 400, 400, 403);
        row("GET /manage/reviews", "/manage/reviews", 303, 403, 200, 200, 200);
        row("POST /bookings/{id}/attachments", "/bookings/1/attachments", 303, 400, 400, 400, 400);
        row("GET /bookings/{id}/attachments/{attachmentId}", "/bookings/1/attachments/999999", 303, 404, 404, 404, 404);
        row("POST /bookings/{id}/attachments/{attachmentId}/delete", "/bookings/1/attachments/999999/delete", 303, 404, 404, 404, 404);
        row("POST /bookings/{id}/confirm", "/bookings/999999/confirm", 303, 403, 404, 404, 403);
        row("POST /bookings/{id}/complete", "/bookings/999999/complete", 303, 403, 404, 404, 403);
        row("GET /api/v1/spikes", "/api/v1/spikes", 401, 200, 200, 200, 200);
        row("GET /api/v1/spikes/{id}", "/api/v1/spikes/1", 401, 200, 200, 200, 200);
        row("GET /manage/spikes", "/manage/spikes", 303, 403, 403, 200, 200);
        row("GET /manage/spikes/new", "/manage/spikes/new", 303, 403, 403, 200, 200);
        row("GET /manage/spikes/{id}", "/manage/spikes/1", 303, 403, 403, 200, 200);
        row("POST /manage/spikes", "/manage/spikes", 303, 403, 403, 400, 400);
        row("POST /manage/spikes/{id}", "/manage/spikes/1", 303, 403, 403, 400, 400);
        row("POST /manage/spikes/{id}/windows", "/manage/spikes/1/windows", 303, 403, 403, 400, 400);
        row("POST /manage/spikes/{id}/windows/{windowId}", "/manage/spikes/1/windows/1", 303, 403, 403, 400, 400);
        row("POST /manage/spikes/{id}/windows/{windowId}/delete", "/manage/spikes/1/windows/999999/delete", 303, 403, 403, 404, 404);
        row("GET /api/v1/bookings/{id}", "/api/v1/bookings/1", 401, 200, 200, 200, 200);
        row("GET /manage/spikes/{id}/report", "/manage/spikes/1/report", 303, 403, 403, 200, 200);
        row("GET /manage/spikes/{id}/report.csv", "/manage/spikes/1/report.csv", 303, 403, 403, 200, 200);

        // Staffing. Demo user 3 is engineer@demo.test; nothing here changes who is assigned.
        row("GET /manage/engineers", "/manage/engineers", 303, 403, 403, 200, 200);
        row("GET /manage/engineers/{userId}", "/manage/engineers/3", 303, 403, 403, 200, 200);
        row("POST /manage/engineers/{userId}", "/manage/engineers/3", 303, 403, 403, 400, 400);
        row("POST /manage/engineers/{userId}/shifts", "/manage/engineers/3/shifts", 303, 403, 403, 400, 400);
        row("POST /manage/engineers/{userId}/shifts/{shiftId}/delete", "/manage/engineers/3/shifts/999999/delete", 303, 403, 403, 404, 404);
        row("POST /manage/engineers/{userId}/time-off", "/manage/engineers/3/time-off", 303, 403, 403, 400, 400);
        row("POST /manage/engineers/{userId}/time-off/{timeOffId}/delete", "/manage/engineers/3/time-off/999999/delete", 303, 403, 403, 404, 404);
        row("GET /manage/spikes/{id}/staffing", "/manage/spikes/1/staffing", 303, 403, 403, 200, 200);
        row("POST /manage/spikes/{id}/auto-assign", "/manage/spikes/999999/auto-assign", 303, 403, 403, 404, 404);
        row("POST /bookings/{id}/assignments", "/bookings/1/assignments", 303, 403, 403, 400, 400);
        row("POST /bookings/{id}/assignments/{assignmentId}/remove", "/bookings/1/assignments/999999/remove", 303, 403, 403, 404, 404);
        row("GET /me/shifts", "/me/shifts", 303, 403, 200, 200, 403);
        row("GET /me/time-off", "/me/time-off", 303, 403, 200, 200, 403);
        row("POST /me/shifts", "/me/shifts", 303, 403, 400, 400, 403);
        row("POST /me/shifts/{shiftId}/delete", "/me/shifts/999999/delete", 303, 403, 404, 404, 403);
        row("POST /me/time-off", "/me/time-off", 303, 403, 400, 400, 403);
        row("POST /me/time-off/{timeOffId}/delete", "/me/time-off/999999/delete", 303, 403, 404, 404, 403);
        row("GET /me/schedule", "/me/schedule", 303, 403, 200, 200, 403);
        row("POST /me/schedule/token", "/me/schedule/token", 303, 403, 201, 201, 403);
        row("GET /me/schedule.ics", "/me/schedule.ics?token=no-such-token", 404, 404, 404, 404, 404);
        row("GET /api/v1/engineers", "/api/v1/engineers", 401, 403, 200, 200, 200);
        row("GET /api/v1/spikes/{id}/staffing", "/api/v1/spikes/1/staffing", 401, 403, 200, 200, 200);
        row("GET /api/v1/bookings/{id}/suggestions", "/api/v1/bookings/1/suggestions", 401, 403, 403, 200, 200);

        row("GET /instances", "/instances", 303, 200, 403, 403, 403);
        row("POST /instances", "/instances", 303, 400, 403, 403, 403);
        row("GET /instances/{id}/edit", "/instances/999999/edit", 303, 404, 403, 403, 403);
        row("POST /instances/{id}", "/instances/999999", 303, 404, 403, 403, 403);
        row("POST /instances/{id}/delete", "/instances/999999/delete", 303, 404, 403, 403, 403);
        row("POST /instances/{id}/token", "/instances/999999/token", 303, 404, 403, 403, 403);
        row("POST /instances/{id}/token/revoke", "/instances/999999/token/revoke", 303, 404, 403, 403, 403);
        row("POST /instances/feed", "/instances/feed", 303, 201, 403, 403, 403);
        row("GET /instances/calendar.ics", "/instances/calendar.ics?token=no-such-token", 404, 404, 404, 404, 404);
        row("GET /instances/feed.atom", "/instances/feed.atom?token=no-such-token", 404, 404, 404, 404, 404);
        // The check-in's only credential is its bearer token: a session does not count, whoever holds it
        row("POST /api/v1/instances/check-in", "/api/v1/instances/check-in", 401, 401, 401, 401, 401);
        row("GET /manage/fleet", "/manage/fleet", 303, 403, 200, 200, 200);
        row("GET /manage/fleet/{table}.csv", "/manage/fleet/ending.csv", 303, 403, 200, 200, 200);
        row("GET /api/v1/fleet/summary", "/api/v1/fleet/summary", 401, 403, 200, 200, 200);
    }

    private static TestPortal portal;
    private static final Map<String, WebClient> CLIENTS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        portal = TestPortal.at("2026-06-01T12:00:00Z");
        // The matrix books the demo spike several times over; the per-organization quota has its own tests.
        portal.db.update(ltsportal.db.Tables.SPIKE).set(ltsportal.db.Tables.SPIKE.MAX_BOOKINGS_PER_ORG, 100).execute();
        for (String who : WHO) {
            CLIENTS.put(who, who.equals("anonymous") ? portal.visitor() : portal.signedIn(who));
        }
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void everyDeclaredRouteIsInTheMatrix() {
        List<String> missing = new ArrayList<>();
        for (var e : portal.endpoints()) {
            if (!e.endpoint.method.isHttpMethod() || derived(e.endpoint.method.name())) {
                continue;
            }
            String route = e.endpoint.method.name() + " " + e.endpoint.path;
            if (!MATRIX.containsKey(route)) {
                missing.add(route);
            }
        }
        if (!missing.isEmpty()) {
            fail("routes without an expected status per role: " + missing);
        }
        assertEquals(MATRIX.size(), portal.endpoints().stream().filter(e -> e.endpoint.method.isHttpMethod()
                        && !derived(e.endpoint.method.name())).count(), "the matrix names routes the app does not have");
    }

    /** HEAD and OPTIONS routes are made from the declared ones (HeadAndOptions): checked against the GET rows below. */
    private static boolean derived(String method) {
        return method.equals("HEAD") || method.equals("OPTIONS");
    }

    @Test
    void headAnswersEveryGetRouteForEveryRoleWithTheGetsStatusAndNoBody() {
        List<String> wrong = new ArrayList<>();
        for (var entry : MATRIX.entrySet()) {
            if (!entry.getKey().startsWith("GET ")) {
                continue;
            }
            Row row = entry.getValue();
            for (int i = 0; i < WHO.size(); i++) {
                // Compared with a GET just before it: a few pages answer by the session's state (a pending second factor).
                int get = CLIENTS.get(WHO.get(i)).get(row.path()).statusCode();
                var head = CLIENTS.get(WHO.get(i)).request("HEAD", row.path());
                if (head.statusCode() != get || !head.body().isEmpty()) {
                    wrong.add("HEAD " + row.path() + " as " + WHO.get(i) + ": " + head.statusCode() + ", GET gave "
                            + get + (head.body().isEmpty() ? "" : ", with a body"));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void optionsAnswersEveryRouteWithTheMethodsItAllows() {
        List<String> wrong = new ArrayList<>();
        for (var entry : MATRIX.entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            var options = CLIENTS.get("anonymous").request("OPTIONS", entry.getValue().path());
            String allow = options.headers().firstValue("Allow").orElse("");
            if (options.statusCode() != 204 || !allow.contains(method) || !allow.contains("OPTIONS")
                    || (method.equals("GET") && !allow.contains("HEAD"))) {
                wrong.add("OPTIONS " + entry.getValue().path() + ": " + options.statusCode() + " Allow: " + allow);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyRoleGetsTheExpectedStatusOnEveryRoute() {
        List<String> wrong = new ArrayList<>();
        for (var entry : MATRIX.entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            Row row = entry.getValue();
            for (int i = 0; i < WHO.size(); i++) {
                if (entry.getKey().equals("POST /logout")) {
                    continue; // checked below: signing out here would end the other rows' sessions
                }
                WebClient client = CLIENTS.get(WHO.get(i));
                client.get("/account"); // a page with the visitor's current CSRF token
                if (WHO.get(i).equals("anonymous")) {
                    client.get("/login");
                }
                int status = method.equals("GET") ? client.get(row.path()).statusCode()
                        : client.post(row.path(), Map.of()).statusCode();
                if (status != row.statuses()[i]) {
                    wrong.add(entry.getKey() + " as " + WHO.get(i) + ": " + status + ", expected " + row.statuses()[i]);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void signOutAnswersEveryone() {
        for (String who : WHO) {
            WebClient client = who.equals("anonymous") ? portal.visitor() : portal.signedIn(who);
            client.get("/login");
            client.get("/account");
            assertEquals(303, client.post("/logout", Map.of()).statusCode(), who);
        }
    }
}
