package ltsportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import ltsportal.Content;
import ltsportal.notes.Markdown;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Markdown pipeline (flexmark, then the sanitizer) on one release line's notes, and loading the whole fixture
 * content (every line's front matter and notes, stops and alerts, all checked), which the portal does at start.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MarkdownBenchmark {
    private static final Path CONTENT = Path.of("src/test/resources/fixture/content");
    private final Markdown markdown = new Markdown();
    private String notes;

    @Setup
    public void setUp() throws IOException {
        String file = Files.readString(CONTENT.resolve("gitlab/releases/18.11.md"));
        notes = file.substring(file.indexOf("\n---", 3) + 4);
    }

    @Benchmark
    public String oneLinesNotes() {
        return markdown.toSafeHtml(notes);
    }

    @Benchmark
    public Content wholeContent() {
        return Content.load(CONTENT);
    }
}
