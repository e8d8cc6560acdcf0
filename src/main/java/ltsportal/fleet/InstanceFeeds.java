package ltsportal.fleet;

import static ltsportal.web.AtomXml.element;
import static ltsportal.web.AtomXml.link;
import static ltsportal.web.AtomXml.timestamp;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import ltsportal.web.DayEvents;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * An organization's instances as dates to follow: for each instance whose line has a known end, the day its
 * support ends and the days 90, 30 and 7 before. The calendar (RFC 5545, all-day events, a reminder on the day)
 * carries every date; the Atom feed (RFC 4287) the ones reached by today, newest first. Ids and UIDs name the
 * instance, the line and the date's kind, so a version change makes new events and leaves nothing duplicated.
 */
final class InstanceFeeds {
    private InstanceFeeds() {
    }

    record Event(InstanceStatus status, LocalDate date, String kind, String title, String summary) {
    }

    static List<Event> events(List<InstanceStatus> statuses) {
        List<Event> events = new ArrayList<>();
        for (InstanceStatus s : statuses) {
            if (s.endsOn() == null || s.line() == null || s.urgency() == InstanceStatus.Urgency.NEWER) {
                continue;
            }
            String name = s.instance().name();
            String line = s.line().name();
            for (int lead : InstanceAlerts.LEADS) {
                events.add(new Event(s, s.endsOn().minusDays(lead), "ends-in-" + lead, name + ": GitLab " + line + " leaves support in "
                        + lead + " days", name + " runs " + s.instance().version() + "; GitLab " + line + " gets no fixes after "
                        + s.endsOn() + "." + (s.target() == null ? "" : " Recommended target: " + s.target() + ".")));
            }
            events.add(new Event(s, s.endsOn().plusDays(1), "ended", name + ": GitLab " + line + " is out of support",
                    name + " runs " + s.instance().version() + ", which gets no fixes of any kind since " + s.endsOn() + "."));
        }
        events.sort(Comparator.comparing(Event::date).reversed().thenComparing(e -> e.status().instance().name()));
        return events;
    }

    static String uid(Event e, String host) {
        return "instance-" + e.status().instance().id() + "-" + e.status().line().name() + "-" + e.kind() + "@" + host;
    }

    static String calendar(String orgName, List<InstanceStatus> statuses, String baseUrl, String host, java.time.Instant stamp) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//LTS Portal//Instances//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(new XProperty("X-WR-CALNAME", orgName + ": GitLab instances' support"));
        cal.add(new XProperty("X-PUBLISHED-TTL", "P1D"));
        for (Event e : events(statuses)) {
            cal.add(DayEvents.allDay(e.date(), e.title(), e.summary(), uid(e, host),
                    baseUrl + "/instances#instance-" + e.status().instance().id(), stamp));
        }
        return DayEvents.write(cal, "instances calendar");
    }

    static String atom(String orgName, List<InstanceStatus> statuses, String selfUrl, String baseUrl, String host, LocalDate today) {
        List<Event> past = events(statuses).stream().filter(e -> !e.date().isAfter(today)).limit(100).toList();
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            element(xml, "id", "tag:" + host + ",2026:instances/" + statuses.stream().findFirst().map(s -> s.instance().orgId()).orElse(0L));
            element(xml, "title", orgName + ": GitLab instances' support");
            element(xml, "updated", timestamp(past.isEmpty() ? today : past.get(0).date()));
            link(xml, "self", selfUrl);
            link(xml, "alternate", baseUrl + "/instances");
            xml.writeStartElement("author");
            element(xml, "name", "LTS Portal");
            xml.writeEndElement();
            for (Event e : past) {
                xml.writeStartElement("entry");
                element(xml, "id", "tag:" + host + "," + e.date().getYear() + ":" + uid(e, host).replace("@" + host, ""));
                element(xml, "title", e.title());
                element(xml, "updated", timestamp(e.date()));
                link(xml, "alternate", baseUrl + "/instances#instance-" + e.status().instance().id());
                element(xml, "summary", e.summary());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the instances feed", e);
        }
    }
}
