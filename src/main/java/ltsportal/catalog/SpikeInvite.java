package ltsportal.catalog;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The open support spike that the home page and plan results invite signed-out visitors to: set once, when
 * the app is built, by the feature that knows spikes (the catalog and the planner know nothing of them).
 */
@FunctionalInterface
public interface SpikeInvite {
    SpikeInvite NONE = today -> Optional.empty();

    /** The next open spike that has not ended by {@code today}, if any. */
    Optional<Invite> next(LocalDate today);

    /** What the invitation says: the spike's name, the release line it is for, its days, and where to book. */
    record Invite(String name, String focus, String dates, String href) {
    }
}
