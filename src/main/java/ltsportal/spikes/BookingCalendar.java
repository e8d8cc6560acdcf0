package ltsportal.spikes;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * A booking as an iCalendar invitation (RFC 5545/5546): METHOD:REQUEST while it stands (STATUS:TENTATIVE until
 * confirmed, then CONFIRMED, with a reminder the day before), METHOD:CANCEL with STATUS:CANCELLED once cancelled. The UID never changes; SEQUENCE rises with every move or cancel,
 * so calendar clients apply the update. Times in UTC.
 */
public final class BookingCalendar {
    /** For tools and tests that write no mail: an organizer address that goes nowhere. */
    static final BookingCalendar NONE = new BookingCalendar("http://localhost", "upgrade-support@lts-portal.invalid");

    private final String baseUrl;
    private final URI organizer;

    /** {@code supportEmail}: the organizer, where replies about the window go ({@code PORTAL_SUPPORT_EMAIL}). */
    public BookingCalendar(String baseUrl, String supportEmail) {
        this.baseUrl = baseUrl;
        this.organizer = mailto(supportEmail);
    }

    /** A mailto: URI for any address a booking may hold, its characters quoted as URIs need (never a failure). */
    public static URI mailto(String email) {
        try {
            return new URI("mailto", email, null);
        } catch (java.net.URISyntaxException e) {
            return URI.create("mailto:invalid@lts-portal.invalid");
        }
    }

    String uid(Booking booking) {
        return "booking-" + booking.id() + "@" + ltsportal.web.Ids.host(baseUrl);
    }

    String ics(Booking booking, Spike spike) {
        boolean cancelled = booking.status() == BookingStatus.CANCELLED;
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//LTS Portal//Upgrade window//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        VEvent event = new VEvent(booking.windowStart(), booking.windowEnd(),
                "GitLab upgrade window: " + booking.intake().instanceName());
        event.replace(new DtStamp(booking.updatedAt()));
        event.add(new Uid(uid(booking)));
        event.add(new Sequence(booking.icsSequence()));
        Organizer organizer = new Organizer(this.organizer);
        organizer.add(new Cn("LTS Portal upgrade support"));
        event.add(organizer);
        event.add(new net.fortuna.ical4j.model.property.Url(URI.create(baseUrl + "/bookings/" + booking.id())));
        Attendee attendee = new Attendee(mailto(booking.intake().contactEmail()));
        attendee.add(new Cn(booking.intake().contactName()));
        event.add(attendee);
        event.add(new Description("Support spike: " + spike.name() + "\nUpgrade " + booking.intake().currentVersion()
                + " to " + booking.intake().targetVersion() + " via " + String.join(" -> ", booking.upgradePath())
                + "\nBooking " + booking.id()));
        // TENTATIVE until support confirms the window, then CONFIRMED; CANCELLED with the CANCEL.
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED
                : booking.status() == BookingStatus.REQUESTED ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
        if (!cancelled) {
            // A reminder the day before: time to check backups and background migrations.
            VAlarm alarm = new VAlarm(java.time.Duration.ofDays(-1));
            alarm.add(ImmutableAction.DISPLAY);
            alarm.add(new Description("GitLab upgrade window tomorrow: " + booking.intake().instanceName()
                    + ". Check the backup and that background migrations have finished."));
            event.add(alarm);
        }
        cal.add(event);
        try {
            StringWriter out = new StringWriter();
            new CalendarOutputter(false).output(cal, out);
            return ltsportal.web.IcsLines.fold(out.toString());
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("cannot write the invitation", e);
        }
    }

    private static final java.time.format.DateTimeFormatter GOOGLE =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

    /** The same window for "Add to Google Calendar": its template link, times in UTC, the booking's page in the details. */
    public String googleUrl(Booking booking) {
        return "https://calendar.google.com/calendar/render?action=TEMPLATE&text=" + q(title(booking))
                + "&dates=" + GOOGLE.format(booking.windowStart()) + "/" + GOOGLE.format(booking.windowEnd())
                + "&details=" + q(details(booking));
    }

    /** The same window for "Add to Outlook": Outlook on the web's compose link, times in UTC. */
    public String outlookUrl(Booking booking) {
        return "https://outlook.office.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject="
                + q(title(booking)) + "&startdt=" + q(booking.windowStart().toString()) + "&enddt=" + q(booking.windowEnd().toString())
                + "&body=" + q(details(booking));
    }

    private static String title(Booking booking) {
        return "GitLab upgrade window: " + booking.intake().instanceName();
    }

    private String details(Booking booking) {
        return "Upgrade " + booking.intake().currentVersion() + " to " + booking.intake().targetVersion() + " via "
                + String.join(" -> ", booking.upgradePath()) + ". Booking " + booking.id() + ": " + baseUrl + "/bookings/" + booking.id();
    }

    private static String q(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
