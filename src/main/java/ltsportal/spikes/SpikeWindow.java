package ltsportal.spikes;

import java.time.Instant;

/** One bookable window of a spike: when, how many upgrades at once, how many booked. */
public record SpikeWindow(long id, long spikeId, Instant start, Instant end, int capacity, int booked) {

    public int remaining() {
        return Math.max(0, capacity - booked);
    }
}
