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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpenSpikeInvite.class);
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
            Optional<Invite> invite;
            try {
                invite = spikes.open().stream().filter(s -> !s.endsOn().isBefore(today)).findFirst()
                        .map(s -> new Invite(s.name(), s.focus(), s.dates(), "/spikes/" + s.id()));
            } catch (org.jooq.exception.DataAccessException e) {
                // The catalog and the planner are served from memory while the database is out of reach: they
                // keep the invitation they had (or show none) and ask again after FRESH, not on every request.
                LOG.warn("open spike not read, the pages keep {} for now: {}", m == null ? "none" : "the last one", e.getMessage());
                invite = m == null ? Optional.empty() : m.invite();
            }
            m = new Memo(now, today, invite);
            memo = m;
        }
        return m.invite();
    }
}
