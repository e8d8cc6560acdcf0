package ltsportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the request log keeps: method, path, status and time, never a credential carried in the address. */
@Tag("functional")
class RequestLogTest {
    @Test
    void invitationAndCalendarTokensNeverReachTheRequestLog() {
        Logger requests = (Logger) LoggerFactory.getLogger("requests");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        requests.addAppender(log);
        // Tests log warnings only; here the request log is on (DEBUG: "started" lines too), to this list alone.
        var level = requests.getLevel();
        requests.setLevel(ch.qos.logback.classic.Level.DEBUG);
        requests.setAdditive(false);
        try (TestPortal portal = TestPortal.at("2026-06-01T12:00:00Z")) {
            WebClient casey = portal.signedIn("customer@demo.test");
            casey.get("/account/invitations");
            String body = casey.post("/account/invitations", Map.of("email", "sam@acme.test")).body();
            int start = body.indexOf("http://portal.test/invitations/");
            String token = body.substring(start + "http://portal.test/invitations/".length(), body.indexOf('<', start));
            assertEquals(200, portal.visitor().get("/invitations/" + token).statusCode());
            portal.visitor().get("/me/schedule.ics?token=secret-calendar-token-123");

            var lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(lines.contains("GET /invitations/[redacted] started"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("GET /invitations/[redacted] 200 ")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("GET /me/schedule.ics ")), lines.toString());
            for (String line : lines) {
                assertFalse(line.contains(token), line);
                assertFalse(line.contains("secret-calendar-token-123"), line);
            }
        } finally {
            requests.detachAppender(log);
            requests.setLevel(level);
            requests.setAdditive(true);
        }
    }
}
