package ltsportal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OrganizationNamesTest {
    private static final String ACME = Organizations.skeleton("Acme Robotics");

    @ParameterizedTest
    @ValueSource(strings = {
            "Acme\u00A0Robotics",        // no-break space
            "Acme \u200BRobotics",      // zero-width space
            "\u0391cme Robotics",        // Greek capital Alpha
            "\u0410cme Robotics",        // Cyrillic capital A
            "ACME  ROBOTICS",            // case and spacing
            "Acme Robot\u0456cs",        // Cyrillic small i
            "\uFF21cme Robotics",        // fullwidth A
    })
    void lookAlikesHaveTheSameSkeleton(String name) {
        assertEquals(ACME, Organizations.skeleton(name), name);
    }

    @Test
    void differentNamesStayDifferent() {
        assertNotEquals(ACME, Organizations.skeleton("Acme Robotics Europe"));
        assertNotEquals(ACME, Organizations.skeleton("Globex Logistics"));
    }

    @Test
    void closeButDistinctNamesAreFlaggedForAPerson() {
        assertTrue(Organizations.similar("Acme Robotics", "ACME Robotics, Inc."), "legal form and punctuation");
        assertTrue(Organizations.similar("Acme Robotics", "Acme Robotic"), "one letter apart");
        assertTrue(Organizations.similar("Acme Robotics GmbH", "Acme-Robotics"));
        assertFalse(Organizations.similar("Acme Robotics", "Globex Logistics"));
        assertFalse(Organizations.similar("Acme", "Acne"), "short names are not compared letter by letter");
    }
}
