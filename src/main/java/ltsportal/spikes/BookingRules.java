package ltsportal.spikes;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * When a window can be booked, moved to or cancelled. Minimum notice counts business days
 * (Monday to Friday) in the spike's zone: with 3 days' notice, a request on Friday afternoon can
 * book from Wednesday at the same time of day.
 */
public final class BookingRules {
    private BookingRules() {
    }

    public enum Availability {
        AVAILABLE("available"), FULL("full"), PAST("past"), TOO_SOON("too soon"),
        BEYOND_HORIZON("not open yet"), CLOSED("spike not open");

        private final String label;

        Availability(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public static Availability availability(Spike spike, SpikeWindow window, Instant now) {
        if (!spike.open()) {
            return Availability.CLOSED;
        }
        if (!now.isBefore(window.start())) {
            return Availability.PAST;
        }
        if (window.start().isBefore(earliestStart(spike, now))) {
            return Availability.TOO_SOON;
        }
        if (window.start().isAfter(latestStart(spike, now))) {
            return Availability.BEYOND_HORIZON;
        }
        if (window.booked() >= window.capacity()) {
            return Availability.FULL;
        }
        return Availability.AVAILABLE;
    }

    /** Now plus the minimum notice in business days, weekends skipped, in the spike's zone. */
    public static Instant earliestStart(Spike spike, Instant now) {
        ZonedDateTime t = now.atZone(spike.zone());
        int left = spike.minNoticeBusinessDays();
        while (left > 0) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return t.toInstant();
    }

    public static Instant latestStart(Spike spike, Instant now) {
        return now.plus(Duration.ofDays(spike.horizonDays()));
    }

    /** Cancelling (or moving away) is allowed until the cut-off before the window starts. */
    public static boolean beforeCutoff(Spike spike, SpikeWindow window, Instant now) {
        return now.isBefore(window.start().minus(Duration.ofHours(spike.cancelCutoffHours())));
    }
}
