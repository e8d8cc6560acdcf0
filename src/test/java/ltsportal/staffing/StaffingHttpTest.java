package ltsportal.staffing;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.ASSIGNMENT;
import static ltsportal.db.Tables.BOOKING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/**
 * Managers staff the demo spike through HTTP. Demo state: booking 1 (Tuesday 09:00 Berlin) has Erin as
 * primary; booking 3 shares its window; booking 2 is on Wednesday 09:00. Erin (Dublin, 2 at once) and
 * Eli (Chicago, 1 at once) are on shift Monday to Friday, 09:00-18:00 Berlin; Morgan on Tuesdays and
 * Thursdays only.
 */
class StaffingHttpTest extends OnBothDatabases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private long userId(String email) {
        return portal.db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne(APP_USER.ID);
    }

    private WebClient manager() {
        WebClient m = portal.signedIn("manager@demo.test");
        m.get("/manage/spikes/1/staffing");
        return m;
    }

    private int activeAssignments() {
        return portal.db.fetchCount(ASSIGNMENT, ASSIGNMENT.REMOVED_AT.isNull());
    }

    private String status(long bookingId) {
        return portal.db.select(BOOKING.STATUS).from(BOOKING).where(BOOKING.ID.eq(bookingId)).fetchOne(BOOKING.STATUS).key();
    }

    private JsonNode json(WebClient client, String path) throws Exception {
        var response = client.get(path);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private java.net.http.HttpResponse<String> assign(WebClient manager, long booking, String email, String role) {
        return manager.post("/bookings/" + booking + "/assignments", Map.of("engineerId", String.valueOf(userId(email)), "role", role));
    }

    @Test
    void aPrimaryOnAConfirmedBookingStaffsItAndTheCustomerSeesWho() throws Exception {
        WebClient engineer = portal.signedIn("engineer@demo.test");
        engineer.get("/bookings/2");
        portal.approvedReview(2);
        assertEquals(303, engineer.post("/bookings/2/confirm", Map.of()).statusCode());
        assertEquals("confirmed", status(2));
        WebClient casey = portal.signedIn("customer@demo.test");
        assertFalse(casey.get("/bookings/2").body().contains("Eli Engineer"), "no names before the booking is staffed");

        WebClient manager = manager();
        var response = assign(manager, 2, "engineer2@demo.test", "primary");
        assertEquals(303, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Location").orElse("").startsWith("/manage/spikes/1/staffing?booking=2"));
        assertEquals("staffed", status(2));
        assertTrue(casey.get("/bookings/2").body().contains("Eli Engineer (primary)"));
        JsonNode api = json(casey, "/api/v1/bookings/2");
        assertEquals("staffed", api.get("status").asText());
        assertEquals("primary", api.get("engineers").get(0).get("role").asText());
        assertEquals("Eli Engineer", api.get("engineers").get(0).get("name").asText());
        assertEquals("gitlab-dr.acme.test", api.get("intake").get("instanceName").asText());
        assertTrue(api.get("path").size() > 0);
        assertEquals(404, portal.signedIn("customer2@demo.test").get("/api/v1/bookings/2").statusCode(),
                "another organization's booking, engineers and all, is not found");

        long assignment = portal.db.select(ASSIGNMENT.ID).from(ASSIGNMENT).where(ASSIGNMENT.BOOKING_ID.eq(2L))
                .and(ASSIGNMENT.REMOVED_AT.isNull()).fetchOne(ASSIGNMENT.ID);
        manager.get("/manage/spikes/1/staffing?booking=2");
        assertEquals(303, manager.post("/bookings/2/assignments/" + assignment + "/remove", Map.of()).statusCode());
        assertEquals("confirmed", status(2), "without its primary the booking is confirmed again");
        String history = manager.get("/bookings/2").body();
        assertTrue(history.contains("assigned") && history.contains("unassigned"), "both changes are in the booking's history");
        assertTrue(portal.signedIn("admin@demo.test").get("/admin/audit").body().contains("assignment.removed"));
    }

    @Test
    void confirmingABookingThatHasItsPrimaryMakesItStaffed() {
        assertEquals("requested", status(1), "the demo gives booking 1 its primary before anyone confirmed it");
        WebClient engineer = portal.signedIn("engineer@demo.test");
        engineer.get("/bookings/1");
        portal.approvedReview(1);
        assertEquals(303, engineer.post("/bookings/1/confirm", Map.of()).statusCode());
        assertEquals("staffed", status(1));
    }

    @Test
    void eachConflictIsRefusedWithItsReasonAndWritesNothing() {
        WebClient manager = manager();
        WebClient admin = portal.signedIn("admin@demo.test");
        // Eli takes booking 3 (Tuesday 09:00); he takes one booking at a time.
        assertEquals(303, assign(manager, 3, "engineer2@demo.test", "primary").statusCode());
        int before = activeAssignments();
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("already", new String[]{"1", "engineer@demo.test", "backup", "Erin Engineer is already the primary on this booking."});
        cases.put("slot", new String[]{"1", "manager@demo.test", "primary", "This booking has a primary already (Erin Engineer)"});
        cases.put("load", new String[]{"1", "engineer2@demo.test", "backup", "Eli Engineer already has 1 booking during this window"});
        cases.put("shift", new String[]{"2", "manager@demo.test", "backup", "Morgan Manager is not on shift for the whole window."});
        for (var c : cases.entrySet()) {
            manager.get("/manage/spikes/1/staffing");
            var response = assign(manager, Long.parseLong(c.getValue()[0]), c.getValue()[1], c.getValue()[2]);
            assertEquals(409, response.statusCode(), c.getKey());
            assertTrue(response.body().contains(c.getValue()[3]), c.getKey() + ": " + response.body());
        }
        // Time off on Wednesday, then a disabled account.
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/me/time-off");
        assertEquals(303, erin.post("/me/time-off", Map.of("from", "2026-06-10T00:00", "to", "2026-06-11T00:00",
                "reason", "school run")).statusCode());
        manager.get("/manage/spikes/1/staffing");
        var away = assign(manager, 2, "engineer@demo.test", "primary");
        assertEquals(409, away.statusCode());
        assertTrue(away.body().contains("Erin Engineer is on time off then (school run)."), away.body());
        admin.get("/admin/users");
        assertEquals(303, admin.post("/admin/users/" + userId("engineer2@demo.test") + "/disable", Map.of()).statusCode());
        manager.get("/manage/spikes/1/staffing");
        var disabled = assign(manager, 2, "engineer2@demo.test", "primary");
        assertEquals(409, disabled.statusCode());
        assertTrue(disabled.body().contains("Eli Engineer&#39;s account is disabled."), disabled.body());
        assertEquals(before, activeAssignments(), "no refusal wrote an assignment");
    }

    @Test
    void badAssignmentsAnswer4xxWithoutAWrite() {
        WebClient manager = manager();
        int before = activeAssignments();
        assertEquals(400, manager.post("/bookings/2/assignments", Map.of("engineerId", String.valueOf(userId("customer@demo.test")),
                "role", "primary")).statusCode(), "a customer does not take windows");
        assertEquals(400, manager.post("/bookings/2/assignments", Map.of("engineerId", String.valueOf(userId("admin@demo.test")),
                "role", "primary")).statusCode(), "nor does an admin");
        assertEquals(404, manager.post("/bookings/2/assignments", Map.of("engineerId", "999999", "role", "primary")).statusCode());
        assertEquals(404, manager.post("/bookings/999999/assignments", Map.of("engineerId", String.valueOf(userId("engineer@demo.test")),
                "role", "primary")).statusCode());
        var badRole = manager.post("/bookings/2/assignments", Map.of("engineerId", String.valueOf(userId("engineer@demo.test")),
                "role", "lead"));
        assertEquals(400, badRole.statusCode());
        assertTrue(badRole.body().contains("Choose primary or backup."));
        assertEquals(400, manager.post("/bookings/2/assignments", Map.of("engineerId", "x", "role", "primary")).statusCode());
        var stale = manager.post("/bookings/2/assignments", Map.of("engineerId", String.valueOf(userId("engineer@demo.test")),
                "role", "primary", "windowId", "1"));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("moved to another window meanwhile"), stale.body());
        assertEquals(404, manager.post("/bookings/2/assignments/999999/remove", Map.of()).statusCode());
        assertEquals(before, activeAssignments());
    }

    @Test
    void onlyManagersAndAdminsAssign() {
        for (String who : new String[]{"customer@demo.test", "engineer@demo.test"}) {
            WebClient client = portal.signedIn(who);
            client.get("/account");
            assertEquals(403, client.post("/bookings/2/assignments", Map.of("engineerId",
                    String.valueOf(userId("engineer@demo.test")), "role", "primary")).statusCode(), who);
            assertEquals(403, client.post("/manage/spikes/1/auto-assign", Map.of()).statusCode(), who);
        }
        WebClient admin = portal.signedIn("admin@demo.test");
        admin.get("/manage/spikes/1/staffing");
        assertEquals(303, admin.post("/bookings/2/assignments", Map.of("engineerId", String.valueOf(userId("engineer@demo.test")),
                "role", "backup")).statusCode());
    }

    @Test
    void autoAssignFillsWhatItCanAndTheBoardCountsDrop() throws Exception {
        WebClient manager = manager();
        JsonNode before = json(manager, "/api/v1/spikes/1/staffing");
        assertEquals(5, before.get("problems").asInt(), before.toString());
        String board = manager.get("/manage/spikes/1/staffing").body();
        assertTrue(board.contains("5 things need attention"), board);
        assertEquals(303, manager.post("/manage/spikes/1/auto-assign", Map.of()).statusCode());
        String after = manager.get("/manage/spikes/1/staffing").body();
        assertTrue(after.contains("Auto-assign filled"), "the report is shown once on the board");
        JsonNode now = json(manager, "/api/v1/spikes/1/staffing");
        // Tuesday 09:00 holds bookings 1 and 3: Erin (two at once), Eli (one) and Morgan are on shift, so both get
        // a primary and a backup; Wednesday's booking 2 gets Erin and Eli.
        for (JsonNode b : now.get("bookings")) {
            assertFalse(b.get("primary").isNull(), b.toString());
            assertFalse(b.get("backup").isNull(), b.toString());
        }
        assertTrue(now.get("problems").asInt() < before.get("problems").asInt());
        assertEquals(6, portal.db.fetchCount(ASSIGNMENT, ASSIGNMENT.REMOVED_AT.isNull().and(ASSIGNMENT.ID.isNotNull())));
        assertTrue(portal.db.fetchCount(ASSIGNMENT, ASSIGNMENT.SOURCE.eq("auto-assign")) == 5);
    }

    @Test
    void suggestionsAreRankedWithReasons() throws Exception {
        JsonNode ranked = json(manager(), "/api/v1/bookings/2/suggestions?role=primary");
        assertEquals(2, ranked.size(), "Erin and Eli are on shift on Wednesday; Morgan is not");
        assertEquals("Erin Engineer", ranked.get(0).get("name").asText());
        assertTrue(ranked.get(0).get("score").asInt() >= ranked.get(1).get("score").asInt());
        assertTrue(ranked.get(0).get("reasons").toString().contains("on shift"));
        assertEquals(400, manager().get("/api/v1/bookings/2/suggestions?role=lead").statusCode());
    }

    @Test
    void engineersListAndProfilesForStaffOnly() throws Exception {
        JsonNode list = json(portal.signedIn("engineer@demo.test"), "/api/v1/engineers");
        assertEquals(3, list.size(), "two engineers and the manager take windows");
        JsonNode erin = null;
        for (JsonNode e : list) {
            if (e.get("email").asText().equals("engineer@demo.test")) {
                erin = e;
            }
        }
        assertEquals("Europe/Dublin", erin.get("timeZone").asText());
        assertEquals(2, erin.get("maxConcurrent").asInt());
        assertTrue(erin.get("skills").toString().contains("postgresql"));
        assertEquals(403, portal.signedIn("customer@demo.test").get("/api/v1/engineers").statusCode());

        WebClient manager = manager();
        long eli = userId("engineer2@demo.test");
        manager.get("/manage/engineers/" + eli);
        var saved = manager.postMulti("/manage/engineers/" + eli, Map.of("maxConcurrent", "3"), "skills", "helm", "source");
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(manager.get("/manage/engineers/" + eli).body().contains("is saved"));
        JsonNode after = json(manager, "/api/v1/engineers");
        for (JsonNode e : after) {
            if (e.get("id").asLong() == eli) {
                assertEquals("[\"helm\",\"source\"]", e.get("skills").toString());
                assertEquals(3, e.get("maxConcurrent").asInt());
            }
        }
        var bad = manager.postMulti("/manage/engineers/" + eli, Map.of("maxConcurrent", "11"), "skills", "kubernetes");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Choose skills from the list.") && bad.body().contains("1 to 10 bookings at once"), bad.body());
        assertEquals(404, manager.get("/manage/engineers/" + userId("customer@demo.test")).statusCode(), "a customer has no profile");
    }

    @Test
    void badShiftsGetAMessageOnTheFieldAndSaveNothing() {
        WebClient erin = portal.signedIn("engineer@demo.test");
        long erinId = userId("engineer@demo.test");
        int shifts = portal.db.fetchCount(ltsportal.db.Tables.SHIFT);
        String[][] cases = {
                {"start", "17:00", "end", "09:00", "A shift ends after it starts"},
                {"firstDay", "2026-05-01", "lastDay", "2026-06-09", "A shift lies within its spike"},
                {"start", "12:00", "end", "20:00", "This overlaps another shift of Erin Engineer"},
                {"timeZone", "Mars/Olympus", "start", "09:00", "Choose a time zone from the list."},
                {"spikeId", "999", "start", "09:00", "Choose the spike the shift is for."},
        };
        for (String[] c : cases) {
            Map<String, String> form = new HashMap<>(Map.of("spikeId", "1", "start", "06:00", "end", "08:00",
                    "timeZone", "Europe/Dublin", "firstDay", "2026-06-08", "lastDay", "2026-06-12"));
            form.put(c[0], c[1]);
            form.put(c[2], c[3]);
            erin.get("/me/shifts");
            var response = erin.postMulti("/me/shifts", form, "weekdays", "MONDAY", "TUESDAY");
            assertEquals(400, response.statusCode(), c[4]);
            assertTrue(response.body().contains(c[4]), c[4] + ": " + response.body());
            assertTrue(response.body().contains("value=\"" + c[1] + "\"") || c[0].equals("spikeId") || c[0].equals("timeZone"),
                    "the input is kept: " + c[1]);
        }
        assertEquals(shifts, portal.db.fetchCount(ltsportal.db.Tables.SHIFT));
        erin.get("/me/shifts");
        var ok = erin.postMulti("/me/shifts", Map.of("spikeId", "1", "start", "06:00", "end", "08:00", "timeZone", "Europe/Dublin",
                "firstDay", "2026-06-08", "lastDay", "2026-06-12"), "weekdays", "MONDAY");
        assertEquals(303, ok.statusCode(), ok.body());
        assertEquals(shifts + 1, portal.db.fetchCount(ltsportal.db.Tables.SHIFT));
        assertTrue(portal.signedIn("admin@demo.test").get("/admin/audit").body().contains("shift.added"));
        assertEquals(erinId, portal.db.select(ltsportal.db.Tables.SHIFT.ENGINEER_ID).from(ltsportal.db.Tables.SHIFT)
                .orderBy(ltsportal.db.Tables.SHIFT.ID.desc()).limit(1).fetchOne(ltsportal.db.Tables.SHIFT.ENGINEER_ID));
    }

    @Test
    void theScheduleFeedFollowsAssignmentsAndItsTokenRotates() {
        WebClient erin = portal.signedIn("engineer@demo.test");
        assertTrue(erin.get("/me/schedule").body().contains("gitlab.acme.test"), "Erin's upcoming window is listed");
        erin.get("/me/schedule");
        var created = erin.post("/me/schedule/token", Map.of());
        assertEquals(201, created.statusCode());
        var m = Pattern.compile("(/me/schedule\\.ics\\?token=[A-Za-z0-9_-]+)").matcher(created.body());
        assertTrue(m.find(), created.body());
        String first = m.group(1);
        var feed = portal.visitor().get(first);
        assertEquals(200, feed.statusCode());
        assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        long assignment = portal.db.select(ASSIGNMENT.ID).from(ASSIGNMENT).where(ASSIGNMENT.BOOKING_ID.eq(1L)).fetchOne(ASSIGNMENT.ID);
        assertTrue(feed.body().contains("UID:assignment-" + assignment + "@portal.test"), feed.body());
        assertTrue(feed.body().contains("SEQUENCE:0") && feed.body().contains("STATUS:CONFIRMED"), feed.body());

        // The manager takes Erin off: the same event comes back cancelled, with a higher sequence.
        WebClient manager = manager();
        assertEquals(303, manager.post("/bookings/1/assignments/" + assignment + "/remove", Map.of()).statusCode());
        String cancelled = portal.visitor().get(first).body();
        assertTrue(cancelled.contains("UID:assignment-" + assignment + "@portal.test") && cancelled.contains("STATUS:CANCELLED")
                && cancelled.contains("SEQUENCE:1"), cancelled);

        erin.get("/me/schedule");
        var rotated = erin.post("/me/schedule/token", Map.of());
        var m2 = Pattern.compile("(/me/schedule\\.ics\\?token=[A-Za-z0-9_-]+)").matcher(rotated.body());
        assertTrue(m2.find());
        assertEquals(404, portal.visitor().get(first).statusCode(), "the old address stops working");
        assertEquals(200, portal.visitor().get(m2.group(1)).statusCode());
        assertEquals(404, portal.visitor().get("/me/schedule.ics").statusCode(), "no token, no calendar");
    }

    @Test
    void theBookingsListFiltersByStaffingAndShowsWhoIsOnEach() {
        WebClient erin = portal.signedIn("engineer@demo.test");
        String all = erin.get("/bookings?status=").body();
        assertTrue(all.contains("Erin Engineer (primary)"), "engineers are listed");
        assertEquals(3, count(all, "data-booking="));
        String unstaffed = erin.get("/bookings?unstaffed=true").body();
        assertEquals(2, count(unstaffed, "data-booking="), "booking 1 has its primary");
        assertFalse(unstaffed.contains("data-booking=\"1\""));
        String mine = erin.get("/bookings?mine=true").body();
        assertEquals(1, count(mine, "data-booking="));
        assertTrue(mine.contains("data-booking=\"1\""));
        assertEquals(0, count(erin.get("/bookings?status=cancelled").body(), "data-booking="));
        assertEquals(3, count(erin.get("/bookings?spike=1&status=requested").body(), "data-booking="));
        String customer = portal.signedIn("customer@demo.test").get("/bookings?unstaffed=true&mine=true").body();
        assertEquals(2, count(customer, "data-booking="), "customers' filters are spike and status; the staff ones do nothing");
        assertFalse(customer.contains("Erin Engineer"), "the list shows customers no names");
    }

    @Test
    void capacityFromStaffingFollowsShiftsAndNeverSilentlyShrinksBelowTheBookings() throws Exception {
        WebClient manager = manager();
        var spike = new ltsportal.spikes.Spikes(portal.db).byId(1).orElseThrow();
        var f = ltsportal.spikes.SpikeForm.of(spike);
        Map<String, String> form = new HashMap<>(Map.of("name", f.name(), "description", f.description(), "startsOn", f.startsOn(),
                "endsOn", f.endsOn(), "timeZone", f.timeZone(), "focus", f.focus(), "startTimes", f.startTimes(),
                "windowMinutes", f.windowMinutes(), "capacity", f.capacity(), "blackoutDates", f.blackoutDates()));
        form.putAll(Map.of("minNotice", f.minNotice(), "horizonDays", f.horizonDays(), "cancelCutoffHours", f.cancelCutoffHours(),
                "status", f.status(), "capacityFromStaffing", "true", "maxBookingsPerOrganization", f.maxBookingsPerOrganization()));
        manager.get("/manage/spikes/1");
        var saved = manager.postMulti("/manage/spikes/1", form, "weekdays", f.weekdays().toArray(String[]::new));
        assertEquals(303, saved.statusCode(), saved.body());
        // Monday: Erin (2 at once) and Eli (1); Tuesday also Morgan (1).
        JsonNode windows = json(manager, "/api/v1/spikes/1").get("windows");
        assertEquals(3, windows.get(0).get("capacity").asInt(), windows.get(0).toString());
        assertEquals(4, windows.get(2).get("capacity").asInt(), windows.get(2).toString());

        // Take Erin's and Eli's shifts away: Tuesday 09:00 holds two bookings and only Morgan is left.
        for (String email : new String[]{"engineer@demo.test", "engineer2@demo.test"}) {
            long id = userId(email);
            long shift = portal.db.select(ltsportal.db.Tables.SHIFT.ID).from(ltsportal.db.Tables.SHIFT)
                    .where(ltsportal.db.Tables.SHIFT.ENGINEER_ID.eq(id)).fetchOne(ltsportal.db.Tables.SHIFT.ID);
            manager.get("/manage/engineers/" + id);
            assertEquals(303, manager.post("/manage/engineers/" + id + "/shifts/" + shift + "/delete", Map.of()).statusCode());
        }
        windows = json(manager, "/api/v1/spikes/1").get("windows");
        assertEquals(0, windows.get(0).get("capacity").asInt(), "nobody on shift on Monday");
        assertEquals(2, windows.get(2).get("capacity").asInt(), "kept at its two bookings, not shrunk below them");
        JsonNode board = json(manager, "/api/v1/spikes/1/staffing");
        assertTrue(board.get("windows").toString().contains("over-capacity"), board.toString());
        assertTrue(manager.get("/manage/spikes/1/staffing").body().contains("2 bookings, but the engineers on shift take 1 at once."));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
