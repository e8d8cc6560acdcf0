package ltsportal.catalog;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import ltsportal.web.Conditional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/** The lifecycle as an Atom feed (events up to today) and an iCalendar feed (all events, with alarms). */
public final class Feeds {
    static final int ATOM_ENTRIES = 100;

    private final Catalog catalog;
    private final Clock clock;
    private final String baseUrl;
    private final CatalogRevisions.Revision revision;
    private final List<LifecycleEvent> events;

    public Feeds(Catalog catalog, Clock clock, String baseUrl, CatalogRevisions.Revision revision) {
        this.catalog = catalog;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.revision = revision;
        this.events = LifecycleEvent.all(catalog);
    }

    public void atom(Context ctx) {
        Conditional.send(ctx, "application/atom+xml; charset=utf-8", atom(LocalDate.now(clock)));
    }

    public void calendar(Context ctx) {
        ctx.header("Content-Disposition", "inline; filename=\"gitlab-lifecycle.ics\"");
        Conditional.send(ctx, "text/calendar; charset=utf-8", calendar());
    }

    String atom(LocalDate today) {
        List<LifecycleEvent> past = events.stream().filter(e -> !e.date().isAfter(today)).limit(ATOM_ENTRIES).toList();
        String label = catalog.product().label();
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            element(xml, "id", baseUrl + "/gitlab/feed.atom");
            element(xml, "title", label + " release lines: releases and ends of support");
            element(xml, "updated", past.isEmpty() ? revision.lastModified().toString() : timestamp(past.get(0).date()));
            link(xml, "self", baseUrl + "/gitlab/feed.atom");
            link(xml, "alternate", baseUrl + "/gitlab");
            xml.writeStartElement("author");
            element(xml, "name", "LTS Portal");
            xml.writeEndElement();
            for (LifecycleEvent e : past) {
                xml.writeStartElement("entry");
                element(xml, "id", "tag:lts-portal," + e.date().getYear() + ":gitlab/" + e.line().name() + "/" + e.kind().key());
                element(xml, "title", e.title());
                element(xml, "updated", timestamp(e.date()));
                link(xml, "alternate", baseUrl + "/gitlab/" + e.line().name());
                element(xml, "summary", e.summary());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
    }

    String calendar() {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//LTS Portal//GitLab lifecycle//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(new XProperty("X-WR-CALNAME", catalog.product().label() + " release lifecycle"));
        cal.add(new RefreshInterval(new ParameterList(java.util.List.of(net.fortuna.ical4j.model.parameter.Value.DURATION)),
                Duration.ofDays(1)));
        cal.add(new XProperty("X-PUBLISHED-TTL", "P1D"));
        for (LifecycleEvent e : events) {
            VEvent event = new VEvent(e.date(), e.date().plusDays(1), e.title());
            event.replace(new DtStamp(revision.lastModified()));
            event.add(new Uid("gitlab-" + e.line().name() + "-" + e.kind().key() + "@lts-portal"));
            event.add(new Description(e.summary()));
            event.add(new Url(java.net.URI.create(baseUrl + "/gitlab/" + e.line().name())));
            event.add(ImmutableTransp.TRANSPARENT);
            VAlarm alarm = new VAlarm(Duration.ofHours(9));
            alarm.add(new Action("DISPLAY"));
            alarm.add(new Description(e.title()));
            event.add(alarm);
            cal.add(event);
        }
        try {
            StringWriter out = new StringWriter();
            new CalendarOutputter(true).output(cal, out);
            return out.toString();
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("cannot write the calendar", e);
        }
    }

    private static String timestamp(LocalDate date) {
        return date.atStartOfDay().atOffset(ZoneOffset.UTC).toInstant().toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}
