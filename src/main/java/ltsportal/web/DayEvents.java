package ltsportal.web;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * The subscribed calendars' dates (RFC 5545): an all-day event that does not block time, with a reminder on the
 * morning of the day; and a calendar written, validated and folded at 75 octets ({@link IcsLines#fold}).
 */
public final class DayEvents {
    private DayEvents() {
    }

    public static VEvent allDay(LocalDate date, String title, String summary, String uid, String url, Instant stamp) {
        VEvent event = new VEvent(date, date.plusDays(1), title);
        event.replace(new DtStamp(stamp));
        event.add(new Uid(uid));
        event.add(new Description(summary));
        event.add(new Url(java.net.URI.create(url)));
        event.add(ImmutableTransp.TRANSPARENT);
        VAlarm alarm = new VAlarm(Duration.ofHours(9));
        alarm.add(new Action("DISPLAY"));
        alarm.add(new Description(title));
        event.add(alarm);
        return event;
    }

    /** {@code what} names the calendar in the error a bug would raise. */
    public static String write(Calendar cal, String what) {
        try {
            StringWriter out = new StringWriter();
            new CalendarOutputter(true).output(cal, out);
            return IcsLines.fold(out.toString());
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("cannot write the " + what, e);
        }
    }
}
