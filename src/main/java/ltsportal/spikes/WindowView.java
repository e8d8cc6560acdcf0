package ltsportal.spikes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A window as one viewer sees it: in their time zone, with its offset, and whether they can book it. */
public record WindowView(SpikeWindow window, BookingRules.Availability availability, ZonedDateTime start,
                         ZonedDateTime end) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    public static List<WindowView> of(Spike spike, List<SpikeWindow> windows, ZoneId zone, Instant now) {
        return windows.stream().map(w -> new WindowView(w, BookingRules.availability(spike, w, now),
                w.start().atZone(zone), w.end().atZone(zone))).toList();
    }

    public boolean bookable() {
        return availability == BookingRules.Availability.AVAILABLE;
    }

    public String day() {
        return DAY.format(start);
    }

    /** "09:00–13:00 UTC+02:00"; an end on a later day says so. */
    public String times() {
        String endText = TIME.format(end) + (end.toLocalDate().equals(start.toLocalDate()) ? "" : " next day");
        return TIME.format(start) + "\u2013" + endText;
    }

    /**
     * "UTC+02:00"; a window across a clock change names both offsets ("UTC-04:00 to UTC-05:00"), so that 01:30 on a
     * fall-back night, which happens twice, says which one it is and the 4-hour window does not read as 3.
     */
    public String offset() {
        String from = utc(start);
        return end.getOffset().equals(start.getOffset()) ? from : from + " to " + utc(end);
    }

    private static String utc(ZonedDateTime t) {
        String id = t.getOffset().getId();
        return "UTC" + (id.equals("Z") ? "+00:00" : id);
    }

    public long minutes() {
        return java.time.Duration.between(window.start(), window.end()).toMinutes();
    }

    public String left() {
        return window.remaining() + " of " + window.capacity() + " left";
    }

    public static String describe(Instant start, Instant end, ZoneId zone) {
        WindowView v = new WindowView(null, null, start.atZone(zone), end.atZone(zone));
        return v.day() + ", " + v.times() + " " + zone.getId() + " (" + v.offset() + ")";
    }
}
