package ltsportal.updates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import ltsportal.Content;
import ltsportal.catalog.ReleaseLine;
import ltsportal.support.TestPortal;
import ltsportal.web.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * update-content against a real HTTP server in the test JVM serving fixture answers: the release data as an
 * endoflife.date v1 product (made from the fixture content itself) and GitLab's upgrade-path list, each then
 * changed or broken the way a test needs. The content is a copy of the fixture's in a temporary directory.
 */
@Tag("functional")
class UpdateContentTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private HttpServer server;
    private Path content;
    private final Map<String, Answer> answers = new HashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** What the server answers for one path: a status, headers, a body; {@code hang} waits until the test ends. */
    record Answer(int status, String body, Map<String, String> headers, boolean hang) {
        static Answer ok(String body) {
            return new Answer(200, body, Map.of(), false);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            Answer a = answers.getOrDefault(exchange.getRequestURI().getPath(), new Answer(404, "", Map.of(), false));
            if (a.hang()) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        content = Files.createTempDirectory("content-update").resolve("content");
        copy(TestPortal.FIXTURE_CONTENT, content);
        answers.put("/releases", Answer.ok(releases(r -> { })));
        answers.put("/stops.yml", Answer.ok(stops("")));
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The fixture's lines as endoflife.date v1 gives GitLab: its own dates, the newest patch; {@code edit} changes them. */
    private static String releases(Consumer<Map<String, ObjectNode>> edit) {
        Map<String, ObjectNode> byName = new TreeMap<>();
        for (ReleaseLine l : TestPortal.catalog().lines()) {
            ObjectNode r = Json.MAPPER.createObjectNode();
            r.put("name", l.version().lineName());
            r.put("releaseDate", l.releaseDate().toString());
            r.put("isLts", false);
            r.put("eoasFrom", l.eoas().toString());
            r.put("eolFrom", l.eol().toString());
            r.putObject("latest").put("name", l.latest().toString()).put("date", l.latestReleaseDate().toString());
            byName.put(l.version().lineName(), r);
        }
        edit.accept(byName);
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema_version", "1.2.1");
        root.put("last_modified", "2026-08-22T00:00:00Z");
        ArrayNode list = root.putObject("result").put("name", "gitlab").putArray("releases");
        byName.values().forEach(list::add);
        return root.toString();
    }

    private static String stops(String more) {
        return "- major: 18\n  minor: 11\n  comments: \"LTS\"\n- major: 19\n  minor: 2\n" + more;
    }

    private int run(String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "update-content";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--source";
        args[options.length + 2] = url("/releases");
        args[options.length + 3] = "--stops";
        args[options.length + 4] = url("/stops.yml");
        return UpdateCommand.run(args, Map.of("PORTAL_UPDATE_READ_SECONDS", "2", "PORTAL_UPDATE_RETRY_MILLIS", "10"), content, CLOCK,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Content::load);
    }

    private String said() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static String body(String file) {
        return file.substring(file.indexOf("\n---\n", 3) + 5);
    }

    @Test
    void anUnchangedSourceChangesNothingAndExits3() throws IOException {
        var before = tree(content);
        assertEquals(UpdateCommand.UNCHANGED, run(), said());
        assertTrue(said().contains("content is up to date"));
        assertEquals(before, tree(content));
    }

    @Test
    void newerDataWithNoLineChangedMovesOnlyDataAsOf() throws IOException {
        var before = tree(content);
        answers.put("/releases", Answer.ok(releases(r -> { }).replace("2026-08-22T00:00:00Z", "2026-09-01T03:00:00Z")));
        assertEquals(UpdateCommand.CHANGED, run(), said());
        assertTrue(said().contains("dataAsOf 2026-08-22 -> 2026-09-01"), said());
        var after = tree(content);
        for (var f : before.entrySet()) {
            if (!f.getKey().equals("gitlab/product.yml")) {
                assertEquals(f.getValue(), after.get(f.getKey()), f.getKey());
            }
        }
        assertEquals(before.get("gitlab/product.yml").replace("dataAsOf: 2026-08-22", "dataAsOf: 2026-09-01"), after.get("gitlab/product.yml"));
        assertEquals(UpdateCommand.UNCHANGED, run(), "a second run finds nothing new");
    }

    @Test
    void aNewPatchMovesLatestAndKeepsEveryLinesNotesByteForByte() throws IOException {
        var before = tree(content);
        answers.put("/releases", Answer.ok(releases(r -> r.get("18.11").putObject("latest").put("name", "18.11.12").put("date", "2026-08-28"))));
        assertEquals(UpdateCommand.CHANGED, run(), said());
        assertTrue(said().contains("18.11 latest 18.11.11 -> 18.11.12"), said());
        assertTrue(said().contains("18.11 latestReleaseDate 2026-08-14 -> 2026-08-28"), said());
        var after = tree(content);
        String line = after.get("gitlab/releases/18.11.md");
        assertTrue(line.contains("latest: \"18.11.12\"") && line.contains("lts: true") && line.contains("ltsEnd: 2027-04-16"),
                "the portal's LTS overlay is kept: " + line);
        for (var f : before.entrySet()) {
            if (f.getKey().startsWith("gitlab/releases/")) {
                assertEquals(body(f.getValue()), body(after.get(f.getKey())), f.getKey() + ": notes unchanged byte for byte");
            } else if (!f.getKey().equals("gitlab/product.yml")) {
                assertEquals(f.getValue(), after.get(f.getKey()), f.getKey());
            }
        }
        assertTrue(after.get("gitlab/product.yml").contains("dataAsOf: 2026-08-22"));
        Content.load(content); // passes check-content
    }

    @Test
    void aNewLineAndNewStopsArriveAsDraftsThePortalServes() throws Exception {
        answers.put("/releases", Answer.ok(releases(r -> {
            var n = Json.MAPPER.createObjectNode();
            n.put("name", "19.4");
            n.put("releaseDate", "2026-09-17");
            n.put("eoasFrom", "2026-10-15");
            n.put("eolFrom", "2026-12-17");
            n.putObject("latest").put("name", "19.4.1").put("date", "2026-10-01");
            r.put("19.4", n);
        }).replace("2026-08-22T00:00:00Z", "2026-10-02T06:00:00Z")));
        answers.put("/stops.yml", Answer.ok(stops("- major: 19\n  minor: 4\n  comments: \"Conditional: only required with a large ci_builds table\"\n"
                + "- major: 12\n  minor: 10\n")));
        assertEquals(UpdateCommand.CHANGED, run(), said());
        assertTrue(said().contains("19.4 new release line (released 2026-09-17, eoas 2026-10-15, eol 2026-12-17, latest 19.4.1)"), said());
        assertTrue(said().contains("stop 19.4 new conditional stop"), said());
        assertTrue(said().contains("dataAsOf 2026-08-22 -> 2026-10-02"), said());
        String line = Files.readString(content.resolve("gitlab/releases/19.4.md"));
        assertTrue(line.startsWith("---\ncycle: \"19.4\"\nreleaseDate: 2026-09-17\n") && line.contains("## Upgrading to GitLab 19.4"), line);
        String stops = Files.readString(content.resolve("gitlab/stops.yml"));
        assertTrue(stops.contains("# REVIEW: added by update-content on 2026-11-27") && stops.contains("key: review-19-4"), stops);
        assertFalse(stops.contains("\"12.10\""), "stops before the catalog's oldest line are left out");
        var loaded = Content.load(content);
        assertEquals("19.4", loaded.catalog().newest().name());

        try (var portal = ltsportal.support.PortalProcess.start("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "", "512m", false, Map.of("PORTAL_CONTENT_DIR", content.toString()))) {
            var page = portal.visitor().get("/gitlab/19.4");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("19.4.1"));
            String status = portal.visitor().get("/api/v1/status").body();
            assertTrue(status.contains("\"dataAsOf\":\"2026-10-02\"") && status.contains("\"releaseLines\":" + loaded.catalog().lines().size()), status);
        }
    }

    @Test
    void changedEndDatesAreAppliedAndListedFirst() {
        answers.put("/releases", Answer.ok(releases(r -> {
            r.get("19.0").put("eolFrom", "2026-08-27");
            r.get("18.11").putObject("latest").put("name", "18.11.12").put("date", "2026-08-28");
        })));
        assertEquals(UpdateCommand.CHANGED, run(), said());
        String first = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertEquals("19.0 eol 2026-08-20 -> 2026-08-27 (an end date: it changes what customers are told)", first);
    }

    private void refused(String why, String message) throws IOException {
        var before = tree(content);
        assertEquals(UpdateCommand.FAILED, run(), why + ": " + said());
        assertTrue(said().contains(message), why + ": " + said());
        assertTrue(said().contains("Nothing was written"), said());
        assertEquals(before, tree(content), why + ": nothing written");
        try (Stream<Path> siblings = Files.list(content.getParent())) {
            assertEquals(1, siblings.count(), "no staged copy left behind");
        }
    }

    @Test
    void changesThatShouldNeverHappenStopTheUpdateNamingLineAndField() throws IOException {
        answers.put("/releases", Answer.ok(releases(r -> r.get("18.10").put("releaseDate", "2026-03-20"))));
        refused("a release date moves", "18.10 releaseDate: the source says 2026-03-20");
        answers.put("/releases", Answer.ok(releases(r -> r.get("18.10").putObject("latest").put("name", "18.10.7").put("date", "2026-05-01"))));
        refused("latest goes down", "18.10 latest: the source says 18.10.7, older than 18.10.8");
        answers.put("/releases", Answer.ok(releases(r -> r.remove("17.4"))));
        refused("a line disappears", "17.4: the line is in content/ but not in the source");
        answers.put("/releases", Answer.ok(releases(r -> r.get("19.1").putNull("eolFrom"))));
        refused("a date missing", "19.1 eolFrom: \u201c\u201d is not a date");
        answers.put("/releases", Answer.ok(releases(r -> r.get("19.1").put("eolFrom", "2026-06-01"))));
        refused("a tree check-content refuses", "would not pass check-content");
    }

    @Test
    void networkFaultsWriteNothingAndExit1() throws IOException {
        answers.put("/releases", new Answer(403, "", Map.of(), false));
        refused("a 4xx", "answered 403");
        answers.put("/releases", Answer.ok("{not json"));
        refused("malformed JSON", "is not JSON");
        answers.put("/releases", Answer.ok(releases(r -> { })));
        answers.put("/stops.yml", Answer.ok("- major: [1, 2\n"));
        refused("malformed YAML", "stops source: the answer is not YAML");
        answers.put("/stops.yml", Answer.ok(stops("")));
        answers.put("/releases", new Answer(302, "", Map.of("Location", "http://localhost:" + server.getAddress().getPort() + "/releases"), false));
        refused("a redirect to another host", "redirects to another host");
        answers.put("/releases", Answer.ok("x".repeat(Fetch.MAX_BYTES + 1)));
        refused("too large", "larger than 5 MB");
        answers.put("/releases", new Answer(200, "", Map.of(), true));
        refused("no answer in time", "did not answer within 2 s");
    }

    @Test
    void aServerErrorIsTriedAgainAndASameHostRedirectFollowed() {
        AtomicInteger calls = new AtomicInteger();
        String good = releases(r -> r.get("18.11").putObject("latest").put("name", "18.11.12").put("date", "2026-08-28"));
        server.createContext("/flaky", exchange -> {
            byte[] body = (calls.incrementAndGet() < 3 ? "busy" : good).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(calls.get() < 3 ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        answers.put("/releases", new Answer(301, "", Map.of("Location", "/flaky"), false));
        assertEquals(UpdateCommand.CHANGED, run(), said());
        assertEquals(3, calls.get(), "two 503s, then the answer");
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndWritesNothing() throws IOException {
        var before = tree(content);
        answers.put("/releases", Answer.ok(releases(r -> r.get("18.11").putObject("latest").put("name", "18.11.12").put("date", "2026-08-28"))));
        assertEquals(UpdateCommand.CHANGED, run("--dry-run"), said());
        assertTrue(said().contains("18.11 latest 18.11.11 -> 18.11.12") && said().contains("dry run: nothing written"), said());
        assertEquals(before, tree(content));
    }
}
