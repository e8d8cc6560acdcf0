package ltsportal.catalog;

import static ltsportal.web.AtomXml.element;
import static ltsportal.web.AtomXml.link;
import static ltsportal.web.AtomXml.timestamp;

import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import ltsportal.web.Conditional;
import ltsportal.web.DayEvents;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** The lifecycle as an Atom feed (events up to today) and an iCalendar feed (all events, with alarms). */
public final class Feeds {
    static final int ATOM_ENTRIES = 100;

    private final Catalog catalog;
    private final Clock clock;
    private final String baseUrl;
    private final String host;
    private final CatalogRevisions.Revision revision;
    private final List<LifecycleEvent> events;

    public Feeds(Catalog catalog, Clock clock, String baseUrl, CatalogRevisions.Revision revision) {
        this.catalog = catalog;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.host = ltsportal.web.Ids.host(baseUrl);
        this.revision = revision;
        this.events = LifecycleEvent.all(catalog);
    }

    /**
     * Which events a feed or calendar carries: every line's, the LTS lines' (the portal's overlay), or one line's;
     * {@code path} is where it is served without the file name.
     */
    record Scope(String path, String title, java.util.function.Predicate<ReleaseLine> lines) {
        static final Scope ALL = new Scope("/gitlab", "release lines", l -> true);
        static final Scope LTS = new Scope("/gitlab/lts", "LTS lines", ReleaseLine::lts);

        static Scope line(ReleaseLine line) {
            return new Scope("/gitlab/" + line.name(), line.name(), l -> l.name().equals(line.name()));
        }

        String fileName() {
            return "gitlab-" + (path.equals("/gitlab") ? "" : path.substring("/gitlab/".length()) + "-") + "lifecycle.ics";
        }
    }

    public void atom(Context ctx) {
        Conditional.send(ctx, "application/atom+xml; charset=utf-8", atom(LocalDate.now(clock), Scope.ALL));
    }

    public void calendar(Context ctx) {
        sendCalendar(ctx, Scope.ALL);
    }

    /** /gitlab/{cycle}/feed.atom: one line's events, or the LTS lines' for {@code lts}; 404 for a line not in the catalog. */
    public void scopedAtom(Context ctx) {
        Conditional.send(ctx, "application/atom+xml; charset=utf-8", atom(LocalDate.now(clock), scope(ctx)));
    }

    public void scopedCalendar(Context ctx) {
        sendCalendar(ctx, scope(ctx));
    }

    private Scope scope(Context ctx) {
        String cycle = ctx.pathParam("cycle");
        if (cycle.equals("lts")) {
            return Scope.LTS;
        }
        return catalog.linesOldestFirst().stream().filter(l -> l.name().equals(cycle)).findFirst().map(Scope::line)
                .orElseThrow(() -> new ltsportal.web.PageNotFound("GitLab has no release line " + ltsportal.notes.Echo.clip(cycle) + " in the catalog."));
    }

    private void sendCalendar(Context ctx, Scope scope) {
        ctx.header("Content-Disposition", "inline; filename=\"" + scope.fileName() + "\"");
        Conditional.send(ctx, "text/calendar; charset=utf-8", calendar(scope));
    }

    String atom(LocalDate today) {
        return atom(today, Scope.ALL);
    }

    String atom(LocalDate today, Scope scope) {
        List<LifecycleEvent> past = events.stream().filter(e -> scope.lines().test(e.line())).filter(e -> !e.date().isAfter(today))
                .limit(ATOM_ENTRIES).toList();
        String label = catalog.product().label();
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            element(xml, "id", baseUrl + scope.path() + "/feed.atom");
            element(xml, "title", label + " " + scope.title() + ": releases and ends of support");
            element(xml, "updated", past.isEmpty() ? revision.lastModified().toString() : timestamp(past.get(0).date()));
            link(xml, "self", baseUrl + scope.path() + "/feed.atom");
            link(xml, "alternate", baseUrl + (scope == Scope.LTS ? "/gitlab" : scope.path()));
            xml.writeStartElement("author");
            element(xml, "name", "LTS Portal");
            xml.writeEndElement();
            for (LifecycleEvent e : past) {
                xml.writeStartElement("entry");
                element(xml, "id", "tag:" + host + "," + e.date().getYear() + ":gitlab/" + e.line().name() + "/" + e.kind().key());
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
        return calendar(Scope.ALL);
    }

    String calendar(Scope scope) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//LTS Portal//GitLab lifecycle//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(new XProperty("X-WR-CALNAME", catalog.product().label() + (scope == Scope.ALL ? "" : " " + scope.title())
                + " release lifecycle"));
        cal.add(new RefreshInterval(new ParameterList(java.util.List.of(net.fortuna.ical4j.model.parameter.Value.DURATION)),
                Duration.ofDays(1)));
        cal.add(new XProperty("X-PUBLISHED-TTL", "P1D"));
        for (LifecycleEvent e : events.stream().filter(e -> scope.lines().test(e.line())).toList()) {
            cal.add(DayEvents.allDay(e.date(), e.title(), e.summary(), "gitlab-" + e.line().name() + "-" + e.kind().key() + "@" + host,
                    baseUrl + "/gitlab/" + e.line().name(), revision.lastModified()));
        }
        return DayEvents.write(cal, "calendar");
    }
}
