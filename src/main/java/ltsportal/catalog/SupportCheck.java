package ltsportal.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/**
 * Answers "is my version supported?" and where to go next. The recommended target is the newest
 * patch of the newest supported LTS line when that line is newer than the customer's, otherwise the
 * newest patch of the newest supported line (a customer on a supported line below its latest patch
 * is pointed at that patch first). With no supported line above the version, the newest known patch. Never a
 * version at or below the customer's: then there is no recommendation.
 */
public final class SupportCheck {
    private final Catalog catalog;

    public SupportCheck(Catalog catalog) {
        this.catalog = catalog;
    }

    public sealed interface Answer permits Malformed, UnknownLine, Known {
    }

    public record Malformed(String input) implements Answer {
    }

    /** A well-formed version whose line the catalog does not hold, older or newer than all it knows. */
    public record UnknownLine(Version version, boolean olderThanCatalog, ReleaseLine oldest, ReleaseLine newest)
            implements Answer {
    }

    /**
     * {@code recommendedTarget} is always above {@code version}, or null when nothing known is (never a downgrade);
     * {@code newerThanData}: the version is at or past the newest release the data knows, or a patch it does not
     * know, so the data may simply be older than the customer's GitLab.
     */
    public record Known(Version version, LineStatus status, boolean patchKnown, boolean onLatestPatch,
                        Version recommendedTarget, boolean newerThanData) implements Answer {
        public ReleaseLine line() {
            return status.line();
        }
    }

    public Answer check(String input, LocalDate today) {
        Optional<Version> parsed = Version.parse(input);
        if (parsed.isEmpty()) {
            return new Malformed(input == null ? "" : input.strip());
        }
        Version version = parsed.get();
        Optional<ReleaseLine> line = catalog.line(version);
        if (line.isEmpty()) {
            return new UnknownLine(version, version.isBefore(catalog.oldest().version()),
                    catalog.oldest(), catalog.newest());
        }
        LineStatus status = Lifecycle.status(line.get(), today);
        Version latest = line.get().latest();
        boolean patchKnown = !version.hasPatch() || !version.isAfter(latest);
        boolean onLatest = version.hasPatch() && !version.isBefore(latest);
        boolean newerThanData = !patchKnown || (version.hasPatch() && !version.isBefore(catalog.newest().latest()));
        Version target = newerThanData ? null : recommendedTarget(version, status, today);
        return new Known(version, status, patchKnown, onLatest, target != null && target.isAfter(version) ? target : null,
                newerThanData);
    }

    Version recommendedTarget(Version version, LineStatus status, LocalDate today) {
        Optional<ReleaseLine> newestSupported = catalog.lines().stream()
                .filter(l -> Lifecycle.status(l, today).supported())
                .findFirst();
        if (newestSupported.isEmpty() || !newestSupported.get().latest().isAfter(version)) {
            // Nothing supported above the version (the data may have run out): the newest release known, if above it.
            return catalog.newest().latest();
        }
        Optional<ReleaseLine> newestLts = catalog.lines().stream()
                .filter(ReleaseLine::lts)
                .filter(l -> Lifecycle.status(l, today).supported())
                .max(Comparator.comparing(ReleaseLine::version));
        if (newestLts.isPresent() && newestLts.get().version().isAfter(version.lineOnly())) {
            return newestLts.get().latest();
        }
        if (status.supported() && version.hasPatch() && version.isBefore(status.line().latest())) {
            return status.line().latest();
        }
        return newestSupported.get().latest();
    }
}
