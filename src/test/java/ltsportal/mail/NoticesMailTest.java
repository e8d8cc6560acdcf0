package ltsportal.mail;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.ASSIGNMENT;
import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import ltsportal.support.Smtp;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Reviews, conversations, assignments and reminders reach the right people, once. */
class NoticesMailTest extends ltsportal.support.OnBothDatabasesWithMail {
    private long acme() {
        return portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
    }

    private Instant start(long id) {
        return portal.db.select(SPIKE_WINDOW.STARTS_AT).from(BOOKING).join(SPIKE_WINDOW).on(SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID))
                .where(BOOKING.ID.eq(id)).fetchSingle().value1().toInstant();
    }

    private static String subjects(java.util.List<MimeMessage> messages) {
        return messages.stream().map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList().toString();
    }

    @Test
    void theReviewAndTheConversationReachTheOtherSideAndInternalNotesStayWithSupport() {
        long id = acme(); // Erin (engineer@demo.test) is its primary in the demo data
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + id);
        assertEquals(303, casey.post("/bookings/" + id + "/review", Map.of("plan", "1. Upgrade", "rollbackPlan", "Restore",
                "topology", "one node", "backupVerified", "true")).statusCode());
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/review/decision", Map.of("decision", "request-changes",
                "comment", "Add the PostgreSQL 16 upgrade.")).statusCode());
        casey.get("/bookings/" + id);
        assertEquals(303, casey.post("/bookings/" + id + "/messages", Map.of("body", "Done, see the new plan.")).statusCode());
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/messages", Map.of("body", "Customer seems rushed.", "internal", "true")).statusCode());
        assertEquals(303, erin.post("/bookings/" + id + "/messages", Map.of("body", "Thanks, reading it now.")).statusCode());
        portal.deliverMail();

        var toErin = smtp.to("engineer@demo.test");
        assertEquals("[Plan to review: gitlab.acme.test (Acme Robotics), New message about gitlab.acme.test]", subjects(toErin),
                "support hears of the plan and the customer's message, not of their own note");
        var toCasey = smtp.to("customer@demo.test");
        assertEquals("[Changes requested to your upgrade plan: gitlab.acme.test, New message about gitlab.acme.test]", subjects(toCasey));
        assertTrue(Smtp.part(toCasey.get(0), "text/plain").contains("Add the PostgreSQL 16 upgrade."), "the comment is in the mail");
        assertTrue(smtp.received().stream().noneMatch(m -> Smtp.part(m, "text/plain").contains("Customer seems rushed")),
                "an internal note never reaches a customer");
        assertTrue(Smtp.header(toCasey.get(1), "List-Unsubscribe").contains("/account/notifications"), "conversation notices are optional");
        assertEquals(null, Smtp.header(toCasey.get(0), "List-Unsubscribe"), "a review decision always goes out");
    }

    @Test
    void anEngineerPutOnABookingAndTakenOffGetsAnInvitationAndItsCancellation() throws Exception {
        long id = acme();
        long eli = portal.db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq("engineer2@demo.test")).fetchSingle(APP_USER.ID);
        WebClient maria = portal.signedIn("manager@demo.test");
        maria.get("/manage/spikes/1/staffing");
        var assigned = maria.post("/bookings/" + id + "/assignments", Map.of("engineerId", String.valueOf(eli), "role", "backup"));
        assertEquals(303, assigned.statusCode(), assigned.body());
        long assignment = portal.db.select(ASSIGNMENT.ID).from(ASSIGNMENT).where(ASSIGNMENT.ENGINEER_ID.eq(eli)).fetchSingle(ASSIGNMENT.ID);
        maria.get("/manage/spikes/1/staffing");
        assertEquals(303, maria.post("/bookings/" + id + "/assignments/" + assignment + "/remove", Map.of()).statusCode());
        portal.deliverMail();

        var toEli = smtp.to("engineer2@demo.test");
        assertEquals(2, toEli.size());
        assertTrue(toEli.get(0).getSubject().startsWith("You are backup on: gitlab.acme.test (Acme Robotics)"), toEli.get(0).getSubject());
        String path = portal.db.select(BOOKING.UPGRADE_PATH).from(BOOKING).where(BOOKING.ID.eq(id)).fetchSingle().value1().replace(",", " -> ");
        assertTrue(Smtp.part(toEli.get(0), "text/plain").contains("Path:      " + path), "with the path: " + Smtp.part(toEli.get(0), "text/plain"));
        Calendar invite = new CalendarBuilder().build(new StringReader(Smtp.part(toEli.get(0), "text/calendar")));
        Calendar cancel = new CalendarBuilder().build(new StringReader(Smtp.part(toEli.get(1), "text/calendar")));
        assertEquals("REQUEST", invite.getProperty("METHOD").get().getValue());
        assertEquals("CANCEL", cancel.getProperty("METHOD").get().getValue());
        VEvent first = invite.<VEvent>getComponent("VEVENT").orElseThrow();
        VEvent second = cancel.<VEvent>getComponent("VEVENT").orElseThrow();
        assertEquals("assignment-" + assignment + "@portal.test", first.getProperty("UID").get().getValue());
        assertEquals(first.getProperty("UID").get().getValue(), second.getProperty("UID").get().getValue());
        assertEquals("mailto:support@portal.test", first.getProperty("ORGANIZER").get().getValue(),
                "the organizer is PORTAL_SUPPORT_EMAIL, where replies go");
        assertTrue(Integer.parseInt(second.getProperty("SEQUENCE").get().getValue())
                > Integer.parseInt(first.getProperty("SEQUENCE").get().getValue()), "the cancellation supersedes the invitation");
    }

    @Test
    void remindersFire48HoursBeforeForTheCustomerAnd2HoursBeforeForTheEngineersOnce() throws Exception {
        long id = acme();
        portal.approvedReview(id);
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/confirm", Map.of()).statusCode());
        portal.deliverMail();
        int before = smtp.received().size();

        portal.clock.advance(Duration.between(portal.clock.instant(), start(id).minus(Duration.ofHours(48)).minus(Duration.ofMinutes(1))));
        portal.deliverMail();
        assertEquals(before, smtp.received().size(), "not a minute early");
        portal.clock.advance(Duration.ofMinutes(2));
        portal.deliverMail();
        portal.deliverMail();
        var reminders = smtp.received().subList(before, smtp.received().size());
        assertEquals(1, reminders.size(), "once, to the booker who is also the contact: " + subjects(reminders));
        assertTrue(reminders.get(0).getSubject().startsWith("Reminder: your upgrade window for gitlab.acme.test starts"));
        String text = Smtp.part(reminders.get(0), "text/plain");
        assertTrue(text.contains("Before you start:") && text.contains("Background migrations finished"), text);

        portal.clock.advance(Duration.between(portal.clock.instant(), start(id).minus(Duration.ofHours(2)).plus(Duration.ofMinutes(1))));
        portal.deliverMail();
        portal.deliverMail();
        var toErin = smtp.to("engineer@demo.test").stream().filter(m -> {
            try {
                return m.getSubject().startsWith("In 2 hours");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(1, toErin.size(), "the assigned engineer, once");
    }

    @Test
    void aBookedLineLeavingMaintenanceWithin30DaysIsAnnouncedOncePerOrganizationAndPerson() throws Exception {
        var line = TestPortal.catalog().line(ltsportal.catalog.Version.parse("18.11").orElseThrow()).orElseThrow();
        Instant alertDay = line.supportEnds().minusDays(10).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        portal.db.update(APP_USER).set(APP_USER.NOTIFY_LIFECYCLE, false).where(APP_USER.EMAIL.eq("customer2@demo.test")).execute();
        portal.clock.advance(Duration.between(portal.clock.instant(), line.supportEnds().minusDays(31)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        portal.deliverMail();
        assertTrue(smtp.received().stream().noneMatch(m -> Smtp.part(m, "text/plain").contains("leaves maintenance")), "31 days ahead: not yet");
        portal.clock.advance(Duration.between(portal.clock.instant(), alertDay));
        portal.deliverMail();
        portal.deliverMail();
        var alerts = smtp.received().stream().filter(m -> Smtp.part(m, "text/plain").contains("leaves maintenance")).toList();
        assertEquals(1, alerts.size(), "Acme's customer, once; Globex's turned these alerts off: " + subjects(alerts));
        assertEquals("GitLab 18.11 leaves maintenance on " + line.supportEnds(), alerts.get(0).getSubject());
        assertTrue(alerts.get(0).getAllRecipients()[0].toString().contains("customer@demo.test"));
        assertTrue(Smtp.part(alerts.get(0), "text/plain").contains("in 10 days"));
    }
}
