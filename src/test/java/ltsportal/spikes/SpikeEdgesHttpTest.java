package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** Manager and customer input at the edges: each case once answered 500 and lost the form (issue 14). */
class SpikeEdgesHttpTest extends OnBothDatabases {
    /** A valid spike form (a draft), for the other spike suites of this package too. */
    static Map<String, String> spikeForm() {
        Map<String, String> f = new HashMap<>();
        f.put("name", "Edge spike");
        f.put("description", "Extra hands.");
        f.put("startsOn", "2026-07-06");
        f.put("endsOn", "2026-07-17");
        f.put("timeZone", "Europe/Berlin");
        f.put("focus", "18.11");
        f.put("weekdays", "MONDAY");
        f.put("startTimes", "10:00");
        f.put("windowMinutes", "180");
        f.put("capacity", "2");
        f.put("blackoutDates", "");
        f.put("minNotice", "3");
        f.put("horizonDays", "90");
        f.put("cancelCutoffHours", "24");
        f.put("status", "draft");
        f.put("maxBookingsPerOrganization", "2");
        return f;
    }

    private WebClient manager() {
        WebClient m = portal.signedIn("manager@demo.test");
        m.get("/manage/spikes/new");
        return m;
    }

    private int spikes() {
        return portal.db.fetchCount(SPIKE);
    }

    @Test
    void mondayToSaturdayIsSaved() {
        var response = manager().postMulti("/manage/spikes", spikeForm(), "weekdays", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                "FRIDAY", "SATURDAY", "SUNDAY");
        assertEquals(303, response.statusCode(), response.body());
    }

    @Test
    void aDescriptionThatRendersLongIsSavedAndOneThatMultipliesIsRefusedWithItsTextKept() {
        Map<String, String> form = spikeForm();
        form.put("description", "<".repeat(7000)); // 28,000 characters once escaped
        assertEquals(303, manager().post("/manage/spikes", form).statusCode());
        int before = spikes();
        String bomb = "[r]: https://example.test/" + "a".repeat(3000) + "\n\n" + "[x][r] ".repeat(600);
        form.put("description", bomb);
        var refused = manager().post("/manage/spikes", form);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("grows too long once rendered"), "a message on the field");
        assertTrue(refused.body().contains("[x][r] [x][r]"), "the text is kept");
        assertEquals(before, spikes());
    }

    @Test
    void twoHundredBlackoutDatesFitAndOneOutsideTheSpikeIsRefused() {
        Map<String, String> form = spikeForm();
        form.put("startsOn", "2026-07-01");
        form.put("endsOn", "2027-05-01");
        List<String> days = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-07-01"); days.size() < 200; d = d.plusDays(1)) {
            days.add(d.toString());
        }
        form.put("blackoutDates", String.join(", ", days));
        assertEquals(303, manager().post("/manage/spikes", form).statusCode());
        form.put("blackoutDates", "2028-01-01");
        var outside = manager().post("/manage/spikes", form);
        assertEquals(400, outside.statusCode());
        assertTrue(outside.body().contains("Blackout dates are days of the spike"), outside.body());
    }

    @Test
    void yearsFarAwayAndAnOpenSpikeAlreadyOverAreRefusedAndTheSpikeListStillAnswers() {
        for (String[] dates : new String[][] {{"-999999999-01-01", "2026-07-01"}, {"2026-07-01", "+999999999-12-31"},
                {"2040-01-01", "2040-01-05"}}) {
            Map<String, String> form = spikeForm();
            form.put("startsOn", dates[0]);
            form.put("endsOn", dates[1]);
            var refused = manager().post("/manage/spikes", form);
            assertEquals(400, refused.statusCode(), dates[0] + " " + dates[1]);
            assertTrue(refused.body().contains("Give a date from 2025-06-01 to 2031-06-01."), refused.body());
        }
        Map<String, String> over = spikeForm();
        over.put("startsOn", "2026-05-01");
        over.put("endsOn", "2026-05-10");
        over.put("status", "open");
        var refused = manager().post("/manage/spikes", over);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("An open spike cannot be over already"));
        over.put("status", "closed");
        assertEquals(303, manager().post("/manage/spikes", over).statusCode(), "a past spike may be recorded as closed");
        assertEquals(200, portal.signedIn("customer@demo.test").get("/spikes").statusCode());
        assertEquals(200, manager().get("/manage/spikes").statusCode());
    }

    @Test
    void aContactAddressCalendarsCannotTakeIsRefusedAndAnOldOneNeverBreaksTheInvitation() {
        WebClient casey = portal.signedIn("customer@demo.test");
        long window = portal.db.select(ltsportal.db.Tables.SPIKE_WINDOW.ID).from(ltsportal.db.Tables.SPIKE_WINDOW)
                .orderBy(ltsportal.db.Tables.SPIKE_WINDOW.STARTS_AT).limit(1).offset(8).fetchSingle().value1();
        String form = casey.get("/spikes/1/book?window=" + window).body();
        var key = java.util.regex.Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(form);
        assertTrue(key.find());
        Map<String, String> fields = new HashMap<>(Map.of("windowId", String.valueOf(window), "idempotencyKey", key.group(1),
                "instanceName", "gitlab2.acme.test", "deployment", "docker", "edition", "ee", "topology", "ra-3k", "geo", "no",
                "currentVersion", "17.8.7", "targetVersion", "18.11", "contactName", "Casey"));
        fields.put("contactEmail", "a{b}|^@acme.test");
        var refused = casey.post("/spikes/1/bookings", fields);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"contactEmail-error\""), "a message on the field");
        assertTrue(refused.body().contains("value=\"a{b}|^@acme.test\""), "what was typed is kept");

        long acme = portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
        portal.db.update(BOOKING).set(BOOKING.CONTACT_EMAIL, "a{b}|^@acme.test").where(BOOKING.ID.eq(acme)).execute();
        var ics = casey.get("/bookings/" + acme + ".ics");
        assertEquals(200, ics.statusCode(), "an address saved before the rule never breaks the invitation");
        assertTrue(ics.body().contains("mailto:a%7Bb%7D%7C%5E@acme.test"), ics.body());
    }

    private long acme() {
        return portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
    }

    @Test
    void noDeadEndsACancelledBookingOffersNoCalendarAndInsideTheCutOffTheSupportContactShows() {
        long id = acme();
        WebClient casey = portal.signedIn("customer@demo.test");
        String before = casey.get("/bookings/" + id).body();
        assertTrue(before.contains("id=\"ics-link\""));
        var start = portal.db.select(ltsportal.db.Tables.SPIKE_WINDOW.STARTS_AT).from(BOOKING).join(ltsportal.db.Tables.SPIKE_WINDOW)
                .on(ltsportal.db.Tables.SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID)).where(BOOKING.ID.eq(id)).fetchSingle().value1().toInstant();
        portal.clock.advance(java.time.Duration.between(portal.clock.instant(), start.minus(java.time.Duration.ofHours(2))));
        casey = portal.signedIn("customer@demo.test");
        String inside = casey.get("/bookings/" + id).body();
        assertTrue(inside.contains("id=\"cutoff-help\"") && inside.contains("mailto:support@portal.test"), "who to write to");
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/cancel", Map.of("reason", "customer called")).statusCode());
        String cancelled = casey.get("/bookings/" + id).body();
        assertTrue(!cancelled.contains("id=\"ics-link\""), "no calendar add for a cancelled booking");
        assertTrue(casey.get("/bookings/" + id + ".ics").body().contains("METHOD:CANCEL"), "the .ics still serves the cancellation");
    }

    @Test
    void aCustomerStillOpensAClosedSpikeTheyBookedInAndTheListShowsPastSpikesAndWhenBookingOpens() {
        long id = acme();
        long spike = portal.db.select(BOOKING.SPIKE_ID).from(BOOKING).where(BOOKING.ID.eq(id)).fetchSingle().value1();
        portal.db.update(SPIKE).set(SPIKE.STATUS, ltsportal.spikes.Spike.Status.CLOSED).where(SPIKE.ID.eq(spike)).execute();
        WebClient casey = portal.signedIn("customer@demo.test");
        assertEquals(200, casey.get("/spikes/" + spike).statusCode(), "their organization booked in it");
        assertEquals(404, portal.signedIn("customer2@demo.test").get("/spikes/999").statusCode());
        portal.db.update(SPIKE).set(SPIKE.STATUS, ltsportal.spikes.Spike.Status.OPEN).where(SPIKE.ID.eq(spike)).execute();

        Map<String, String> later = spikeForm();
        later.put("name", "Later spike");
        later.put("startsOn", "2027-03-01");
        later.put("endsOn", "2027-03-05");
        later.put("status", "open");
        later.put("horizonDays", "60");
        assertEquals(303, manager().post("/manage/spikes", later).statusCode());
        Map<String, String> over = spikeForm();
        over.put("name", "Spring spike");
        over.put("startsOn", "2026-05-04");
        over.put("endsOn", "2026-05-08");
        over.put("status", "closed");
        assertEquals(303, manager().post("/manage/spikes", over).statusCode());
        portal.db.update(SPIKE).set(SPIKE.STATUS, ltsportal.spikes.Spike.Status.OPEN).where(SPIKE.NAME.eq("Spring spike")).execute();
        String list = casey.get("/spikes").body();
        assertTrue(list.indexOf("Spring spike") > list.indexOf("id=\"past\""), "an open spike already over is listed under Past");
        assertTrue(list.contains("booking opens on 31 Dec 2026"), "the first window (1 Mar 2027) less the 60-day horizon: " + list);
    }

    @Test
    void invitingAnAddressThatHasAnAccountSaysSoBeforeSending() {
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/account/invitations");
        var refused = casey.post("/account/invitations", Map.of("email", "customer2@demo.test"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("This address has an account already"), refused.body());
        assertEquals(0, portal.db.fetchCount(ltsportal.db.Tables.INVITATION));
    }

    @Test
    void resizingABookedWindowReachesItsBookingsHistoryInvitationAndMail() {
        long id = acme();
        long window = portal.db.select(BOOKING.WINDOW_ID).from(BOOKING).where(BOOKING.ID.eq(id)).fetchSingle().value1();
        WebClient maria = manager();
        maria.get("/manage/spikes/1");
        assertEquals(303, maria.post("/manage/spikes/1/windows/" + window, Map.of("minutes", "300", "capacity", "4")).statusCode());
        WebClient casey = portal.signedIn("customer@demo.test");
        assertTrue(casey.get("/bookings/" + id).body().contains("data-kind=\"window-changed\""), "in the booking's history");
        assertTrue(casey.get("/bookings/" + id + ".ics").body().contains("SEQUENCE:1"), "calendars apply the new end");
        int inWindow = portal.db.fetchCount(BOOKING, BOOKING.WINDOW_ID.eq(window));
        assertEquals(2, inWindow, "Acme and Globex share this demo window");
        assertEquals(inWindow, portal.db.fetchCount(ltsportal.db.Tables.OUTBOX_MESSAGE,
                ltsportal.db.Tables.OUTBOX_MESSAGE.KIND.eq("booking-moved")), "each booking's customer is told");
    }

    @Test
    void aSingleWindowOutsideTheSpikeOnABlackoutDayAtATimeTheClocksSkipOrInThePastIsRefused() {
        Map<String, String> form = spikeForm();
        form.put("name", "Spring forward");
        form.put("startsOn", "2027-03-22");
        form.put("endsOn", "2027-03-31");
        form.put("blackoutDates", "2027-03-29");
        WebClient maria = manager();
        assertEquals(303, maria.post("/manage/spikes", form).statusCode());
        long spike = portal.db.select(SPIKE.ID).from(SPIKE).where(SPIKE.NAME.eq("Spring forward")).fetchSingle(SPIKE.ID);
        String path = "/manage/spikes/" + spike + "/windows";
        maria.get("/manage/spikes/" + spike);
        int before = portal.db.fetchCount(ltsportal.db.Tables.SPIKE_WINDOW);
        var outside = maria.post(path, Map.of("date", "2027-04-02", "time", "10:00", "minutes", "120", "capacity", "1"));
        assertEquals(400, outside.statusCode());
        assertTrue(outside.body().contains("Windows are inside the spike"));
        var blackout = maria.post(path, Map.of("date", "2027-03-29", "time", "10:00", "minutes", "120", "capacity", "1"));
        assertEquals(400, blackout.statusCode());
        assertTrue(blackout.body().contains("2027-03-29 is a blackout day"));
        var skipped = maria.post(path, Map.of("date", "2027-03-28", "time", "02:30", "minutes", "120", "capacity", "1"));
        assertEquals(400, skipped.statusCode());
        assertTrue(skipped.body().contains("02:30 does not exist on 2027-03-28 in Europe/Berlin") && skipped.body().contains("Choose 03:30"),
                skipped.body());
        maria.get("/manage/spikes/1");
        assertEquals(303, maria.post("/manage/spikes/1/windows", Map.of("date", "2026-06-08", "time", "18:00", "minutes", "120",
                "capacity", "1")).statusCode(), "a week ahead, after the day's last window: fine");
        portal.clock.advance(java.time.Duration.ofDays(8));
        maria = manager();
        maria.get("/manage/spikes/1");
        var past = maria.post("/manage/spikes/1/windows", Map.of("date", "2026-06-08", "time", "06:00", "minutes", "120", "capacity", "1"));
        assertEquals(400, past.statusCode());
        assertTrue(past.body().contains("That moment has passed"));
        assertEquals(before + 1, portal.db.fetchCount(ltsportal.db.Tables.SPIKE_WINDOW), "only the one valid window, added before the clock moved");
    }

    @Test
    void theBookingsPlanLinksKeepItsDeployment() {
        long id = acme();
        portal.db.update(BOOKING).set(BOOKING.DEPLOYMENT, "helm").where(BOOKING.ID.eq(id)).execute();
        String page = portal.signedIn("customer@demo.test").get("/bookings/" + id).body();
        var link = java.util.regex.Pattern.compile("id=\"runbook-link\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(link.find(), page);
        assertTrue(link.group(1).contains("deployment=helm"), link.group(1));
        String runbook = portal.signedIn("customer@demo.test").get(link.group(1).replace("&amp;", "&")).body();
        assertTrue(runbook.contains("helm"), "the runbook has the Helm commands");
    }
}
