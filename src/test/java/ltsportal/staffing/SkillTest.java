package ltsportal.staffing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import ltsportal.spikes.Intake;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The skills a booking needs, read from its intake. */
class SkillTest {
    private static Intake intake(String deployment, String topology, boolean geo, String from, String to) {
        return new Intake("gitlab.example.test", deployment, "ee", topology, geo, from, to, "C", "c@x", "", "", "", "");
    }

    @ParameterizedTest(name = "{0} {1} geo={2} {3} -> {4}: {5}")
    @CsvSource(delimiter = '|', value = {
            "helm|single-node|false|18.8.11|18.11.11|helm",
            "docker|single-node|false|18.8.11|18.11.11|docker",
            "source|single-node|false|18.8.11|18.11.11|source",
            "linux-package|single-node|false|18.8.11|18.11.11|linux-package",
            "linux-package|single-node|true|18.8.11|18.11.11|geo linux-package",
            "linux-package|multi-node|false|18.8.11|18.11.11|linux-package multi-node",
            "linux-package|ra-10k|false|18.8.11|18.11.11|linux-package multi-node",
            "linux-package|single-node|false|17.11.7|18.11.11|linux-package postgresql",
            "linux-package|single-node|false|15.11.13|16.3.9|linux-package postgresql",
            "linux-package|single-node|false|14.10.5|15.11.13|linux-package",
            "helm|ra-50k|true|16.11.10|18.11.11|geo helm multi-node postgresql",
    })
    void neededSkillsFollowTheIntake(String deployment, String topology, boolean geo, String from, String to, String skills) {
        Set<String> keys = new TreeSet<>();
        Skill.needed(intake(deployment, topology, geo, from, to)).forEach(s -> keys.add(s.key()));
        assertEquals(Set.of(skills.split(" ")), keys);
    }

    @Test
    void keysReadBackToTheirSkills() {
        for (Skill s : Skill.values()) {
            assertEquals(s, Skill.of(s.key()).orElseThrow());
        }
        assertTrue(Skill.of("kubernetes").isEmpty(), "an unknown key is no skill");
    }

    @Test
    void thePostgresqlMajorsAreTheOnesTheAlertsSayRaisedPostgresql() throws Exception {
        String alerts = Files.readString(TestPortal.FIXTURE_CONTENT.resolve("gitlab/alerts.yml"));
        var m = Pattern.compile("title: \"GitLab (\\d+) needs PostgreSQL").matcher(alerts);
        Set<Integer> majors = new TreeSet<>();
        while (m.find()) {
            majors.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(new TreeSet<>(Skill.POSTGRESQL_MAJORS), majors);
    }
}
