package ltsportal.fleet;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import ltsportal.catalog.Phase;
import ltsportal.catalog.ReleaseLine;
import ltsportal.catalog.SupportCheck;
import ltsportal.catalog.Version;

/**
 * Where one instance stands today, from the same support check the home page uses: {@code urgency} orders the list
 * (ended first, then ending within {@link #ENDING_DAYS} days, then supported, then versions newer than the data).
 * {@code endsOn} and {@code daysLeft} are null when the data does not know the line; {@code target} is the
 * recommended upgrade (never a downgrade) or null.
 */
public record InstanceStatus(Instance instance, Urgency urgency, String label, ReleaseLine line, LocalDate endsOn,
                             Long daysLeft, Version target, boolean lts) {
    /** "Ending soon" on the instances page and in the dashboard: within this many days of the end of support. */
    public static final int ENDING_DAYS = 90;

    public enum Urgency {
        ENDED("ended", "Unsupported"), ENDING("ending", "Support ends soon"), SUPPORTED("supported", "Supported"),
        NEWER("newer", "Newer than our data");

        private final String key;
        private final String label;

        Urgency(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    public static InstanceStatus of(Instance instance, SupportCheck check, LocalDate today) {
        var answer = check.check(instance.version(), today);
        if (answer instanceof SupportCheck.Known k) {
            if (k.newerThanData() && k.status().supported()) {
                return new InstanceStatus(instance, Urgency.NEWER, "Newer than our data: " + k.line().name() + " is "
                        + k.status().label().toLowerCase(java.util.Locale.ROOT), k.line(), k.line().supportEnds(),
                        days(today, k.line().supportEnds()), null, k.status().phase() == Phase.LTS);
            }
            LocalDate ends = k.line().supportEnds();
            Long left = days(today, ends);
            Urgency urgency = !k.status().supported() ? Urgency.ENDED
                    : left != null && left <= ENDING_DAYS ? Urgency.ENDING : Urgency.SUPPORTED;
            return new InstanceStatus(instance, urgency, k.status().label(), k.line(), ends, left, k.recommendedTarget(),
                    k.status().phase() == Phase.LTS);
        }
        if (answer instanceof SupportCheck.UnknownLine u) {
            return u.olderThanCatalog()
                    ? new InstanceStatus(instance, Urgency.ENDED, "End of life (older than " + u.oldest().name() + ")", null, null, null,
                    u.newest().latest(), false)
                    : new InstanceStatus(instance, Urgency.NEWER, "Newer than our data (newest known: " + u.newest().name() + ")", null,
                    null, null, null, false);
        }
        // a stored version always parses (the form and the check-in refuse others); kept total for safety
        return new InstanceStatus(instance, Urgency.NEWER, "Unknown version", null, null, null, null, false);
    }

    private static Long days(LocalDate today, LocalDate ends) {
        return ends == null ? null : ChronoUnit.DAYS.between(today, ends);
    }

    /** Maintained here means any supported phase, as the north star counts it. */
    public boolean maintained() {
        return urgency != Urgency.ENDED;
    }

    /** The planner for this instance: from its version to the recommended target, with its deployment and edition. */
    public String planUrl() {
        return "/gitlab/plan?from=" + instance.version() + (target == null ? "" : "&to=" + target) + "&deployment="
                + instance.deployment() + "&edition=" + instance.edition();
    }
}
