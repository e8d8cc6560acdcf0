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
 * The package step's AppCDS training run (issue 17): {@code warm-up} fails the build unless it answers every page it
 * asks for (Main.warmUp), so what is left to check is the archive it wrote, target/lts-portal.jsa: one the JVM maps
 * for this jar ({@code -Xshare:on} refuses to start otherwise). The package step's archive is checked rather than a
 * second one trained here: training again would take about 20 s of every run.
 */
@Tag("functional")
class WarmUpCommandTest {
    private static final Path ARCHIVE = Path.of("target/lts-portal.jsa");

    @Test
    void thePackageStepsArchiveIsOneTheJvmAcceptsForThisJar() throws Exception {
        assertTrue(Files.exists(ARCHIVE), ARCHIVE + " is written by the package step (not built with -Dcds.skip=true?)");
        assertTrue(Files.size(ARCHIVE) > 1_000_000, "an archive of the classes loaded");
        Path checkLog = Files.createTempFile("cds-check", ".log");
        Process check = java(checkLog, "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-jar", "target/lts-portal.jar",
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
