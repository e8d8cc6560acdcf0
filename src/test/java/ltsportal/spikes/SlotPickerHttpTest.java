package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The spike's slot picker and the confirmation after booking (issue 16). */
@Tag("functional")
class SlotPickerHttpTest {
    private TestPortal portal;

    @BeforeEach
    void start() {
        portal = TestPortal.at("2026-06-01T12:00:00Z");
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void daysAndTimeChipsNameWhatTheyBookAndMarkTheOrganizationsOwnBookings() {
        WebClient casey = portal.signedIn("customer@demo.test");
        String page = casey.get("/spikes/1").body();
        assertTrue(page.contains("<nav class=\"day-picker\" aria-label=\"Days of the spike\">"));
        Matcher day = Pattern.compile("<a href=\"#(day-\\d{4}-\\d\\d-\\d\\d)\"").matcher(page);
        assertTrue(day.find(), "a day list");
        assertTrue(page.contains("id=\"" + day.group(1) + "\""), "each day in the list leads to its section");
        assertTrue(Pattern.compile("class=\"slot bookable\"\\s+href=\"/spikes/1/book\\?window=\\d+\" aria-label=\"Book \\w{3} \\d{1,2} \\w{3} "
                + "\\d\\d:\\d\\d\u2013\\d\\d:\\d\\d \\(\\d+ of \\d+ left\\)\"").matcher(page).find(), "a chip says what it books");
        long held = portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
        assertTrue(page.contains("class=\"slot ours\" href=\"/bookings/" + held + "\""), "the organization's own booking is marked");
        String other = portal.signedIn("customer2@demo.test").get("/spikes/1").body();
        assertFalse(other.contains("href=\"/bookings/" + held + "\""), "another organization does not see it");
    }

    @Test
    void theZonePickerOffersIanaNamesWithOffsetsAndKeepsAnUnknownZoneWithAMessage() {
        WebClient casey = portal.signedIn("customer@demo.test");
        String page = casey.get("/spikes/1?tz=Asia/Tokyo").body();
        assertTrue(page.contains("<option value=\"Asia/Tokyo\">Asia/Tokyo (UTC+09:00)</option>"));
        assertTrue(page.contains("value=\"Africa/Asmara\"") && !page.contains("value=\"Africa/Asmera\""), "no old links beside their names");
        assertTrue(page.contains("value=\"Asia/Kolkata\"") && !page.contains("value=\"Asia/Calcutta\""));
        assertTrue(page.contains("Times in Asia/Tokyo (UTC+09:00)."), "the windows in the zone chosen");
        var unknown = casey.get("/spikes/1?tz=Mars/Olympus");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("id=\"zone-error\"") && unknown.body().contains("Mars/Olympus"));
    }

    @Test
    void afterBookingAConfirmationSaysWhenWhatNextAndOffersEveryCalendar() {
        WebClient kim = portal.signedIn("customer2@demo.test");
        long window = portal.db.select(SPIKE_WINDOW.ID).from(SPIKE_WINDOW).where(SPIKE_WINDOW.SPIKE_ID.eq(1L))
                .and(SPIKE_WINDOW.BOOKED.eq(0)).orderBy(SPIKE_WINDOW.STARTS_AT).limit(1).offset(5).fetchSingle(SPIKE_WINDOW.ID);
        Map<String, String> form = new java.util.HashMap<>(SpikePlanningHttpTest.bookingForm(kim, window, "gitlab-new.globex.test"));
        form.put("currentVersion", "18.8.11");
        var sent = kim.post("/spikes/1/bookings", form);
        assertEquals(303, sent.statusCode(), sent.body());
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("?booked=1"), location);
        String page = kim.get(location).body();
        assertTrue(page.contains("id=\"confirmation\"") && page.contains("What happens next"));
        assertTrue(page.contains("America/New_York") && page.contains("Europe/Berlin (UTC+02:00) in the spike"), "both zones when they differ");
        var row = portal.db.select(SPIKE_WINDOW.STARTS_AT, SPIKE_WINDOW.ENDS_AT).from(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.eq(window)).fetchSingle();
        String utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
                .format(row.value1().toInstant()) + "/" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(row.value2().toInstant());
        Matcher google = Pattern.compile("id=\"google-link\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(google.find());
        String googleUrl = URLDecoder.decode(google.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8);
        assertTrue(googleUrl.startsWith("https://calendar.google.com/calendar/render?action=TEMPLATE&text=GitLab upgrade window: gitlab-new.globex.test")
                && googleUrl.contains("&dates=" + utc), googleUrl);
        Matcher outlook = Pattern.compile("id=\"outlook-link\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(outlook.find());
        assertTrue(URLDecoder.decode(outlook.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8)
                .contains("&startdt=" + row.value1().toInstant()), outlook.group(1));
        assertFalse(kim.get(location.replace("?booked=1", "")).body().contains("id=\"confirmation\""), "only right after booking");
    }
}
