package ltsportal.catalog;

import ltsportal.notes.ContentError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ltsportal.notes.Markdown;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentLoaderTest {
    private static final String GOOD = """
            ---
            cycle: "18.11"
            releaseDate: 2026-04-16
            eoas: 2026-05-21
            eol: 2026-07-16
            lts: true
            ltsEnd: 2027-04-16
            latest: "18.11.11"
            latestReleaseDate: 2026-08-14
            ---
            ## Notes
            """;

    @TempDir
    Path dir;

    private Catalog load(String releaseFile) throws IOException {
        Path releases = Files.createDirectories(dir.resolve("gitlab/releases"));
        Files.copy(TestPortal.FIXTURE_CONTENT.resolve("gitlab/product.yml"), dir.resolve("gitlab/product.yml"));
        Files.writeString(releases.resolve("18.11.md"), releaseFile);
        return new ContentLoader(dir, new Markdown()).load();
    }

    @Test
    void loadsAValidLine() throws IOException {
        ReleaseLine line = load(GOOD).line("18.11").orElseThrow();
        assertEquals("2027-04-16", line.supportEnds().toString());
        assertTrue(line.notesHtml().contains("Notes"));
    }

    @ParameterizedTest(name = "{0} -> line {1}")
    @CsvSource(delimiter = '|', value = {
            "eoas: 2026-05-21|4|eoas|eoas: 2026-13-40",
            "latest: \"18.11.11\"|8|latest|latest: \"18.10.2\"",
            "cycle: \"18.11\"|2|cycle|cycle: \"18.12\"",
            "ltsEnd: 2027-04-16|7|ltsEnd|ltsEnd: 2027-06-01",
            "lts: true|6|lts|lts: yes",
            "eol: 2026-07-16|5|eol|eol: 2026-05-01",
            "latestReleaseDate: 2026-08-14|9|releseDate|releseDate: 2026-08-14",
    })
    void errorsNameTheFileTheLineAndTheField(String original, int line, String field, String replacement) {
        ContentError e = assertThrows(ContentError.class, () -> load(GOOD.replace(original, replacement)));
        assertTrue(e.getMessage().contains("18.11.md:" + line + ": field '" + field + "'"), e.getMessage());
    }

    @Test
    void missingFrontMatterIsRefused() {
        ContentError e = assertThrows(ContentError.class, () -> load("## Just notes\n"));
        assertTrue(e.getMessage().contains("18.11.md:1:"), e.getMessage());
    }

    @Test
    void brokenYamlNamesItsLine() {
        ContentError e = assertThrows(ContentError.class, () -> load(GOOD.replace("eol: 2026-07-16", "eol: [2026")));
        assertTrue(e.getMessage().contains("18.11.md:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void theRepositoryContentIsValidAndComplete() {
        Catalog catalog = TestPortal.catalog();
        assertEquals(66, catalog.lines().size());
        assertEquals("13.10", catalog.oldest().name());
        assertEquals("19.3", catalog.newest().name());
        assertEquals(2, catalog.lines().stream().filter(ReleaseLine::lts).count());
        assertEquals("2026-04-16", catalog.line("17.11").orElseThrow().ltsEnd().toString());
    }
}
