package ltsportal.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The small pieces every Atom feed (RFC 4287) the portal writes is made of: text elements, links, dates. */
public final class AtomXml {
    private AtomXml() {
    }

    /** A day as an Atom date: its start, in UTC. */
    public static String timestamp(LocalDate date) {
        return date.atStartOfDay().atOffset(ZoneOffset.UTC).toInstant().toString();
    }

    public static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    public static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}
