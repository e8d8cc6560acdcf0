package ltsportal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import ltsportal.support.PortalProcess;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A real single-instance deployment on the embedded database has no default credentials (issue 11, item 1). */
@Tag("functional")
class DemoModeTest {

    @Test
    void withoutPortalDemoAnEmbeddedFileDatabaseHasNoDemoAccount() throws Exception {
        Path dir = Files.createTempDirectory("portal-nodemo");
        String url = "jdbc:h2:file:" + dir.resolve("portal").toAbsolutePath() + ";AUTO_SERVER=FALSE";
        try (PortalProcess portal = PortalProcess.start(url, "sa", "", "512m", false)) {
            var visitor = portal.visitor();
            String login = visitor.get("/login").body();
            assertFalse(login.contains("admin@demo.test"), "no demo account is listed");
            assertEquals(401, visitor.post("/login", Map.of("email", "admin@demo.test", "password", TestPortal.DEMO_PASSWORD))
                    .statusCode(), "and none exists");
            assertTrue(portal.log().contains("create-admin EMAIL"), "the log says how to create the first admin:\n" + portal.log());
            assertEquals(0, portal.stop());
        }
    }
}
