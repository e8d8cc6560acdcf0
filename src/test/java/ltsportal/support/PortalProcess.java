package ltsportal.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged portal (target/lts-portal.jar, built before the functional tests run) in a process of
 * its own, as an operator runs it: to be killed, stopped with SIGTERM and started again.
 */
public final class PortalProcess implements AutoCloseable {
    static final Path JAR = Path.of("target/lts-portal.jar");
    static final Path ARCHIVE = Path.of("target/lts-portal.jsa");

    private final Process process;
    private volatile int port;
    private final Path log;

    private PortalProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the jar with these settings (demo data, the fixture content, a frozen clock) and waits until /readyz says ready. */
    public static PortalProcess start(String dbUrl, String dbUser, String dbPassword) throws Exception {
        return start(dbUrl, dbUser, dbPassword, "512m");
    }

    /** The same with a heap of the given size ({@code -Xmx}). */
    public static PortalProcess start(String dbUrl, String dbUser, String dbPassword, String heap) throws Exception {
        return start(dbUrl, dbUser, dbPassword, heap, true);
    }

    /** The same, with demo mode on or (as in a real deployment, where PORTAL_DEMO is unset) off. */
    public static PortalProcess start(String dbUrl, String dbUser, String dbPassword, String heap, boolean demo) throws Exception {
        return start(dbUrl, dbUser, dbPassword, heap, demo, Map.of());
    }

    /** The same with more environment (an SMTP server, the system clock: {@code PORTAL_CLOCK} empty). */
    public static PortalProcess start(String dbUrl, String dbUser, String dbPassword, String heap, boolean demo,
                                      Map<String, String> more) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the functional tier runs after `mvn package`");
        }
        Path log = Files.createTempFile("portal-", ".log");
        // Started as the README starts it: with the package step's AppCDS archive, which maps the classes a start needs
        // (about 1.5 s sooner; a test suite starts the jar a dozen times).
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        if (Files.exists(ARCHIVE)) {
            command.add("-XX:SharedArchiveFile=" + ARCHIVE);
        }
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        // Port 0: the portal binds a free port itself and logs the one it got, so parallel test JVMs never race for one.
        Map<String, String> env = new HashMap<>(Map.of("PORTAL_PORT", "0", "PORTAL_BASE_URL", "http://localhost", "PORTAL_DB_URL", dbUrl,
                "PORTAL_DB_USER", dbUser, "PORTAL_DB_PASSWORD", dbPassword,
                "PORTAL_CLOCK", "2026-06-01T12:00:00Z", "PORTAL_CONTENT_DIR", TestPortal.FIXTURE_CONTENT.toString(),
                "PORTAL_REQUEST_LOG", "DEBUG")); // "GET /path started" lines tell a test what is in flight
        if (demo) {
            env.put("PORTAL_DEMO", "true");
        }
        env.putAll(more);
        builder.environment().remove("PORTAL_DEMO");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        PortalProcess portal = new PortalProcess(builder.start(), log);
        portal.awaitReady(Duration.ofSeconds(90));
        return portal;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public WebClient visitor() {
        return new WebClient(this::url);
    }

    private void awaitReady(Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal exited with " + process.exitValue() + ":\n" + log());
            }
            if (port == 0) {
                var listening = java.util.regex.Pattern.compile("Listening on port (\\d+)").matcher(log());
                if (!listening.find()) {
                    process.waitFor(50, TimeUnit.MILLISECONDS);
                    continue;
                }
                port = Integer.parseInt(listening.group(1));
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url("/readyz"))).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet: ask again once the process had a moment (a poll on a condition, not a wait for luck)
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("the portal did not get ready within " + limit + ":\n" + log());
    }

    /** Waits until the portal's log contains {@code text} at least {@code times} times (or the time is up); whether it does. */
    public boolean awaitLog(String text, int times, Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (occurrences(text) >= times) {
                return true;
            }
            process.waitFor(20, TimeUnit.MILLISECONDS);
        }
        return occurrences(text) >= times;
    }

    private int occurrences(String text) {
        String log = log();
        int count = 0;
        for (int i = log.indexOf(text); i >= 0; i = log.indexOf(text, i + text.length())) {
            count++;
        }
        return count;
    }

    /** Waits until the portal's log contains {@code text} (or the time is up); whether it does. */
    public boolean awaitLog(String text, Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (log().contains(text)) {
                return true;
            }
            // A timed wait on the process, not a guess: it returns at once if the process ends.
            process.waitFor(20, TimeUnit.MILLISECONDS);
        }
        return log().contains(text);
    }

    /** SIGKILL: no shutdown hook, no flush, like an OOM kill or a power cut to the process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then the exit code once it has drained (or -1 if it did not stop within 40 seconds). */
    public int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(40, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** The process id, which a portal also records as part of its instance's name ("4242@host"). */
    public long pid() {
        return process.pid();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
