package ltsportal.fleet;

import static ltsportal.db.Tables.APP_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import jakarta.mail.internet.MimeMessage;
import ltsportal.support.OnBothDatabasesWithMail;
import ltsportal.support.Smtp;
import org.junit.jupiter.api.Test;

/**
 * An organization hears 90, 30 and 7 days before a registered instance's version leaves support: once per instance,
 * line and lead time, with its plan and the open spike, through the real outbox to a real SMTP server.
 */
class InstanceAlertsMailTest extends OnBothDatabasesWithMail {

    private List<MimeMessage> warnings() {
        return smtp.received().stream().filter(m -> {
            try {
                return m.getSubject().contains("leaves support in");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void eachLeadTimeIsToldOnceWithThePlanAndTheSpike() throws Exception {
        portal.db.update(APP_USER).set(APP_USER.NOTIFY_LIFECYCLE, false).where(APP_USER.EMAIL.eq("customer2@demo.test")).execute();
        var casey = portal.signedIn("customer@demo.test");
        long soon = InstancesHttpTest.register(casey, "a.acme.test", "18.10.8");   // 17 days left on 1 June
        InstancesHttpTest.register(casey, "b.acme.test", "19.0.8");               // 80 days left
        InstancesHttpTest.register(casey, "c.acme.test", "18.11.11");             // LTS, 319 days left
        InstancesHttpTest.register(portal.signedIn("customer2@demo.test"), "d.globex.test", "18.10.8");

        portal.deliverMail();
        portal.deliverMail();
        var first = warnings();
        assertEquals(2, first.size(), "a.acme at 30 days, b.acme at 90; Globex turned alerts off; the LTS line is far off");
        MimeMessage a = first.stream().filter(m -> Smtp.part(m, "text/plain").contains("a.acme.test")).findFirst().orElseThrow();
        assertEquals("a.acme.test: GitLab 18.10 leaves support in 17 days", a.getSubject());
        assertTrue(a.getAllRecipients()[0].toString().contains("customer@demo.test"));
        String text = Smtp.part(a, "text/plain");
        assertTrue(text.contains("/gitlab/plan?from=18.10.8&to=") && text.contains("/instances#instance-" + soon), text);
        assertTrue(text.contains("book a window for this upgrade at") && text.contains("?instance=" + soon), "the open spike: " + text);

        portal.clock.advance(Duration.ofDays(11));  // a.acme: 6 days left, inside 7; b.acme: 69, no new lead
        portal.deliverMail();
        portal.deliverMail();
        var second = warnings();
        assertEquals(3, second.size(), "only the 7-day warning is new");
        assertTrue(second.stream().anyMatch(m -> {
            try {
                return m.getSubject().equals("a.acme.test: GitLab 18.10 leaves support in 6 days");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }));
    }
}
