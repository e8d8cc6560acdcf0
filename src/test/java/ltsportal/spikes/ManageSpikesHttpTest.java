package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ltsportal.accounts.Users;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Managers create and edit spikes and single windows; the read API shows open spikes to signed-in users. */
class ManageSpikesHttpTest extends OnBothDatabases {
    /** A spike form a manager might send, every field valid (SpikeFormTest starts from it too). */
    static Map<String, String> spikeForm() {
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
        f.put("maxBookingsPerOrganization", "2");
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

    /** One bad form over HTTP: each field's rule has its unit test over the form binder (SpikeFormTest). */
    @Test
    void aBadSpikeFormIsShownAgainWithItsMessageAndSavesNothing() {
        int spikes = portal.db.fetchCount(SPIKE);
        Map<String, String> form = spikeForm();
        form.put("capacity", "0");
        var response = manager().post("/manage/spikes", form);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Capacity is 1 to 100"), response.body());
        assertTrue(response.body().contains("value=\"19.2 spike\""), "the input is kept");
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

    /** The fields of the spike's edit form as it stands, to change one and post. */
    private Map<String, String> formOf(Spike spike) {
        SpikeForm f = SpikeForm.of(spike);
        Map<String, String> fields = new HashMap<>(Map.of("name", f.name(), "description", f.description(),
                "startsOn", f.startsOn(), "endsOn", f.endsOn(), "timeZone", f.timeZone(), "focus", f.focus(),
                "startTimes", f.startTimes(), "windowMinutes", f.windowMinutes(), "capacity", f.capacity(),
                "blackoutDates", f.blackoutDates()));
        fields.putAll(Map.of("minNotice", f.minNotice(), "horizonDays", f.horizonDays(),
                "cancelCutoffHours", f.cancelCutoffHours(), "status", f.status(), "weekdays", "MONDAY",
                "maxBookingsPerOrganization", f.maxBookingsPerOrganization()));
        return fields;
    }

    @Test
    void editingTheTemplateKeepsEveryWindowThatEverHeldABookingAndSaysWhich() {
        Spike spike = new Spikes(portal.db).byId(1).orElseThrow();
        var customer = new Users(portal.db).byEmail("customer@demo.test").orElseThrow();
        // A Monday 09:00 window nobody holds now: a customer books it and cancels.
        long window = portal.db.selectFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.SPIKE_ID.eq(1L)).and(SPIKE_WINDOW.BOOKED.eq(0))
                .orderBy(SPIKE_WINDOW.STARTS_AT.desc()).fetch().stream()
                .filter(w -> w.getStartsAt().toInstant().atZone(spike.zone()).getDayOfWeek() == DayOfWeek.MONDAY)
                .filter(w -> w.getStartsAt().toInstant().atZone(spike.zone()).getHour() == 9)
                .findFirst().orElseThrow().getId();
        var service = new BookingService(portal.db, portal.clock, ltsportal.spikes.BookingMail.NONE);
        var intake = new Intake("gitlab-template.acme.test", "docker", "ee", "single-node", false, "18.8.11", "18.11.11",
                "Casey", "casey@acme.test", "", "", "", "");
        var booked = (BookingService.Done) service.book(customer, spike, window, intake, List.of("18.11.11"), "k".repeat(24));
        assertTrue(new BookingChanges(service).cancel(customer, spike, booked.bookingId(), "changed our plans") instanceof BookingService.Done);
        long windowsBefore = portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(1L));

        Map<String, String> form = formOf(spike);
        form.put("startTimes", "14:00"); // the template no longer makes 09:00 windows
        WebClient manager = manager();
        manager.get("/manage/spikes/1");
        var saved = manager.post("/manage/spikes/1", form);
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(1, portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.ID.eq(window)), "the cancelled booking keeps its window");
        var left = portal.db.selectFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.SPIKE_ID.eq(1L)).fetch();
        assertTrue(left.size() < windowsBefore, "windows that never held a booking went: " + left.size() + " of " + windowsBefore);
        for (var w : left) {
            boolean everBooked = portal.db.fetchExists(BOOKING, BOOKING.WINDOW_ID.eq(w.getId()));
            var local = w.getStartsAt().toInstant().atZone(spike.zone());
            assertTrue(everBooked || (local.getHour() == 14 && local.getDayOfWeek() == DayOfWeek.MONDAY),
                    "only booked windows stay off the template: " + local);
        }
        String page = manager.get("/manage/spikes/1").body();
        assertTrue(page.contains("kept because they hold or held bookings"), page);
        SpikeWindow kept = new Spikes(portal.db).window(1, window).orElseThrow();
        assertTrue(page.contains(WindowView.describe(kept.start(), kept.end(), spike.zone())), "the flash names the kept window");
    }

    @Test
    void aSecondWindowAtTheSameStartIsAFieldErrorWithTheInputKept() {
        Spike spike = new Spikes(portal.db).byId(1).orElseThrow();
        var first = new Spikes(portal.db).windows(1).get(0);
        var local = first.start().atZone(spike.zone());
        int before = portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(1L));
        WebClient manager = manager();
        manager.get("/manage/spikes/1");
        var response = manager.post("/manage/spikes/1/windows", Map.of("date", local.toLocalDate().toString(),
                "time", local.toLocalTime().toString(), "minutes", "95", "capacity", "7"));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("The spike has a window starting at " + local.toLocalTime() + " on "
                + local.toLocalDate() + " already."), response.body());
        assertTrue(response.body().contains("value=\"95\"") && response.body().contains("value=\"7\""), "the input is kept");
        assertTrue(response.body().contains("data-field=\"time\""), "the message names its field");
        assertEquals(before, portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(1L)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "date|13.06.2026|date as YYYY-MM-DD.",
            "time|9 am|Give the start time as HH:MM",
            "minutes|10|A window lasts 15 to 1440 minutes.",
            "capacity|101|A window takes 1 to 100 upgrades at once.",
    })
    void badSingleWindowsSayWhichFieldAndAddNothing(String field, String value, String message) {
        Map<String, String> form = new HashMap<>(Map.of("date", "2026-06-13", "time", "10:00", "minutes", "120", "capacity", "1"));
        form.put(field, value);
        int before = portal.db.fetchCount(SPIKE_WINDOW);
        WebClient manager = manager();
        manager.get("/manage/spikes/1");
        var response = manager.post("/manage/spikes/1/windows", form);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains(message), response.body());
        assertTrue(response.body().contains("data-field=\"" + field + "\""), "the message names its field");
        assertEquals(before, portal.db.fetchCount(SPIKE_WINDOW));
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
