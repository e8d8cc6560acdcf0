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
 * web/ and the features below it, web/ knows no feature; inside a package, no two classes need each other,
 * directly or around a circle. Read from the source tree, imports, simple and fully qualified names alike.
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
    void noClassesDependOnEachOtherInACircleInsideAPackage() {
        List<String> knots = new ArrayList<>();
        classDependencies().forEach((pkg, graph) -> stronglyConnected(graph).forEach(knot -> knots.add(pkg + ": " + knot)));
        assertEquals(List.of(), knots, "classes of a package that need each other: give the shared part a class of its own, "
                + "or hand one side what it needs");
    }

    @Test
    void theClassKnotFinderFindsEachKnotOnce() {
        Map<String, Set<String>> graph = Map.of("A", Set.of("B"), "B", Set.of("C"), "C", Set.of("A", "D"), "D", Set.of(),
                "E", Set.of("F"), "F", Set.of("E"));
        assertEquals(List.of(List.of("A", "B", "C"), List.of("E", "F")), stronglyConnected(graph));
        assertEquals(List.of(), stronglyConnected(Map.of("A", Set.of("B"), "B", Set.of())));
        Map<String, Set<String>> spikes = classDependencies().get("spikes");
        assertTrue(spikes.get("BookingForm").contains("Installation"), "the scan sees a simple name used in the same package");
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

    /**
     * Per package, each top-level class to the classes of the same package it names (in code, not in comments or
     * strings): by simple name, as {@code Other.Nested}, or fully qualified.
     */
    private static Map<String, Map<String, Set<String>>> classDependencies() {
        Map<String, Map<String, String>> sources = new TreeMap<>();
        for (Path file : javaFiles(SOURCES)) {
            Path relative = SOURCES.relativize(file);
            String pkg = relative.getNameCount() == 1 ? ROOT : relative.getName(0).toString();
            String name = file.getFileName().toString().replace(".java", "");
            sources.computeIfAbsent(pkg, p -> new TreeMap<>()).put(name, withoutStrings(withoutComments(read(file))));
        }
        Map<String, Map<String, Set<String>>> result = new TreeMap<>();
        sources.forEach((pkg, classes) -> {
            Map<String, Set<String>> graph = new TreeMap<>();
            classes.forEach((name, code) -> {
                Set<String> uses = new TreeSet<>();
                for (String other : classes.keySet()) {
                    if (!other.equals(name) && Pattern.compile("(?<![\\w.])" + other + "\\b|\\bltsportal\\."
                            + (pkg.equals(ROOT) ? "" : pkg + "\\.") + other + "\\b").matcher(code).find()) {
                        uses.add(other);
                    }
                }
                graph.put(name, uses);
            });
            result.put(pkg, graph);
        });
        return result;
    }

    /** The graph's knots (strongly connected parts of two or more), each sorted, in order (Tarjan's algorithm). */
    static List<List<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new java.util.HashMap<>();
        Map<String, Integer> low = new java.util.HashMap<>();
        java.util.Deque<String> stack = new java.util.ArrayDeque<>();
        List<List<String>> knots = new ArrayList<>();
        for (String v : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, knots);
            }
        }
        knots.sort(java.util.Comparator.comparing(k -> k.get(0)));
        return knots;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                java.util.Deque<String> stack, List<List<String>> knots) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : new TreeSet<>(graph.getOrDefault(v, Set.of()))) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, knots);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> knot = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                knot.add(w);
            } while (!w.equals(v));
            if (knot.size() > 1) {
                knot.sort(null);
                knots.add(knot);
            }
        }
    }

    private static String withoutStrings(String code) {
        return code.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"").replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
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
