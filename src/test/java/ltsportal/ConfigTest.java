package ltsportal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings from the environment: demo mode only when asked for, durable H2 URLs. */
class ConfigTest {
    @Test
    void demoModeIsOffUnlessAskedForWhateverTheDatabase() {
        assertFalse(Config.fromEnvironment(Map.of()).demo(), "the default embedded database");
        assertFalse(Config.fromEnvironment(Map.of("PORTAL_DB_URL", "jdbc:h2:file:/srv/portal/db")).demo());
        assertTrue(Config.fromEnvironment(Map.of("PORTAL_DEMO", "true")).demo());
        assertFalse(Config.fromEnvironment(Map.of("PORTAL_DEMO", "false")).demo());
        assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(Map.of("PORTAL_DEMO", "maybe")));
    }

    @Test
    void everyEmbeddedFileUrlWritesEachCommitBeforeItReturns() {
        assertEquals("jdbc:h2:file:./data/x;AUTO_SERVER=FALSE;WRITE_DELAY=0", Database.durable("jdbc:h2:file:./data/x;AUTO_SERVER=FALSE"));
        assertEquals("jdbc:h2:./data/x;WRITE_DELAY=0", Database.durable("jdbc:h2:./data/x"));
        assertEquals("jdbc:h2:file:x;write_delay=100", Database.durable("jdbc:h2:file:x;write_delay=100"), "a setting of the user's own stays");
        assertEquals("jdbc:h2:mem:x", Database.durable("jdbc:h2:mem:x"));
        assertEquals("jdbc:postgresql://db/portal", Database.durable("jdbc:postgresql://db/portal"));
    }
}
