package ltsportal.spikes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import ltsportal.catalog.SpikeInvite;

/**
 * The catalog's and planner's invitation to book: the first open spike still running or ahead. Asked on
 * every public page, it is read from the database at most every {@link #FRESH} (by the portal's clock), so
 * the cached public pages need no database round trip; a spike opened or closed shows within that time.
 */
public final class OpenSpikeInvite implements SpikeInvite {
    static final Duration FRESH = Duration.ofSeconds(30);

    private final Spikes spikes;
    private final Clock clock;
    private volatile Memo memo;

    private record Memo(Instant readAt, LocalDate day, Optional<Invite> invite) {
    }

    public OpenSpikeInvite(Spikes spikes, Clock clock) {
        this.spikes = spikes;
        this.clock = clock;
    }

    @Override
    public Optional<Invite> next(LocalDate today) {
        Instant now = clock.instant();
        Memo m = memo;
        if (m == null || !m.day().equals(today) || !now.isBefore(m.readAt().plus(FRESH)) || now.isBefore(m.readAt())) {
            m = new Memo(now, today, spikes.open().stream().filter(s -> !s.endsOn().isBefore(today)).findFirst()
                    .map(s -> new Invite(s.name(), s.focus(), s.dates(), "/spikes/" + s.id())));
            memo = m;
        }
        return m.invite();
    }
}
