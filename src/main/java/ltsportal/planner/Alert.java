package ltsportal.planner;

import java.util.Locale;
import ltsportal.catalog.Version;

/**
 * A version-ranged warning from the Upgrade Path tool's data. With {@code requires} set it warns of
 * a conditional stop and applies only to a hop that would jump over that line.
 */
public record Alert(String title, Version start, Version end, Severity severity, Version requires, When when,
                    String messageMarkdown, String messageHtml) {

    public enum Severity {
        INFO, WARNING, ERROR;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum When {
        BEFORE("Before the upgrade"), DURING("During the upgrade"), AFTER("After the upgrade");

        private final String label;

        When(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether a hop from {@code from} (exclusive) to {@code to} (inclusive) should show this alert. */
    public boolean appliesToHop(Version from, Version to) {
        if (requires != null) {
            return from.lineOnly().isBefore(requires) && requires.isBefore(to.lineOnly());
        }
        return from.isBefore(end) && !to.isBefore(start);
    }
}
