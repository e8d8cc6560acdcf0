package ltsportal.mail;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.OUTBOX_MESSAGE;
import static ltsportal.db.Tables.SPIKE_WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.util.Map;
import ltsportal.support.Smtp;
import ltsportal.support.WebClient;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** A booking's changes reach the booker and the organization's contact, with an invitation their calendar accepts. */
class BookingMailTest extends ltsportal.support.OnBothDatabasesWithMail {
    private long acme() {
        return portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
    }

    private static Calendar calendar(MimeMessage m) throws Exception {
        String ics = Smtp.part(m, "text/calendar");
        assertNotNull(ics, "an invitation part");
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String vevent(String ics) {
        return ics.substring(ics.indexOf("BEGIN:VEVENT"), ics.indexOf("END:VEVENT") + "END:VEVENT".length());
    }

    @Test
    void aMoveAndACancelReachBothPeopleWithTheSameEventUpdatedThenCancelled() throws Exception {
        long id = acme();
        portal.db.update(BOOKING).set(BOOKING.CONTACT_EMAIL, "ops@acme.test").set(BOOKING.CONTACT_NAME, "Acme Ops")
                .where(BOOKING.ID.eq(id)).execute();
        WebClient casey = portal.signedIn("customer@demo.test");
        String page = casey.get("/bookings/" + id).body();
        var other = portal.db.select(SPIKE_WINDOW.ID).from(SPIKE_WINDOW).orderBy(SPIKE_WINDOW.STARTS_AT).limit(1).offset(12).fetchSingle().value1();
        assertTrue(page.contains("value=\"" + other + "\""), "the window is one to move to");
        assertEquals(303, casey.post("/bookings/" + id + "/reschedule", Map.of("windowId", String.valueOf(other))).statusCode());
        assertEquals(2, portal.deliverMail(), "one message each to the booker and the contact");

        MimeMessage moved = smtp.to("ops@acme.test").get(0);
        assertTrue(moved.getSubject().startsWith("Upgrade window moved: gitlab.acme.test, "), moved.getSubject());
        assertTrue(Smtp.part(moved, "text/plain").contains("Hello Acme Ops,"));
        assertTrue(Smtp.part(moved, "text/html").contains("<strong>moved</strong>"));
        assertTrue(Smtp.contentType(moved, "text/calendar").contains("method=REQUEST"), Smtp.contentType(moved, "text/calendar"));
        Calendar cal = calendar(moved);
        assertEquals("REQUEST", cal.getProperty("METHOD").get().getValue());
        VEvent event = cal.<VEvent>getComponent("VEVENT").orElseThrow();
        assertEquals("booking-" + id + "@portal.test", event.getProperty("UID").get().getValue());
        assertEquals("1", event.getProperty("SEQUENCE").get().getValue(), "a move raises the sequence");
        String download = casey.get("/bookings/" + id + ".ics").body();
        assertEquals(vevent(download), vevent(Smtp.part(moved, "text/calendar")), "the same event as the download, byte for byte");
        MimeMessage toCasey = smtp.to("customer@demo.test").get(0);
        assertTrue(Smtp.part(toCasey, "text/plain").contains("When:      "), "times in the recipient's zone");

        casey.get("/bookings/" + id);
        assertEquals(303, casey.post("/bookings/" + id + "/cancel", Map.of("reason", "postponed")).statusCode());
        assertEquals(2, portal.deliverMail());
        MimeMessage cancelled = smtp.to("ops@acme.test").get(1);
        Calendar cancel = calendar(cancelled);
        assertEquals("CANCEL", cancel.getProperty("METHOD").get().getValue());
        assertEquals("2", cancel.<VEvent>getComponent("VEVENT").orElseThrow().getProperty("SEQUENCE").get().getValue());
        assertEquals(4, smtp.received().size(), "nothing else, nothing twice");
        assertEquals(0, portal.deliverMail(), "a second round finds nothing to send");
    }

    @Test
    void everyMessageCarriesTheHeadersMailClientsExpect() throws Exception {
        long id = acme();
        portal.approvedReview(id);
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/confirm", Map.of()).statusCode());
        portal.deliverMail();
        MimeMessage confirmed = smtp.to("customer@demo.test").get(0);
        assertTrue(confirmed.getSubject().startsWith("Upgrade window confirmed"));
        assertTrue(Smtp.header(confirmed, "Message-ID").matches("<[0-9a-f]{32}\\.\\d+@portal\\.test>"), Smtp.header(confirmed, "Message-ID"));
        assertEquals("auto-generated", Smtp.header(confirmed, "Auto-Submitted"));
        assertEquals(null, Smtp.header(confirmed, "List-Unsubscribe"), "booking changes always go out: nothing to unsubscribe from");
        assertTrue(confirmed.getFrom()[0].toString().contains("no-reply@portal.test"));
        assertEquals(OutboxStatus.SENT, portal.db.select(OUTBOX_MESSAGE.STATUS).from(OUTBOX_MESSAGE).limit(1).fetchSingle().value1());
    }

    @Test
    void aNewBookingIsAcknowledgedToTheBookerAndTheContactWithAnInvitation() throws Exception {
        WebClient casey = portal.signedIn("customer@demo.test");
        var windows = ltsportal.support.BookingLoad.windows(casey);
        assertEquals(303, new ltsportal.support.BookingLoad().bookOnce(casey, windows.get(5)));
        assertEquals(2, portal.deliverMail(), "the booker and the contact named on the form");
        MimeMessage toContact = smtp.to("casey@acme.test").get(0);
        assertTrue(toContact.getSubject().startsWith("Upgrade window requested: "), toContact.getSubject());
        assertTrue(Smtp.part(toContact, "text/plain").contains("Support will confirm it once an engineer has reviewed your upgrade plan."));
        assertEquals("REQUEST", calendar(toContact).getProperty("METHOD").get().getValue());
        assertEquals("0", calendar(toContact).<VEvent>getComponent("VEVENT").orElseThrow().getProperty("SEQUENCE").get().getValue());
        assertEquals(1, smtp.to("customer@demo.test").size());
    }
}
