package ltsportal.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A dated moment in a line's life, as the feeds announce it. */
public record LifecycleEvent(ReleaseLine line, Kind kind, LocalDate date) {

    public enum Kind {
        RELEASE("release"), END_OF_ACTIVE_SUPPORT("eoas"), END_OF_LIFE_IN_7_DAYS("eol-7d"), END_OF_LIFE("eol");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public String title() {
        String n = "GitLab " + line.name();
        return switch (kind) {
            case RELEASE -> n + " released";
            case END_OF_ACTIVE_SUPPORT -> n + ": end of active support (no more bug fixes)";
            case END_OF_LIFE_IN_7_DAYS -> n + " reaches end of life in 7 days";
            case END_OF_LIFE -> n + " reaches end of life (no more fixes)";
        };
    }

    public String summary() {
        return switch (kind) {
            case RELEASE -> "GitLab " + line.name() + " was released on " + line.releaseDate()
                    + ". It gets bug and security fixes until " + line.eoas() + ".";
            case END_OF_ACTIVE_SUPPORT -> "From " + date + " GitLab " + line.name() + " gets "
                    + (line.lts() ? "long-term support (security and critical fixes)" : "security fixes only")
                    + " until " + line.supportEnds() + ".";
            case END_OF_LIFE_IN_7_DAYS -> "GitLab " + line.name() + " stops getting any fixes on "
                    + line.supportEnds() + ". Plan your upgrade now.";
            case END_OF_LIFE -> "From " + date + " GitLab " + line.name() + " gets no fixes of any kind. Upgrade to a maintained line.";
        };
    }

    /** Every event of every line, newest first. */
    public static List<LifecycleEvent> all(Catalog catalog) {
        List<LifecycleEvent> events = new ArrayList<>();
        for (ReleaseLine line : catalog.lines()) {
            events.add(new LifecycleEvent(line, Kind.RELEASE, line.releaseDate()));
            events.add(new LifecycleEvent(line, Kind.END_OF_ACTIVE_SUPPORT, line.eoas()));
            events.add(new LifecycleEvent(line, Kind.END_OF_LIFE_IN_7_DAYS, line.supportEnds().minusDays(7)));
            events.add(new LifecycleEvent(line, Kind.END_OF_LIFE, line.supportEnds()));
        }
        events.sort(Comparator.comparing(LifecycleEvent::date).thenComparing(e -> e.kind().ordinal())
                .thenComparing(e -> e.line().version()).reversed());
        return events;
    }
}
