package ltsportal.spikes;

import static ltsportal.db.Tables.SPIKE;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Managers create and edit spikes and single windows; the read API shows open spikes to signed-in users. */
@Tag("functional")
class ManageSpikesHttpTest {
    private TestPortal portal;

    @BeforeEach
    void start() {
        portal = TestPortal.at("2026-06-01T12:00:00Z");
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    private static Map<String, String> spikeForm() {
        Map<String, String> f = new HashMap<>();
        f.put("name", "19.2 spike");
        f.put("description", "Extra hands for **19.2**. <script>alert(1)</script>");
        f.put("startsOn", "2026-07-06");
        f.put("endsOn", "2026-07-10");
        f.put("timeZone", "America/New_York");
        f.put("focus", "19.2");
        f.put("weekdays", "MONDAY");
        f.put("startTimes", "10:00, 15:30");
        f.put("windowMinutes", "180");
        f.put("capacity", "2");
        f.put("blackoutDates", "");
        f.put("minNotice", "3");
        f.put("horizonDays", "90");
        f.put("cancelCutoffHours", "24");
        f.put("status", "open");
        return f;
    }

    private WebClient manager() {
        WebClient m = portal.signedIn("manager@demo.test");
        m.get("/manage/spikes/new");
        return m;
    }

    @Test
    void aManagerCreatesASpikeWithItsWindows() {
        WebClient manager = manager();
        var created = manager.post("/manage/spikes", spikeForm());
        assertEquals(303, created.statusCode(), created.body());
        long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll("\\D+(\\d+).*", "$1"));
        assertEquals(2, portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(id)), "Monday 6 July at 10:00 and 15:30");
        String page = manager.get("/manage/spikes/" + id).body();
        assertTrue(page.contains("<strong>19.2</strong>"), "the description is Markdown");
        assertTrue(!page.contains("<script>alert"), "and sanitized");
        JsonNode api = json(portal.signedIn("customer@demo.test").get("/api/v1/spikes/" + id).body());
        assertEquals("2026-07-06T14:00:00Z", api.get("windows").get(0).get("start").asText(), "10:00 New York in July");
        assertEquals(2, api.get("windows").get(0).get("remaining").asInt());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "name|''|Give the spike a name",
            "startsOn|07/06/2026|Give dates as YYYY-MM-DD",
            "endsOn|2026-07-01|must end on or after",
            "timeZone|Moon/Base|Choose a time zone",
            "focus|42.0|Give the release line",
            "weekdays|FUNDAY|Choose weekdays",
            "startTimes|25:00|Give start times",
            "windowMinutes|5|Windows last 15 to 1440 minutes",
            "capacity|0|Capacity is 1 to 100",
            "blackoutDates|someday|Give dates as YYYY-MM-DD",
            "minNotice|-1|Minimum notice is 0 to 30",
            "horizonDays|9999|The horizon is 1 to 365 days",
            "cancelCutoffHours|x|The cut-off is 0 to 720 hours",
            "status|published|Choose draft, open or closed",
    })
    void badSpikeFormsAreShownAgainAndSaveNothing(String field, String value, String message) {
        int spikes = portal.db.fetchCount(SPIKE);
        Map<String, String> form = spikeForm();
        form.put(field, value);
        var response = manager().post("/manage/spikes", form);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains(message), response.body());
        assertEquals(spikes, portal.db.fetchCount(SPIKE));
    }

    @Test
    void aWindowWithBookingsCannotShrinkBelowThemNorBeRemoved() {
        long window = portal.db.select(SPIKE_WINDOW.ID).from(SPIKE_WINDOW).where(SPIKE_WINDOW.BOOKED.eq(2))
                .limit(1).fetchOne(SPIKE_WINDOW.ID); // the demo spike's window with two bookings
        WebClient manager = manager();
        manager.get("/manage/spikes/1");
        var shrink = manager.post("/manage/spikes/1/windows/" + window, Map.of("minutes", "240", "capacity", "1"));
        assertEquals(409, shrink.statusCode());
        assertTrue(shrink.body().contains("cannot go below them"));
        manager.get("/manage/spikes/1");
        assertEquals(303, manager.post("/manage/spikes/1/windows/" + window, Map.of("minutes", "300", "capacity", "2")).statusCode());
        manager.get("/manage/spikes/1");
        assertEquals(409, manager.post("/manage/spikes/1/windows/" + window + "/delete", Map.of()).statusCode());
        assertEquals(2, portal.db.select(SPIKE_WINDOW.CAPACITY).from(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.eq(window)).fetchOne(SPIKE_WINDOW.CAPACITY));
    }

    @Test
    void addAndRemoveASingleWindow() {
        WebClient manager = manager();
        manager.get("/manage/spikes/1");
        int before = portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(1L));
        assertEquals(303, manager.post("/manage/spikes/1/windows", Map.of("date", "2026-06-13", "time", "10:00",
                "minutes", "120", "capacity", "1")).statusCode());
        assertEquals(before + 1, portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(1L)));
        long added = portal.db.select(SPIKE_WINDOW.ID).from(SPIKE_WINDOW).orderBy(SPIKE_WINDOW.ID.desc()).limit(1).fetchOne(SPIKE_WINDOW.ID);
        manager.get("/manage/spikes/1");
        assertEquals(303, manager.post("/manage/spikes/1/windows/" + added + "/delete", Map.of()).statusCode());
        manager.get("/manage/spikes/1");
        assertEquals(400, manager.post("/manage/spikes/1/windows", Map.of("date", "tomorrow", "time", "10:00",
                "minutes", "120", "capacity", "1")).statusCode());
    }

    @Test
    void editingTheTemplateKeepsBookedWindows() {
        WebClient manager = manager();
        int booked = portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(1L).and(SPIKE_WINDOW.BOOKED.gt(0)));
        manager.get("/manage/spikes/1");
        Map<String, String> form = spikeForm();
        form.put("name", "18.11 LTS upgrade spike");
        form.put("focus", "18.11");
        form.put("timeZone", "Europe/Berlin");
        form.put("startsOn", "2026-06-08");
        form.put("endsOn", "2026-06-21");
        form.put("startTimes", "11:00");
        assertEquals(303, manager.post("/manage/spikes/1", form).statusCode());
        assertEquals(booked, portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(1L).and(SPIKE_WINDOW.BOOKED.gt(0))),
                "booked windows stay");
        assertEquals(booked + 2, portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(1L)),
                "plus the new template's Mondays at 11:00 (8 and 15 June)");
    }

    @Test
    void theReadApiListsOpenSpikesToSignedInUsersOnly() {
        assertEquals(401, portal.visitor().get("/api/v1/spikes").statusCode());
        JsonNode list = json(portal.signedIn("customer@demo.test").get("/api/v1/spikes").body());
        assertEquals(1, list.size());
        assertEquals("[\"id\",\"name\",\"startsOn\",\"endsOn\",\"timeZone\",\"focus\"]", fieldNames(list.get(0)));
        JsonNode spike = json(portal.signedIn("engineer@demo.test").get("/api/v1/spikes/1").body());
        JsonNode w = spike.get("windows").get(0);
        assertEquals("[\"id\",\"start\",\"end\",\"capacity\",\"booked\",\"remaining\"]", fieldNames(w));
        assertEquals(w.get("capacity").asInt() - w.get("booked").asInt(), w.get("remaining").asInt());
        assertEquals(400, portal.signedIn("customer@demo.test").get("/api/v1/spikes/abc").statusCode());
        assertEquals(404, portal.signedIn("customer@demo.test").get("/api/v1/spikes/999").statusCode());
    }

    private static String fieldNames(JsonNode node) {
        StringBuilder sb = new StringBuilder("[");
        node.fieldNames().forEachRemaining(n -> sb.append(sb.length() > 1 ? "," : "").append('"').append(n).append('"'));
        return sb.append(']').toString();
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }
}
