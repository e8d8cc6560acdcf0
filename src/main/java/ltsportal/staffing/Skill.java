package ltsportal.staffing;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import ltsportal.catalog.Version;
import ltsportal.spikes.Intake;

/** What an engineer knows, and what a booking's setup needs of whoever helps with it. */
public enum Skill {
    LINUX_PACKAGE, DOCKER, HELM, SOURCE, GEO, MULTI_NODE, POSTGRESQL;

    /**
     * The majors whose first release raised the PostgreSQL GitLab needs (16 needs 13, 17 needs 14, 18
     * needs 16: the "GitLab N needs PostgreSQL" alerts in content/gitlab/alerts.yml). An upgrade that
     * crosses one of them upgrades PostgreSQL too.
     */
    static final Set<Integer> POSTGRESQL_MAJORS = Set.of(16, 17, 18);

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Skill> of(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }

    /** The skills a booking needs, from its intake: deployment, Geo, topology, and a PostgreSQL major upgrade. */
    public static Set<Skill> needed(Intake intake) {
        Set<Skill> needs = EnumSet.noneOf(Skill.class);
        of(intake.deployment()).ifPresent(needs::add);
        if (intake.geo()) {
            needs.add(GEO);
        }
        if (!intake.topology().equals("single-node")) {
            needs.add(MULTI_NODE);
        }
        var from = Version.parse(intake.currentVersion());
        var to = Version.parse(intake.targetVersion());
        if (from.isPresent() && to.isPresent()
                && POSTGRESQL_MAJORS.stream().anyMatch(m -> from.get().major() < m && to.get().major() >= m)) {
            needs.add(POSTGRESQL);
        }
        return needs;
    }
}
