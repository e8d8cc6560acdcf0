package ltsportal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as the viewer reads them: "26 Nov 2026, 10:00 CET" in their own time zone. */
public record ZonedText(ZoneId zone) {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

    public String at(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone));
    }
}
