package ltsportal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ltsportal.support.TestPortal;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The feeds parse with real parsers: the JDK's XML parser for Atom, ical4j for iCalendar. */
@Tag("functional")
class FeedsHttpTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.at("2026-06-01T12:00:00Z");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void atomHasEventsUpToNowNewestFirst() throws Exception {
        var response = portal.get("/gitlab/feed.atom");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        Document feed = CatalogPagesHttpTest.xml(response.body());
        assertEquals("feed", feed.getDocumentElement().getLocalName());
        assertEquals(ATOM, feed.getDocumentElement().getNamespaceURI());
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertEquals(Feeds.ATOM_ENTRIES, entries.getLength());
        Instant previous = Instant.MAX;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            Instant updated = Instant.parse(text(entry, "updated"));
            assertFalse(updated.isAfter(portal.now), "no future events in the feed");
            assertFalse(updated.isAfter(previous), "newest first");
            previous = updated;
            assertTrue(ids.add(text(entry, "id")), "ids are unique");
            assertFalse(text(entry, "title").isBlank());
        }
        assertEquals("2026-05-21T00:00:00Z", text((Element) entries.item(0), "updated"),
                "19.0's release and 18.9's end of life on 21 May 2026 are the newest events");
        assertTrue(response.body().contains("GitLab 19.0 released"));
        assertFalse(response.body().contains("GitLab 18.10 reaches end of life in 7 days"),
                "18.10's EOL-7 event (11 June) is still in the future");
        assertTrue(response.body().contains("GitLab 18.9 reaches end of life (no more fixes)"));
    }

    @Test
    void idsNameTheDeploymentsOwnHostSoTwoDeploymentsNeverCollide() throws Exception {
        Document feed = CatalogPagesHttpTest.xml(portal.get("/gitlab/feed.atom").body());
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            String id = text((Element) entries.item(i), "id");
            assertTrue(id.matches("tag:portal\\.test,\\d{4}:gitlab/\\d+\\.\\d+/[a-z0-9-]+"), id);
        }
        var catalog = ltsportal.support.TestPortal.catalog();
        var other = new Feeds(catalog, java.time.Clock.fixed(portal.now, java.time.ZoneOffset.UTC),
                "https://LTS.Example.com:8443/portal", CatalogRevisions.Revision.of(catalog));
        Calendar calendar = new CalendarBuilder().build(new StringReader(other.calendar()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertTrue(events.stream().allMatch(e -> e.getUid().orElseThrow().getValue().endsWith("@lts.example.com")),
                "UIDs end in the base URL's host, lower case, without port or path");
        assertTrue(other.atom(java.time.LocalDate.ofInstant(portal.now, java.time.ZoneOffset.UTC)).contains("<id>tag:lts.example.com,2026:gitlab/19.0/"));
    }

    @Test
    void calendarHasAllDayEventsWithAlarmsAndStableUids() throws Exception {
        var response = portal.get("/gitlab/calendar.ics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        assertTrue(calendar.validate().getEntries().stream().noneMatch(e -> e.getSeverity()
                == net.fortuna.ical4j.validate.ValidationEntry.Severity.ERROR), calendar.validate().toString());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(66 * 4, events.size());
        Set<String> uids = new HashSet<>();
        for (VEvent event : events) {
            assertTrue(uids.add(event.getUid().orElseThrow().getValue()));
            assertTrue(event.getProperty("DTSTART").orElseThrow().toString().contains("VALUE=DATE"), "all-day");
            assertEquals(1, event.getAlarms().size());
        }
        assertTrue(uids.contains("gitlab-18.11-eol@portal.test"));
        assertTrue(response.body().contains("DTSTART;VALUE=DATE:20270416"), "18.11's LTS end");
        assertEquals(response.body(), portal.get("/gitlab/calendar.ics").body(), "stable between requests");
    }

    @Test
    void eachLineAndTheLtsLinesHaveTheirOwnFeedAndCalendarLinkedFromTheirPages() throws Exception {
        var line = portal.get("/gitlab/18.10/feed.atom");
        assertEquals(200, line.statusCode());
        Document feed = CatalogPagesHttpTest.xml(line.body());
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertTrue(entries.getLength() > 0);
        for (int i = 0; i < entries.getLength(); i++) {
            assertTrue(text((Element) entries.item(i), "title").contains("18.10"), text((Element) entries.item(i), "title"));
        }
        assertTrue(text(feed.getDocumentElement(), "id").endsWith("/gitlab/18.10/feed.atom"));

        Calendar lts = new CalendarBuilder().build(new StringReader(portal.get("/gitlab/lts/calendar.ics").body()));
        List<VEvent> events = lts.getComponents("VEVENT");
        long ltsLines = TestPortal.content().catalog().lines().stream().filter(ReleaseLine::lts).count();
        assertEquals(ltsLines * 4, events.size(), "the LTS lines' events only");
        assertTrue(events.stream().allMatch(e -> e.getUid().orElseThrow().getValue().matches("gitlab-\\d+\\.11-.*")),
                "x.11 lines only");
        Calendar one = new CalendarBuilder().build(new StringReader(portal.get("/gitlab/18.11/calendar.ics").body()));
        assertEquals(4, one.getComponents("VEVENT").size());
        assertEquals(404, portal.get("/gitlab/99.1/feed.atom").statusCode());
        assertEquals(404, portal.get("/gitlab/banana/calendar.ics").statusCode());
        assertTrue(portal.get("/gitlab/18.10").body().contains("href=\"/gitlab/18.10/feed.atom\""));
        assertTrue(portal.get("/gitlab").body().contains("href=\"/gitlab/lts/calendar.ics\""));
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
    }
}
