package ltsportal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ltsportal.Content;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The live content/ (not the tests' fixture) must stay true to the reference data it was written from: a copy of
 * shared/reference/gitlab/releases.yml kept with the tests, so the check runs wherever the repository is.
 */
class ReferenceDataTest {
    private static final Path REFERENCE = Path.of("src/test/resources/reference/gitlab-releases.yml");

    /** SnakeYAML reads unquoted dates as java.util.Date at midnight UTC. */
    private static String day(Object value) {
        return value instanceof java.util.Date d ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString()
                : value.toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyLineMatchesTheReference() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(REFERENCE));
        List<Map<String, Object>> releases = (List<Map<String, Object>>) doc.get("releases");
        Catalog catalog = Content.load(Path.of("content")).catalog();
        assertEquals(releases.size(), catalog.lines().size());
        for (Map<String, Object> r : releases) {
            ReleaseLine line = catalog.line(r.get("cycle").toString()).orElseThrow();
            String cycle = line.name();
            assertEquals(day(r.get("releaseDate")), line.releaseDate().toString(), cycle);
            assertEquals(day(r.get("eoas")), line.eoas().toString(), cycle);
            assertEquals(day(r.get("eol")), line.eol().toString(), cycle);
            assertEquals(r.get("latest").toString(), line.latest().toString(), cycle);
            assertEquals(day(r.get("latestReleaseDate")), line.latestReleaseDate().toString(), cycle);
            assertEquals(cycle.equals("17.11") || cycle.equals("18.11"), line.lts(), cycle);
        }
    }
}
