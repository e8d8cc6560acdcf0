package ltsportal.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/**
 * Answers "is my version supported?" and where to go next. The recommended target is the newest
 * patch of the newest supported LTS line when that line is newer than the customer's, otherwise the
 * newest patch of the newest supported line (a customer on a supported line below its latest patch
 * is pointed at that patch first). With no supported line left, the newest known patch.
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

    public record Known(Version version, LineStatus status, boolean patchKnown, boolean onLatestPatch,
                        Version recommendedTarget) implements Answer {
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
        return new Known(version, status, patchKnown, onLatest, recommendedTarget(version, status, today));
    }

    Version recommendedTarget(Version version, LineStatus status, LocalDate today) {
        Optional<ReleaseLine> newestSupported = catalog.lines().stream()
                .filter(l -> Lifecycle.status(l, today).supported())
                .findFirst();
        if (newestSupported.isEmpty()) {
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
