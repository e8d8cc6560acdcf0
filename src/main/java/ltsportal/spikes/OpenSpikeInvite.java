package ltsportal.spikes;

import java.time.LocalDate;
import java.util.Optional;
import ltsportal.catalog.SpikeInvite;

/** The catalog's and planner's invitation to book: the first open spike still running or ahead. */
public final class OpenSpikeInvite implements SpikeInvite {
    private final Spikes spikes;

    public OpenSpikeInvite(Spikes spikes) {
        this.spikes = spikes;
    }

    @Override
    public Optional<Invite> next(LocalDate today) {
        return spikes.open().stream().filter(s -> !s.endsOn().isBefore(today)).findFirst()
                .map(s -> new Invite(s.name(), s.focus(), s.dates(), "/spikes/" + s.id()));
    }
}
