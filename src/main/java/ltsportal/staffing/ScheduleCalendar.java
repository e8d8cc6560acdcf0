package ltsportal.staffing;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * An engineer's schedule as a calendar to subscribe to (RFC 5545, METHOD:PUBLISH): one event per
 * assignment with a UID that never changes; SEQUENCE follows the booking's (raised when its window
 * moves) and rises once more when the assignment is removed or the booking cancelled, which then
 * reads STATUS:CANCELLED. Times in UTC.
 */
final class ScheduleCalendar {
    private ScheduleCalendar() {
    }

    /** {@code host}: the deployment's host ({@link ltsportal.web.Ids}), ending every UID. */
    static String ics(Engineer engineer, List<ScheduleEntry> entries, String host) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//LTS Portal//Engineer schedule//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(ImmutableMethod.PUBLISH);
        cal.add(new XProperty("X-WR-CALNAME", "Upgrade windows: " + engineer.name()));
        for (ScheduleEntry e : entries) {
            cal.add(event(e, host));
        }
        return write(cal);
    }

    /**
     * One assignment as an invitation to the engineer (RFC 5546): METHOD:REQUEST when assigned,
     * METHOD:CANCEL when removed, with the same UID and SEQUENCE as the event in their schedule feed.
     */
    static String invitation(ScheduleEntry e, String host, String supportEmail) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//LTS Portal//Engineer schedule//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(e.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        VEvent event = event(e, host);
        event.add(new net.fortuna.ical4j.model.property.Organizer(ltsportal.spikes.BookingCalendar.mailto(supportEmail)));
        cal.add(event);
        return write(cal);
    }

    private static VEvent event(ScheduleEntry e, String host) {
        var b = e.booking();
        VEvent event = new VEvent(b.windowStart(), b.windowEnd(), "GitLab upgrade (" + e.assignment().role().key() + "): "
                + b.intake().instanceName());
        event.replace(new DtStamp(e.assignment().removedAt() != null ? e.assignment().removedAt() : b.updatedAt()));
        event.add(new Uid("assignment-" + e.assignment().id() + "@" + host));
        event.add(new Sequence(b.icsSequence() + (e.cancelled() ? 1 : 0)));
        event.add(new Description(b.orgName() + ": upgrade " + b.intake().currentVersion() + " to "
                + b.intake().targetVersion() + " via " + String.join(" -> ", b.upgradePath())
                + "\nContact: " + b.intake().contactName() + ", " + b.intake().contactEmail()
                + "\nBooking " + b.id()));
        event.add(e.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    private static String write(Calendar cal) {
        try {
            StringWriter out = new StringWriter();
            new CalendarOutputter(false).output(cal, out);
            return ltsportal.web.IcsLines.fold(out.toString());
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("cannot write the schedule", e);
        }
    }
}
