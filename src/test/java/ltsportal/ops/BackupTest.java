package ltsportal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import ltsportal.Backup;
import ltsportal.Database;
import ltsportal.db.DefaultSchema;
import ltsportal.support.TestDatabase;
import ltsportal.support.TestPortal;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A backup of a portal with bookings and staffing, restored into an empty database, holds every row. */
@Tag("functional")
class BackupTest {

    private static Map<String, Integer> rowsPerTable(DSLContext db) {
        Map<String, Integer> rows = new TreeMap<>();
        for (var table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            rows.put(table.getName(), db.fetchCount(table));
        }
        return rows;
    }

    @Test
    void anAdminDownloadsTheRunningPortalsDatabaseAndItRestoresWhole() throws Exception {
        try (TestPortal portal = TestPortal.at("2026-06-01T12:00:00Z")) {
            var admin = portal.signedIn("admin@demo.test");
            var response = admin.get("/admin/backup.sql");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"lts-portal-2026-06-01.sql\""));
            Path file = Files.createTempFile("backup", ".sql");
            Files.writeString(file, response.body());
            Map<String, Integer> before = rowsPerTable(portal.db);
            assertTrue(before.get("booking") > 0 && before.get("assignment") > 0 && before.get("shift") > 0, before.toString());
            try (TestDatabase empty = TestDatabase.h2()) {
                DSLContext restored = Database.dsl(empty.dataSource, empty.jdbcUrl);
                Backup.restore(restored, file);
                assertEquals(before, rowsPerTable(restored), "every row of every table is back");
                assertEquals(0, Database.pendingMigrations(empty.dataSource), "the migration history came along");
                assertThrows(IllegalArgumentException.class, () -> Backup.restore(restored, file), "never over a database that has data");
            }
        }
    }

    @Test
    void theBackupCommandsRoundTripAnEmbeddedFileDatabase() throws Exception {
        Path dir = Files.createTempDirectory("portal-backup");
        try (TestDatabase source = TestDatabase.h2()) {
            DSLContext db = source.migratedDsl();
            ltsportal.support.Fixture.seed(db, java.time.Instant.parse("2026-06-01T12:00:00Z"));
            Path file = dir.resolve("portal.sql");
            Backup.backup(db, file);
            assertTrue(Files.readString(file).contains("INSERT INTO"), "the script holds the rows");
            try (var target = Database.pool("jdbc:h2:file:" + dir.resolve("restored").toAbsolutePath(), "sa", "")) {
                DSLContext restored = Database.dsl(target, "jdbc:h2:file:restored");
                Backup.restore(restored, file);
                assertEquals(rowsPerTable(db), rowsPerTable(restored));
            }
        }
    }

    @Test
    void aPortalOnPostgresqlPointsToPgDump() {
        try (TestDatabase pg = TestDatabase.postgres(); TestPortal portal = TestPortal.on(pg, "2026-06-01T12:00:00Z")) {
            var response = portal.signedIn("admin@demo.test").get("/admin/backup.sql");
            assertEquals(404, response.statusCode());
            assertTrue(response.body().contains("pg_dump"));
        }
    }
}
