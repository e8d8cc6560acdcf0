package ltsportal.accounts;

import java.time.ZoneId;
import java.util.List;

/** The IANA time zones people choose from: region/city names, plus UTC. */
public final class TimeZones {
    public static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.equals("UTC") || (z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+")))
            .sorted()
            .toList();

    /**
     * The zones a picker offers: only IANA's own names (ICU4J's {@code getIanaID}), so a link kept for old data
     * such as Africa/Asmera or Asia/Calcutta is not listed beside Africa/Asmara and Asia/Kolkata.
     */
    public static final List<String> CANONICAL = ALL.stream()
            .filter(z -> z.equals("UTC") || z.equals(com.ibm.icu.util.TimeZone.getIanaID(z)))
            .toList();

    /** One choice of a zone picker: its id and "Europe/Berlin (UTC+02:00)" at the moment that matters. */
    public record Option(String id, String label) {
    }

    /** The canonical zones labelled with their offset at {@code at}, and {@code current} even when it is an old link. */
    public static List<Option> options(java.time.Instant at, String current) {
        java.util.List<String> ids = new java.util.ArrayList<>(CANONICAL);
        if (current != null && !ids.contains(current) && valid(current)) {
            ids.add(current);
            ids.sort(null);
        }
        return ids.stream().map(z -> {
            String offset = ZoneId.of(z).getRules().getOffset(at).getId();
            return new Option(z, z.replace('_', ' ') + " (UTC" + (offset.equals("Z") ? "+00:00" : offset) + ")");
        }).toList();
    }

    private TimeZones() {
    }

    public static boolean valid(String zone) {
        return zone != null && ALL.contains(zone);
    }
}
