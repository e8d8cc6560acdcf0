package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.BOOKING_EVENT;
import static ltsportal.db.Tables.BOOKING_HOP;
import static ltsportal.db.Tables.SPIKE;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** Planning spikes ahead, windows that overlap only when allowed, closing with bookings, bookings that keep the plan (issue 14). */
class SpikePlanningHttpTest extends OnBothDatabases {
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    private static Map<String, String> spikeForm(String name) {
        Map<String, String> f = SpikeEdgesHttpTest.spikeForm();
        f.put("name", name);
        return f;
    }

    /** The demo spike's own form, as its edit page fills it in. */
    private Map<String, String> demoSpikeForm() {
        Spike s = new Spikes(portal.db).byId(1).orElseThrow();
        SpikeForm f = SpikeForm.of(s);
        Map<String, String> m = new HashMap<>(spikeForm(s.name()));
        m.put("description", f.description());
        m.put("startsOn", f.startsOn());
        m.put("endsOn", f.endsOn());
        m.put("timeZone", f.timeZone());
        m.put("focus", f.focus());
        m.put("startTimes", f.startTimes());
        m.put("windowMinutes", f.windowMinutes());
        m.put("capacity", f.capacity());
        m.put("status", f.status());
        m.put("maxBookingsPerOrganization", f.maxBookingsPerOrganization());
        return m;
    }

    private static final String[] WEEKDAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"};

    private WebClient manager() {
        WebClient m = portal.signedIn("manager@demo.test");
        m.get("/manage/spikes/new");
        return m;
    }

    @Test
    void aFocusAnnouncedButNotReleasedIsAcceptedAnEndedOneWarnsAndAnImaginaryOneIsRefused() {
        WebClient maria = manager();
        Map<String, String> next = spikeForm("Next LTS");
        next.put("focus", "19.11");
        var saved = maria.post("/manage/spikes", next);
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("19.11", portal.db.select(SPIKE.FOCUS).from(SPIKE).where(SPIKE.NAME.eq("Next LTS")).fetchSingle(SPIKE.FOCUS));
        String page = maria.get(saved.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(page.contains("GitLab 19.11 is not released yet"), "the manager is told it is not released yet");

        Map<String, String> ended = spikeForm("Old line");
        ended.put("focus", "17.3");
        var warned = maria.post("/manage/spikes", ended);
        assertEquals(303, warned.statusCode());
        String after = maria.get(warned.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(after.contains("GitLab 17.3 reached the end of its support on 2024-11-21"), after);

        Map<String, String> imaginary = spikeForm("Far away");
        imaginary.put("focus", "25.0");
        var refused = maria.post("/manage/spikes", imaginary);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"focus-error\"") && refused.body().contains("value=\"25.0\""), "message on the field, input kept");
        assertEquals(0, portal.db.fetchCount(SPIKE, SPIKE.NAME.eq("Far away")));
    }

    @Test
    void overlappingWindowsAreRefusedUnlessTheManagerAllowsParallelWindows() {
        WebClient maria = manager();
        Map<String, String> form = spikeForm("Overlap");
        form.put("startTimes", "09:00, 10:00");
        form.put("windowMinutes", "240");
        var refused = maria.post("/manage/spikes", form);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("These windows overlap") && refused.body().contains("value=\"09:00, 10:00\""),
                refused.body());
        assertEquals(0, portal.db.fetchCount(SPIKE, SPIKE.NAME.eq("Overlap")));
        form.put("allowParallel", "true");
        assertEquals(303, maria.post("/manage/spikes", form).statusCode());
        long id = portal.db.select(SPIKE.ID).from(SPIKE).where(SPIKE.NAME.eq("Overlap")).fetchSingle(SPIKE.ID);
        assertEquals(4, portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(id)), "two Mondays, two windows each");
    }

    @Test
    void thePreviewSaysWhatTheTemplateEditDoesAndSavingDoesExactlyThat() {
        WebClient maria = manager();
        maria.get("/manage/spikes/1");
        Map<String, String> form = demoSpikeForm();
        form.put("startTimes", "10:00, 15:00");
        var before = windows();
        var preview = maria.postMulti("/manage/spikes/1", withPreview(form), "weekdays", WEEKDAYS);
        assertEquals(200, preview.statusCode(), preview.body());
        assertEquals(before, windows(), "a preview writes nothing");
        Matcher summary = Pattern.compile("After saving: (\\d+) windows\\. (\\d+) added, (\\d+) unchanged, (\\d+) kept because they hold or"
                + " held bookings, (\\d+) removed, (\\d+) not added because they overlap a booked window\\.").matcher(preview.body());
        assertTrue(summary.find(), preview.body().replaceAll("(?s).*id=\"preview\"", ""));
        int booked = portal.db.fetchCount(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(1L).and(SPIKE_WINDOW.ID.in(
                portal.db.selectDistinct(BOOKING.WINDOW_ID).from(BOOKING))));
        assertTrue(booked > 0, "the demo spike has booked windows");
        assertEquals(booked, Integer.parseInt(summary.group(4)), "every booked window is kept");
        assertTrue(Integer.parseInt(summary.group(6)) > 0, "a 10:00 window over a booked 09:00-13:00 one is not added");
        assertTrue(preview.body().contains("id=\"preview-load\""), "the load per hour is shown");

        var saved = maria.postMulti("/manage/spikes/1", form, "weekdays", WEEKDAYS);
        assertEquals(303, saved.statusCode(), saved.body());
        var after = windows();
        assertEquals(Integer.parseInt(summary.group(1)), after.size(), "as many windows as promised");
        assertEquals(before.size() + Integer.parseInt(summary.group(2)) - Integer.parseInt(summary.group(5)), after.size());
        for (int i = 1; i < after.size(); i++) {
            assertFalse(after.get(i).start().isBefore(after.get(i - 1).end()), "no two windows overlap: " + after.get(i - 1) + ", " + after.get(i));
        }
    }

    private static Map<String, String> withPreview(Map<String, String> form) {
        Map<String, String> m = new HashMap<>(form);
        m.put("preview", "true");
        return m;
    }

    private record Span(Instant start, Instant end) {
    }

    /** The demo spike's windows in start order. */
    private List<Span> windows() {
        return portal.db.selectFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.SPIKE_ID.eq(1L)).orderBy(SPIKE_WINDOW.STARTS_AT).fetch()
                .map(w -> new Span(w.getStartsAt().toInstant(), w.getEndsAt().toInstant()));
    }

    @Test
    void closingASpikeWithBookingsAsksWhatHappensToThemAndTellsTheirHistory() {
        WebClient maria = manager();
        maria.get("/manage/spikes/1");
        int active = portal.db.fetchCount(BOOKING, BOOKING.SPIKE_ID.eq(1L).and(BOOKING.STATUS.in(BookingStatus.ACTIVE)));
        assertTrue(active > 0);
        Map<String, String> form = demoSpikeForm();
        form.put("status", "closed");
        var asked = maria.postMulti("/manage/spikes/1", form, "weekdays", WEEKDAYS);
        assertEquals(400, asked.statusCode());
        assertTrue(asked.body().contains("id=\"onClose-error\"") && asked.body().contains("active booking"), asked.body());
        assertEquals("open", portal.db.select(SPIKE.STATUS).from(SPIKE).where(SPIKE.ID.eq(1L)).fetchSingle(SPIKE.STATUS).key(), "nothing saved");
        form.put("onClose", "cancel");
        var noReason = maria.postMulti("/manage/spikes/1", form, "weekdays", WEEKDAYS);
        assertEquals(400, noReason.statusCode());
        assertTrue(noReason.body().contains("id=\"closeReason-error\""));

        long acme = portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
        int sequence = portal.db.select(BOOKING.ICS_SEQUENCE).from(BOOKING).where(BOOKING.ID.eq(acme)).fetchSingle(BOOKING.ICS_SEQUENCE);
        form.put("closeReason", "The release slipped a month.");
        var closed = maria.postMulti("/manage/spikes/1", form, "weekdays", WEEKDAYS);
        assertEquals(303, closed.statusCode(), closed.body());
        assertEquals(0, portal.db.fetchCount(BOOKING, BOOKING.SPIKE_ID.eq(1L).and(BOOKING.STATUS.in(BookingStatus.ACTIVE))));
        var row = portal.db.selectFrom(BOOKING).where(BOOKING.ID.eq(acme)).fetchSingle();
        assertEquals(BookingStatus.CANCELLED, row.getStatus());
        assertEquals("The release slipped a month.", row.getCancelReason());
        assertEquals(sequence + 1, row.getIcsSequence(), "calendars get the CANCEL");
        assertTrue(portal.db.fetchExists(BOOKING_EVENT, BOOKING_EVENT.BOOKING_ID.eq(acme)
                .and(BOOKING_EVENT.DETAIL.eq("the spike closed: The release slipped a month."))));
        WebClient casey = portal.signedIn("customer@demo.test");
        assertEquals(200, casey.get("/bookings/" + acme).statusCode(), "the customer still opens the booking");
        assertEquals(200, casey.get("/spikes/1").statusCode(), "and its spike");
    }

    @Test
    void closingASpikeAndKeepingItsBookingsLeavesThemAsBookedWithAWordInTheirHistory() {
        WebClient maria = manager();
        maria.get("/manage/spikes/1");
        var activeBefore = portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.SPIKE_ID.eq(1L))
                .and(BOOKING.STATUS.in(BookingStatus.ACTIVE)).fetch(BOOKING.ID);
        Map<String, String> form = demoSpikeForm();
        form.put("status", "closed");
        form.put("onClose", "keep");
        assertEquals(303, maria.postMulti("/manage/spikes/1", form, "weekdays", WEEKDAYS).statusCode());
        assertEquals(activeBefore, portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.SPIKE_ID.eq(1L))
                .and(BOOKING.STATUS.in(BookingStatus.ACTIVE)).fetch(BOOKING.ID));
        for (long id : activeBefore) {
            assertTrue(portal.db.fetchExists(BOOKING_EVENT, BOOKING_EVENT.BOOKING_ID.eq(id).and(BOOKING_EVENT.KIND.eq("spike-closed"))));
        }
    }

    /**
     * A filled-in booking form for a window of the demo spike: 15.4.6 to 18.11, twelve hops, longer than one window,
     * so it books anyway ({@code acceptFit}); the series suite takes that tick out.
     */
    static Map<String, String> bookingForm(WebClient client, long window, String instance) {
        var form = client.get("/spikes/1/book?window=" + window);
        assertEquals(200, form.statusCode(), form.body());
        Matcher m = KEY.matcher(form.body());
        assertTrue(m.find());
        Map<String, String> f = new HashMap<>(Map.of("windowId", String.valueOf(window), "idempotencyKey", m.group(1),
                "instanceName", instance, "deployment", "helm", "edition", "ee", "topology", "ra-3k", "geo", "no",
                "currentVersion", "15.4.6", "targetVersion", "18.11", "contactName", "Casey"));
        f.put("contactEmail", "casey@acme.test");
        f.put("acceptFit", "true");
        return f;
    }

    private long freeWindow(int offset) {
        return freeWindow(portal, offset);
    }

    /** The demo spike's free windows in time order, the {@code offset}-th of them. */
    static long freeWindow(ltsportal.support.TestPortal portal, int offset) {
        return portal.db.select(SPIKE_WINDOW.ID).from(SPIKE_WINDOW).where(SPIKE_WINDOW.SPIKE_ID.eq(1L)).and(SPIKE_WINDOW.BOOKED.eq(0))
                .orderBy(SPIKE_WINDOW.STARTS_AT).limit(1).offset(offset).fetchSingle(SPIKE_WINDOW.ID);
    }

    @Test
    void anOrganizationHoldsOneActiveBookingPerInstanceInASpike() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long held = portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
        int before = portal.db.fetchCount(BOOKING);
        var again = casey.post("/spikes/1/bookings", bookingForm(casey, freeWindow(10), "GitLab.Acme.test"));
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("id=\"instanceName-error\"") && again.body().contains("booking #" + held),
                "the message names the booking to move instead: " + again.body());
        assertTrue(again.body().contains("value=\"GitLab.Acme.test\""), "the input is kept");
        assertEquals(before, portal.db.fetchCount(BOOKING));
        var other = casey.post("/spikes/1/bookings", bookingForm(casey, freeWindow(10), "gitlab-geo.acme.test"));
        assertEquals(303, other.statusCode(), "another instance books: " + other.body().replaceAll("(?s).*<main", "<main"));
    }

    @Test
    void aFormShownAgainAsksOnlyAboutTheConditionalStopsOnItsPath() {
        WebClient casey = portal.signedIn("customer@demo.test");
        Map<String, String> form = bookingForm(casey, freeWindow(10), "gitlab.acme.test"); // held already: refused
        form.put("currentVersion", "17.3.7");
        var again = casey.postMulti("/spikes/1/bookings", form, "conditions", "multiple-rails-nodes");
        assertEquals(400, again.statusCode());
        String body = again.body();
        assertTrue(body.contains("No conditional stop lies between 17.3.7 and 18.11.11."), body);
        assertFalse(body.contains("type=\"checkbox\" name=\"conditions\""), "every conditional stop lies before 17.3.7");
        assertTrue(body.contains("<input type=\"hidden\" name=\"conditions\" value=\"multiple-rails-nodes\">"), "the tick is kept");

        form.put("currentVersion", "15.4.6");
        String wide = casey.postMulti("/spikes/1/bookings", form, "conditions", "multiple-rails-nodes").body();
        assertTrue(wide.contains("These are the conditional stops between 15.4.6 and 18.11.11."));
        assertTrue(wide.contains("type=\"checkbox\" name=\"conditions\" value=\"ci-pipeline-messages\""));
        assertFalse(wide.contains("type=\"checkbox\" name=\"conditions\" value=\"multiple-rails-nodes\""), "15.1 lies before 15.4.6");
    }

    @Test
    void theBookingKeepsTheConditionsZeroDowntimeAndPathHopByHop() {
        WebClient casey = portal.signedIn("customer@demo.test");
        Map<String, String> form = bookingForm(casey, freeWindow(11), "gitlab-zd.acme.test");
        var sent = casey.postMulti("/spikes/1/bookings", withZeroDowntime(form), "conditions", "multiple-rails-nodes");
        assertEquals(303, sent.statusCode(), sent.body());
        long id = Long.parseLong(sent.headers().firstValue("Location").orElseThrow().replaceAll("^/bookings/(\\d+).*$", "$1"));
        var row = portal.db.selectFrom(BOOKING).where(BOOKING.ID.eq(id)).fetchSingle();
        assertEquals("multiple-rails-nodes", row.getConditions());
        assertTrue(row.getZeroDowntime());
        List<String> hops = portal.db.select(BOOKING_HOP.VERSION).from(BOOKING_HOP).where(BOOKING_HOP.BOOKING_ID.eq(id))
                .orderBy(BOOKING_HOP.HOP_NUMBER).fetch(BOOKING_HOP.VERSION);
        assertTrue(hops.size() > 10, "zero downtime goes through every minor: " + hops);
        assertEquals("18.11.11", hops.get(hops.size() - 1));
        String page = casey.get("/bookings/" + id).body();
        Matcher link = Pattern.compile("id=\"plan-link\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(link.find());
        String query = link.group(1).replace("&amp;", "&");
        assertTrue(query.contains("deployment=helm") && query.contains("conditions=multiple-rails-nodes")
                && query.contains("zero_downtime=true"), query);
        String plan = casey.get(query).body();
        assertTrue(plan.contains(String.join(" → ", hops)), "the linked plan is the booked path");
        assertTrue(casey.get("/api/v1/bookings/" + id).body().contains("\"zeroDowntime\":true"));
        assertFalse(page.contains("id=\"newer-path\""), "today's planner agrees with the stored path");
    }

    private static Map<String, String> withZeroDowntime(Map<String, String> form) {
        Map<String, String> m = new HashMap<>(form);
        m.put("zeroDowntime", "true");
        return m;
    }

    @Test
    void aTargetOutsideTheSpikesFocusAsksForConfirmationWithTheReason() {
        WebClient casey = portal.signedIn("customer@demo.test");
        Map<String, String> form = bookingForm(casey, freeWindow(12), "gitlab-19.acme.test");
        form.put("targetVersion", "19.0");
        int before = portal.db.fetchCount(BOOKING);
        var asked = casey.post("/spikes/1/bookings", form);
        assertEquals(400, asked.statusCode());
        assertTrue(asked.body().contains("This spike is for upgrades to GitLab 18.11") && asked.body().contains("name=\"confirmTarget\""),
                asked.body());
        assertTrue(asked.body().contains("value=\"19.0\""));
        assertEquals(before, portal.db.fetchCount(BOOKING));
        form.put("confirmTarget", "true");
        assertEquals(303, casey.post("/spikes/1/bookings", form).statusCode());

        Map<String, String> older = bookingForm(casey, freeWindow(13), "gitlab-old.acme.test");
        older.put("currentVersion", "16.0.0");
        older.put("targetVersion", "17.3");
        var ended = casey.post("/spikes/1/bookings", older);
        assertEquals(400, ended.statusCode());
        assertTrue(ended.body().contains("GitLab 17.3.7 is no longer supported"), ended.body());
    }

    @Test
    void theInvitationIsTentativeUntilConfirmedAndRemindsTheDayBefore() throws Exception {
        WebClient casey = portal.signedIn("customer@demo.test");
        long acme = portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
        assertEquals("requested", portal.db.select(BOOKING.STATUS).from(BOOKING).where(BOOKING.ID.eq(acme)).fetchSingle(BOOKING.STATUS).key());
        var requested = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(casey.get("/bookings/" + acme + ".ics").body()));
        net.fortuna.ical4j.model.component.VEvent event = requested.getComponent("VEVENT").map(c -> (net.fortuna.ical4j.model.component.VEvent) c).orElseThrow();
        assertEquals("TENTATIVE", event.getProperty("STATUS").orElseThrow().getValue());
        var alarm = event.getAlarms().get(0);
        assertEquals("-P1D", alarm.getProperty("TRIGGER").orElseThrow().getValue());
        assertEquals("DISPLAY", alarm.getProperty("ACTION").orElseThrow().getValue());
        assertEquals("mailto:support@portal.test", event.getProperty("ORGANIZER").orElseThrow().getValue(),
                "replies go to support (PORTAL_SUPPORT_EMAIL)");
        assertTrue(event.getProperty("URL").orElseThrow().getValue().endsWith("/bookings/" + acme));
        portal.db.update(BOOKING).set(BOOKING.STATUS, ltsportal.spikes.BookingStatus.CONFIRMED).where(BOOKING.ID.eq(acme)).execute();
        assertTrue(casey.get("/bookings/" + acme + ".ics").body().contains("STATUS:CONFIRMED"));

        // Names in any script: lines folded at 75 octets, never inside a character, and read back whole.
        String name = "Zoë Ünïcödé-Ångström 北京 ".repeat(4).strip();
        portal.db.update(BOOKING).set(BOOKING.CONTACT_NAME, name).where(BOOKING.ID.eq(acme)).execute();
        String body = casey.get("/bookings/" + acme + ".ics").body();
        for (String line : body.split("\r\n")) {
            assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, line);
        }
        var parsed = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(body));
        var attendee = parsed.getComponent("VEVENT").orElseThrow().getProperty("ATTENDEE").orElseThrow();
        assertEquals(name, attendee.getParameter("CN").orElseThrow().getValue());
    }

    @Test
    void aWindowAcrossAFallBackNightNamesBothOffsets() {
        var start = Instant.parse("2026-11-01T05:30:00Z"); // 01:30 EDT, the first of the two 01:30s in New York
        String text = WindowView.describe(start, start.plusSeconds(4 * 3600), ZoneId.of("America/New_York"));
        assertTrue(text.contains("01:30\u201304:30") && text.contains("(UTC-04:00 to UTC-05:00)"), text);
    }
}
