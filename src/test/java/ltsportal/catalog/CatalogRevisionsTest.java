package ltsportal.catalog;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import ltsportal.support.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Instances sharing a database agree on when a catalog revision was first served. */
@Tag("functional")
class CatalogRevisionsTest {
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void firstSeenTimeSurvivesRestartsAndChangesWithContent(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            var revisions = new CatalogRevisions(db.migratedDsl());
            Catalog catalog = new Catalog(SupportCheckTestData.PRODUCT, List.of(
                    Lines.regular("18.10", "2026-03-19", "2026-04-16", "2026-06-18")), "hash-a");
            Instant first = Instant.parse("2026-06-01T10:00:00Z");
            assertEquals(first, revisions.record(catalog, first).lastModified());
            assertEquals(first, revisions.record(catalog, first.plusSeconds(3600)).lastModified(),
                    "a second instance (or a restart) keeps the first time");
            Catalog changed = new Catalog(SupportCheckTestData.PRODUCT, catalog.lines(), "hash-b");
            assertNotEquals(first, revisions.record(changed, first.plusSeconds(7200)).lastModified());
        }
    }
}
