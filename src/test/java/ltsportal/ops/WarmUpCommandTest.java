package ltsportal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The package step's AppCDS training run (issue 17): {@code warm-up} answers every page it asks for and exits 0,
 * and the archive it leaves is one the JVM maps for this jar ({@code -Xshare:on} refuses to start otherwise).
 */
@Tag("functional")
class WarmUpCommandTest {

    @Test
    void warmUpAnswersEveryPageAndLeavesAnArchiveTheJvmAccepts() throws Exception {
        Path dir = Files.createTempDirectory("warm-up");
        Path archive = dir.resolve("portal.jsa");
        Path trainingLog = dir.resolve("training.log");
        Process training = java(trainingLog, "-XX:ArchiveClassesAtExit=" + archive, "-jar", "target/lts-portal.jar", "warm-up");
        assertTrue(training.waitFor(180, TimeUnit.SECONDS), "the training run ends");
        String log = Files.readString(trainingLog);
        assertEquals(0, training.exitValue(), log);
        assertTrue(log.matches("(?s).*warm-up: (\\d+) of \\1 requests answered.*"), log);
        assertTrue(Files.size(archive) > 1_000_000, "an archive of the classes loaded");

        Path checkLog = dir.resolve("check.log");
        Process check = java(checkLog, "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-jar", "target/lts-portal.jar",
                "check-content");
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        String checked = Files.readString(checkLog);
        assertEquals(0, check.exitValue(), checked);
        assertTrue(checked.contains("content OK"), checked);
        assertFalse(checked.contains("Unable to use shared archive"), checked);
    }

    private static Process java(Path log, String... args) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java.util.List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORTAL_CONTENT_DIR", TestPortal.FIXTURE_CONTENT.toString());
        builder.environment().put("PORTAL_REQUEST_LOG", "WARN");
        builder.environment().remove("PORTAL_DEMO");
        return builder.start();
    }
}
