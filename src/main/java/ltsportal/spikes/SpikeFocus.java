package ltsportal.spikes;

import java.time.LocalDate;
import java.util.Optional;
import ltsportal.catalog.Catalog;
import ltsportal.catalog.Lifecycle;
import ltsportal.catalog.Version;

/**
 * The release line a spike is for: any line the catalog knows, or one announced and not released yet (up to
 * the next major's x.11), so that the next LTS spike can be planned months ahead.
 */
public final class SpikeFocus {
    private SpikeFocus() {
    }

    /** The line's name ("18.11") when {@code text} names an acceptable focus. */
    public static Optional<String> parse(String text, Catalog catalog) {
        var version = Version.parse(text).filter(v -> !v.hasPatch());
        if (version.isEmpty()) {
            return Optional.empty();
        }
        var known = catalog.line(version.get());
        if (known.isPresent()) {
            return Optional.of(known.get().name());
        }
        Version newest = catalog.newest().version();
        Version v = version.get();
        boolean announced = v.isAfter(newest) && v.minor() <= 11 && v.major() <= newest.major() + 1;
        return announced ? Optional.of(v.lineName()) : Optional.empty();
    }

    public static boolean released(String focus, Catalog catalog) {
        return Version.parse(focus).flatMap(catalog::line).isPresent();
    }

    /** What a manager should know about this focus today (not released yet, or past its end of life), or null. */
    public static String warning(String focus, Catalog catalog, LocalDate today) {
        var line = Version.parse(focus).flatMap(catalog::line);
        if (line.isEmpty()) {
            return "GitLab " + focus + " is not released yet: the spike can be planned and staffed now, and customers can "
                    + "book upgrades to it once the portal's release data has it.";
        }
        if (!Lifecycle.status(line.get(), today).supported()) {
            return "GitLab " + focus + " reached the end of its support on " + line.get().supportEnds()
                    + ": this spike would move customers to a version without fixes. Choose a supported line unless that is the point.";
        }
        return null;
    }
}
