package ltsportal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as the viewer reads them: "26 Nov 2026, 10:00 CET" in their own time zone. */
public record ZonedText(ZoneId zone) {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** The time of day only, as when a window ends on the day it started. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    public String at(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone));
    }
}
