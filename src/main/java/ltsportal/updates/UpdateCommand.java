package ltsportal.updates;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import ltsportal.notes.ContentError;

/**
 * {@code java -jar target/lts-portal.jar update-content [--dry-run] [--source URL] [--stops URL]}: brings
 * {@code content/} up to date from GitLab's release data (an endoflife.date-compatible product answer) and GitLab's
 * upgrade-path list. Everything is fetched and checked first; the new tree must pass the same checks as
 * {@code check-content} in a copy before anything is written, and then the content directory is swapped whole, so
 * it is all the files or none. Prints one line per change (end dates first). Exit 0 when something changed (or
 * would, with {@code --dry-run}), 3 when nothing did, 1 on any error, with nothing written.
 */
public final class UpdateCommand {
    public static final int CHANGED = 0;
    public static final int UNCHANGED = 3;
    public static final int FAILED = 1;
    static final String DEFAULT_SOURCE = "https://endoflife.date/api/v1/products/gitlab";
    static final String DEFAULT_STOPS = "https://gitlab.com/gitlab-org/gitlab/-/raw/master/config/upgrade_path.yml";

    private UpdateCommand() {
    }

    /**
     * {@code check}: the same checks as {@code check-content} on a content directory, throwing {@link ContentError}
     * (Main passes {@code Content::load}; this package does not reach up to the root).
     */
    public static int run(String[] args, Map<String, String> env, Path content, Clock clock, PrintStream out, PrintStream err,
                          java.util.function.Consumer<Path> check) {
        boolean dryRun = false;
        String source = env.getOrDefault("PORTAL_RELEASES_SOURCE", DEFAULT_SOURCE);
        String stops = env.getOrDefault("PORTAL_STOPS_SOURCE", DEFAULT_STOPS);
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--source" -> source = i + 1 < args.length ? args[++i] : null;
                case "--stops" -> stops = i + 1 < args.length ? args[++i] : null;
                default -> {
                    err.println("update-content: unknown option '" + args[i] + "'. Usage: update-content [--dry-run] [--source URL] [--stops URL]");
                    return FAILED;
                }
            }
        }
        if (source == null || stops == null) {
            err.println("update-content: --source and --stops each need a URL.");
            return FAILED;
        }
        var fetch = new Fetch(Duration.ofSeconds(seconds(env, "PORTAL_UPDATE_CONNECT_SECONDS", 10)),
                Duration.ofSeconds(seconds(env, "PORTAL_UPDATE_READ_SECONDS", 30)), seconds(env, "PORTAL_UPDATE_RETRY_MILLIS", 1000));
        try {
            String releases = fetch.text("releases source", source);
            String stopList = fetch.text("stops source", stops);
            var plan = ContentUpdate.plan(content, releases, stopList, LocalDate.now(clock));
            if (!plan.changed()) {
                out.println("content is up to date with " + source);
                return UNCHANGED;
            }
            plan.summary().forEach(out::println);
            Path staged = stage(content, plan.files());
            try {
                check.accept(staged);
            } catch (ContentError e) {
                delete(staged);
                err.println("update-content: the updated content would not pass check-content, so nothing was written: " + e.getMessage());
                return FAILED;
            }
            if (dryRun) {
                delete(staged);
                out.println("(dry run: nothing written)");
                return CHANGED;
            }
            swap(content, staged);
            out.println(plan.files().size() + (plan.files().size() == 1 ? " file" : " files") + " written in " + content);
            return CHANGED;
        } catch (Fetch.Failed | ContentUpdate.Refused e) {
            err.println("update-content: " + e.getMessage() + " Nothing was written.");
            return FAILED;
        } catch (IOException e) {
            err.println("update-content: " + e + ". Nothing was written.");
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private static long seconds(Map<String, String> env, String name, long fallback) {
        try {
            return env.containsKey(name) ? Long.parseLong(env.get(name).strip()) : fallback;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + env.get(name) + "'");
        }
    }

    /** A copy of the content directory, next to it, with the plan's files written in. */
    private static Path stage(Path content, Map<String, String> files) throws IOException {
        Path abs = content.toAbsolutePath().normalize();
        Path staged = abs.resolveSibling(abs.getFileName() + ".update-" + System.nanoTime());
        try (Stream<Path> all = Files.walk(abs)) {
            for (Path p : all.toList()) {
                Path target = staged.resolve(abs.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        for (var f : files.entrySet()) {
            Path target = staged.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, ContentUpdate.utf8(f.getValue()));
        }
        return staged;
    }

    /** The staged directory takes the content directory's place: two renames, the old tree removed after. */
    private static void swap(Path content, Path staged) throws IOException {
        Path abs = content.toAbsolutePath().normalize();
        Path old = abs.resolveSibling(abs.getFileName() + ".old-" + System.nanoTime());
        Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staged, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        delete(old);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
