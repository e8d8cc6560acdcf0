package ltsportal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies flow one way: the root package (Main, App, Routes) knows every feature, a feature knows
 * web/ and the features below it, web/ knows no feature. Read from the source tree, imports and
 * fully qualified names alike.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/ltsportal");
    /** A reference to a class of the portal: ltsportal.pkg.Class, or ltsportal.Class for the root. */
    private static final Pattern REFERENCE = Pattern.compile("\\bltsportal\\.(?:([a-z]+)\\.)?([A-Z]\\w*)");
    private static final String ROOT = "(root)";
    /** Generated jOOQ classes: a leaf every feature may use. */
    private static final String GENERATED = "db";

    @Test
    void webImportsNoFeature() {
        assertEquals(Set.of(), dependencies().getOrDefault("web", Set.of()),
                "web/ must stay a leaf: move what it needs into web/ or hand it in from App");
    }

    @Test
    void noFeatureImportsTheRootPackage() {
        List<String> offenders = new ArrayList<>();
        dependencies().forEach((pkg, uses) -> {
            if (!pkg.equals(ROOT) && uses.contains(ROOT)) {
                offenders.add(pkg);
            }
        });
        assertEquals(List.of(), offenders, "App, Routes and Main are wiring: no feature may import them");
    }

    @Test
    void noPackagesDependOnEachOtherInACircle() {
        assertEquals(List.of(), cycles(dependencies()));
    }

    @Test
    void theUpgradeRulesKnowNothingOfTheWeb() {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles(SOURCES.resolve("planner"))) {
            String name = file.getFileName().toString();
            boolean webFacing = name.matches(".*(Pages|Api|Form)\\.java");
            String text = read(file);
            if (!webFacing && (text.contains("ltsportal.web.") || text.contains("io.javalin."))) {
                offenders.add(name);
            }
        }
        assertEquals(List.of(), offenders, "only the planner's pages, API and form may use web/ or Javalin");
    }

    @Test
    void theCycleFinderFindsACircle() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(List.of("a -> b -> c -> a"), cycles(graph));
        assertEquals(List.of(), cycles(Map.of("a", Set.of("b"), "b", Set.of("c"))));
    }

    @Test
    void theScanSeesFullyQualifiedNames() {
        Matcher m = REFERENCE.matcher("x == ltsportal.web.Role.ADMIN && ltsportal.Content c");
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) == null ? ROOT : m.group(1));
        }
        assertEquals(List.of("web", ROOT), found);
        assertTrue(dependencies().containsKey("spikes"), "the scan reads the feature packages");
    }

    /** Package to the packages it refers to, without itself and the generated jOOQ code. */
    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Path file : javaFiles(SOURCES)) {
            Path relative = SOURCES.relativize(file);
            String pkg = relative.getNameCount() == 1 ? ROOT : relative.getName(0).toString();
            Set<String> uses = graph.computeIfAbsent(pkg, p -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(withoutComments(read(file)));
            while (m.find()) {
                String target = m.group(1) == null ? ROOT : m.group(1);
                if (!target.equals(pkg) && !target.equals(GENERATED)) {
                    uses.add(target);
                }
            }
        }
        return graph;
    }

    /** Every circle in the graph, each named once from its smallest package. */
    static List<String> cycles(Map<String, Set<String>> graph) {
        Set<String> found = new TreeSet<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            walk(graph, start, new ArrayList<>(List.of(start)), found);
        }
        return new ArrayList<>(found);
    }

    private static void walk(Map<String, Set<String>> graph, String start, List<String> path, Set<String> found) {
        for (String next : new TreeSet<>(graph.getOrDefault(path.get(path.size() - 1), Set.of()))) {
            if (next.equals(start)) {
                if (path.stream().allMatch(p -> p.compareTo(start) >= 0)) {
                    found.add(String.join(" -> ", path) + " -> " + start);
                }
            } else if (!path.contains(next)) {
                path.add(next);
                walk(graph, start, path, found);
                path.remove(path.size() - 1);
            }
        }
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
