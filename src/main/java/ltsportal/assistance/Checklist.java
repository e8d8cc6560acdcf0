package ltsportal.assistance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ltsportal.catalog.Version;
import ltsportal.spikes.Booking;

/**
 * The engineer's checklist for a plan review, made from the booking's path and intake: what goes wrong
 * around an upgrade (unfinished background migrations, a PostgreSQL too old for the next major, no tested
 * restore, a full disk, Geo sites upgraded out of order).
 */
public final class Checklist {
    private Checklist() {
    }

    public record Item(String key, String label, boolean ticked) {
    }

    public static List<Item> of(Booking booking, Set<String> ticked) {
        List<Item> items = new ArrayList<>();
        items.add(item("backup", "A full backup is taken and a restore of it was tested", ticked));
        items.add(item("disk", "Every node has disk space for the new packages and the database migrations", ticked));
        String previous = booking.intake().currentVersion();
        for (String hop : booking.upgradePath()) {
            items.add(item("bg-" + hop, "Background migrations finished before the upgrade to " + hop, ticked));
            var from = Version.parse(previous);
            var to = Version.parse(hop);
            if (from.isPresent() && to.isPresent() && to.get().major() > from.get().major()) {
                items.add(item("pg-" + to.get().major(), "PostgreSQL meets what GitLab " + to.get().major()
                        + " requires (see the plan's alerts) before the upgrade to " + hop, ticked));
            }
            previous = hop;
        }
        if (booking.intake().geo()) {
            items.add(item("geo", "Geo: the primary site is upgraded first, then each secondary, in the documented order", ticked));
        }
        return items;
    }

    private static Item item(String key, String label, Set<String> ticked) {
        return new Item(key, label, ticked.contains(key));
    }

    /** The ticked keys as stored ("backup,disk,bg-17.3.7"). */
    static String store(Set<String> ticked) {
        return String.join(",", new java.util.TreeSet<>(ticked));
    }

    static Set<String> read(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Set.of(stored.split(","));
    }
}
