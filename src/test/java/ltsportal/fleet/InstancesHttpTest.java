package ltsportal.fleet;

import static ltsportal.db.Tables.INSTANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.RegisteredInstances;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** Customers' instances through HTTP: register, edit, remove, another organization's kept apart, tokens and check-ins. */
class InstancesHttpTest extends OnBothDatabases {

    static Map<String, String> form(String name, String version) {
        return RegisteredInstances.form(name, version);
    }

    static long register(WebClient customer, String name, String version) {
        return RegisteredInstances.register(customer, name, version);
    }

    @Test
    void aCustomerRegistersEditsAndRemovesAnInstanceAndSeesItsStatus() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long id = register(casey, "gitlab.acme.test", "18.10.8-ee");
        String page = casey.get("/instances").body();
        assertTrue(page.contains("id=\"instance-" + id + "\"") && page.contains("data-urgency=\"ending\""), page);
        assertTrue(page.contains("<strong>18.10.8</strong>"), "the version as stored, without the edition suffix");
        assertTrue(page.contains("supported until 18 Jun 2026, 17 days left"), page);
        assertTrue(page.contains("/gitlab/plan?from=18.10.8&amp;to=") && page.contains("deployment=helm"),
                "the plan link carries the instance's version and deployment");
        assertTrue(page.contains("Book a window in the"), "the open spike is offered");
        assertTrue(page.contains("1 of 1 instance runs a supported version"), page);

        var edit = casey.get("/instances/" + id + "/edit");
        assertEquals(200, edit.statusCode());
        assertTrue(edit.body().contains("value=\"gitlab.acme.test\""));
        var changed = form("gitlab.acme.test", "18.11.11");
        assertEquals(303, casey.post("/instances/" + id, changed).statusCode());
        assertEquals("18.11.11", portal.db.select(INSTANCE.VERSION).from(INSTANCE).where(INSTANCE.ID.eq(id)).fetchSingle().value1());

        assertEquals(303, casey.post("/instances/" + id + "/delete", Map.of()).statusCode());
        assertEquals(0, portal.db.fetchCount(INSTANCE));
        assertEquals(404, casey.get("/instances/" + id + "/edit").statusCode());
    }

    @Test
    void badInputIsRefusedNextToItsFieldKeptAndNothingIsWritten() {
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/instances");
        var bad = new HashMap<>(form("", "banana"));
        bad.put("deployment", "mainframe");
        bad.put("note", "x".repeat(1001));
        var answer = casey.post("/instances", bad);
        assertEquals(400, answer.statusCode());
        String body = answer.body();
        assertTrue(body.contains("id=\"name-error\"") && body.contains("Name the instance"), body);
        assertTrue(body.contains("id=\"version-error\"") && body.contains("“banana” is not a GitLab version with its patch"), body);
        assertTrue(body.contains("id=\"deployment-error\""));
        assertTrue(body.contains("id=\"note-error\""));
        assertTrue(body.contains("value=\"banana\""), "what was typed is kept");
        assertEquals(400, casey.post("/instances", form("gitlab.acme.test", "17.3")).statusCode(), "a line without its patch");
        assertEquals(0, portal.db.fetchCount(INSTANCE));

        register(casey, "gitlab.acme.test", "18.10.8");
        var twice = casey.post("/instances", form("GitLab.ACME.test", "18.11.11"));
        assertEquals(400, twice.statusCode());
        assertTrue(twice.body().contains("already has an instance named"), twice.body());
        assertEquals(1, portal.db.fetchCount(INSTANCE));
    }

    @Test
    void anotherOrganizationsInstanceIsAbsentForEveryAction() {
        long id = register(portal.signedIn("customer@demo.test"), "gitlab.acme.test", "18.10.8");
        WebClient other = portal.signedIn("customer2@demo.test");
        other.get("/instances");
        assertFalse(other.get("/instances").body().contains("gitlab.acme.test"));
        assertEquals(404, other.get("/instances/" + id + "/edit").statusCode());
        assertEquals(404, other.post("/instances/" + id, form("mine.now", "18.11.11")).statusCode());
        assertEquals(404, other.post("/instances/" + id + "/token", Map.of()).statusCode());
        assertEquals(404, other.post("/instances/" + id + "/token/revoke", Map.of()).statusCode());
        assertEquals(404, other.post("/instances/" + id + "/delete", Map.of()).statusCode());
        assertEquals("gitlab.acme.test", portal.db.select(INSTANCE.NAME).from(INSTANCE).fetchSingle().value1(), "unchanged");
        assertEquals(403, portal.signedIn("manager@demo.test").get("/instances").statusCode(), "staff read the fleet, not this page");
    }

    static String token(WebClient customer, long id) {
        var made = customer.post("/instances/" + id + "/token", Map.of());
        assertEquals(201, made.statusCode(), made.body());
        var m = Pattern.compile("id=\"token\">([^<]+)<").matcher(made.body());
        assertTrue(m.find(), made.body());
        assertTrue(made.body().contains("Authorization: Bearer " + m.group(1)), "the curl line carries it");
        return m.group(1);
    }

    HttpResponse<String> checkIn(String token, String body) {
        var request = HttpRequest.newBuilder(URI.create(portal.url("/api/v1/instances/check-in")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return portal.send(request.build());
    }

    @Test
    void aCheckInRecordsTheVersionAndAnswersItsStatusWithTheTokenAsItsOnlyCredential() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long id = register(casey, "gitlab.acme.test", "18.9.8");
        String token = token(casey, id);
        assertEquals(64, portal.db.select(INSTANCE.TOKEN_HASH).from(INSTANCE).fetchSingle().value1().length(), "stored hashed");
        assertFalse(portal.db.select(INSTANCE.TOKEN_HASH).from(INSTANCE).fetchSingle().value1().contains(token));

        var ok = checkIn(token, "{\"version\":\"18.11.3-ee\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"version\":\"18.11.3\"") && ok.body().contains("\"status\":\"supported\"")
                && ok.body().contains("\"supportEnds\":\"2027-04-16\"") && ok.body().contains("\"recommendedTarget\":\"18.11.11\""), ok.body());
        String page = casey.get("/instances").body();
        assertTrue(page.contains("<strong>18.11.3</strong>") && page.contains("Last check-in"), page);

        var newer = checkIn(token, "{\"version\":\"25.1.0\"}");
        assertEquals(200, newer.statusCode());
        assertTrue(newer.body().contains("\"newerThanData\":true") && newer.body().contains("\"status\":\"newer\""), newer.body());
        assertTrue(casey.get("/instances").body().contains("Newer than our data"), "recorded, never shown as unsupported");

        var malformed = checkIn(token, "{\"version\":\"eighteen\"}");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().startsWith("{\"error\":") && malformed.body().contains("eighteen"), malformed.body());
        assertEquals(400, checkIn(token, "not json").statusCode());
        assertEquals(400, checkIn(token, "{\"version\":17}").statusCode());
        assertEquals("25.1.0", portal.db.select(INSTANCE.VERSION).from(INSTANCE).fetchSingle().value1(), "bad check-ins change nothing");

        var none = checkIn(null, "{\"version\":\"18.11.3\"}");
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        var unknown = checkIn("lts_" + "x".repeat(43), "{\"version\":\"18.11.3\"}");
        assertEquals(401, unknown.statusCode());

        String replaced = token(casey, id);
        var old = checkIn(token, "{\"version\":\"18.11.3\"}");
        assertEquals(401, old.statusCode(), "the replaced token is refused");
        assertEquals(unknown.body(), old.body(), "without saying why");
        assertEquals(200, checkIn(replaced, "{\"version\":\"18.11.3\"}").statusCode());
        assertEquals(303, casey.post("/instances/" + id + "/token/revoke", Map.of()).statusCode());
        assertEquals(401, checkIn(replaced, "{\"version\":\"18.11.3\"}").statusCode(), "the revoked token is refused");
    }

    private static String address(String page, String id) {
        var m = Pattern.compile("id=\"" + id + "\">([^<]+)<").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1).replace("http://portal.test", "").replace("&amp;", "&");
    }

    @Test
    void theOrganizationFollowsItsInstancesDatesAtASecretAddress() {
        WebClient casey = portal.signedIn("customer@demo.test");
        register(casey, "gitlab.acme.test", "18.10.8");
        register(portal.signedIn("customer2@demo.test"), "git.globex.test", "19.0.8");
        var made = casey.post("/instances/feed", Map.of());
        assertEquals(201, made.statusCode());
        String calendar = address(made.body(), "calendar-url");
        String feed = address(made.body(), "feed-url");

        WebClient reader = portal.visitor(); // a calendar app: no session
        var ics = reader.get(calendar);
        assertEquals(200, ics.statusCode());
        assertTrue(ics.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        String body = ics.body().replace("\r\n ", "");
        assertTrue(body.contains("SUMMARY:gitlab.acme.test: GitLab 18.10 leaves support in 30 days"), body);
        assertTrue(body.contains("DTSTART;VALUE=DATE:20260519"), "30 days before 18 June");
        assertTrue(body.contains("SUMMARY:gitlab.acme.test: GitLab 18.10 is out of support") && body.contains("DTSTART;VALUE=DATE:20260619"));
        assertFalse(body.contains("globex"), "only this organization's instances");

        var atom = reader.get(feed);
        assertEquals(200, atom.statusCode());
        assertTrue(atom.body().contains("leaves support in 30 days") && atom.body().contains("leaves support in 90 days"), atom.body());
        assertFalse(atom.body().contains("leaves support in 7 days"), "11 June has not come yet on 1 June");

        assertEquals(201, casey.post("/instances/feed", Map.of()).statusCode());
        assertEquals(404, reader.get(calendar).statusCode(), "the replaced address is gone");
        assertEquals(404, reader.get(feed).statusCode());
    }

    @Test
    void checkInsAreLimitedPerTokenAndTheLimitPassesWithTheMinute() {
        WebClient casey = portal.signedIn("customer@demo.test");
        String token = token(casey, register(casey, "gitlab.acme.test", "18.9.8"));
        for (int i = 0; i < CheckInApi.PER_MINUTE; i++) {
            assertEquals(200, checkIn(token, "{\"version\":\"18.11.3\"}").statusCode());
        }
        var refused = checkIn(token, "{\"version\":\"18.11.3\"}");
        assertEquals(429, refused.statusCode());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertTrue(refused.body().startsWith("{\"error\":"));
        String other = token(casey, register(casey, "ci.acme.test", "18.9.8"));
        assertEquals(200, checkIn(other, "{\"version\":\"18.11.3\"}").statusCode(), "another instance has its own limit");
        portal.clock.advance(Duration.ofMinutes(1));
        assertEquals(200, checkIn(token, "{\"version\":\"18.11.3\"}").statusCode());
    }

    @Test
    void theBookingFormFillsInARegisteredInstanceAndCompletingTheBookingMovesItsVersion() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long id = register(casey, "GitLab.Acme.test", "18.8.11");
        String window = portal.db.select(ltsportal.db.Tables.SPIKE_WINDOW.ID).from(ltsportal.db.Tables.SPIKE_WINDOW)
                .where(ltsportal.db.Tables.SPIKE_WINDOW.BOOKED.lt(ltsportal.db.Tables.SPIKE_WINDOW.CAPACITY))
                .orderBy(ltsportal.db.Tables.SPIKE_WINDOW.STARTS_AT.desc()).limit(1).fetchSingle().value1().toString();
        String offered = casey.get("/spikes/1/book?window=" + window).body();
        assertTrue(offered.contains("id=\"instance-prefill\"") && offered.contains("&amp;instance=" + id), offered);
        String filled = casey.get("/spikes/1/book?window=" + window + "&instance=" + id).body();
        assertTrue(filled.contains("value=\"GitLab.Acme.test\"") && filled.contains("value=\"18.8.11\""), filled);
        assertTrue(filled.contains("<option value=\"helm\" selected"), "its deployment chosen");
        assertTrue(casey.get("/spikes/1?instance=" + id).body().contains("&amp;instance=" + id), "the spike's windows carry it");

        // the fixture's booking of gitlab.acme.test completes on 18.0.6: the registered instance of that name follows
        long booking = portal.db.select(ltsportal.db.Tables.BOOKING.ID).from(ltsportal.db.Tables.BOOKING)
                .where(ltsportal.db.Tables.BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle().value1();
        portal.approvedReview(booking);
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + booking);
        assertEquals(303, erin.post("/bookings/" + booking + "/confirm", Map.of()).statusCode());
        var start = portal.db.select(ltsportal.db.Tables.SPIKE_WINDOW.STARTS_AT).from(ltsportal.db.Tables.BOOKING)
                .join(ltsportal.db.Tables.SPIKE_WINDOW).on(ltsportal.db.Tables.SPIKE_WINDOW.ID.eq(ltsportal.db.Tables.BOOKING.WINDOW_ID))
                .where(ltsportal.db.Tables.BOOKING.ID.eq(booking)).fetchSingle().value1().toInstant();
        portal.clock.advance(Duration.between(portal.clock.instant(), start).plusMinutes(10));
        erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + booking);
        assertEquals(303, erin.post("/bookings/" + booking + "/complete", Map.of("outcome", "upgraded", "reachedVersion", "18.0.6",
                "durationMinutes", "95", "notes", "")).statusCode());
        assertEquals("18.0.6", portal.db.select(INSTANCE.VERSION).from(INSTANCE).where(INSTANCE.ID.eq(id)).fetchSingle().value1());
    }
}
