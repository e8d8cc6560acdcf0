package ltsportal.spikes;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A booking's life: requested -> confirmed -> staffed -> completed, or cancelled on the way. */
public enum BookingStatus {
    REQUESTED, CONFIRMED, STAFFED, COMPLETED, CANCELLED;

    private static final Map<BookingStatus, Set<BookingStatus>> NEXT = Map.of(
            REQUESTED, Set.of(CONFIRMED, CANCELLED),
            CONFIRMED, Set.of(STAFFED, COMPLETED, CANCELLED),
            STAFFED, Set.of(COMPLETED, CANCELLED),
            COMPLETED, Set.of(),
            CANCELLED, Set.of());

    public boolean canBecome(BookingStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Still ahead of its upgrade: it can be cancelled. */
    public boolean active() {
        return this == REQUESTED || this == CONFIRMED || this == STAFFED;
    }

    /** The active statuses, for queries. */
    public static final java.util.List<BookingStatus> ACTIVE = java.util.Arrays.stream(values()).filter(BookingStatus::active).toList();

    /** The window can still be changed: before anyone is staffed on it. */
    public boolean reschedulable() {
        return this == REQUESTED || this == CONFIRMED;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status as people read it ("Waiting for confirmation"); the key stays in URLs, classes and the API. */
    public String label() {
        return switch (this) {
            case REQUESTED -> "Waiting for confirmation";
            case CONFIRMED -> "Confirmed";
            case STAFFED -> "Confirmed, engineers assigned";
            case COMPLETED -> "Completed";
            case CANCELLED -> "Cancelled";
        };
    }

    public static BookingStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** How jOOQ reads and writes {@code booking.status}, so that code only ever handles the enum. */
    public static final class Column extends ltsportal.web.KeyColumn<BookingStatus> {
        public Column() {
            super(BookingStatus.class);
        }
    }
}
