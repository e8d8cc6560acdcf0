package ltsportal.accounts;

import java.time.ZoneId;
import java.util.List;

/** The IANA time zones people choose from: region/city names, plus UTC. */
public final class TimeZones {
    public static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.equals("UTC") || (z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+")))
            .sorted()
            .toList();

    private TimeZones() {
    }

    public static boolean valid(String zone) {
        return zone != null && ALL.contains(zone);
    }
}
