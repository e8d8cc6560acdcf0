package ltsportal.db;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ltsportal.Database;
import ltsportal.support.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every migration applies to an empty database of each kind the portal supports. */
@Tag("functional")
class MigrationsTest {
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void migratesAnEmptyDatabase(String kind) throws SQLException {
        try (TestDatabase db = TestDatabase.of(kind)) {
            int files;
            try (var listing = java.nio.file.Files.list(java.nio.file.Path.of("db/migration"))) {
                files = (int) listing.filter(f -> f.toString().endsWith(".sql")).count();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertEquals(files, Database.migrate(db.dataSource), "every migration runs on an empty " + kind + " database");
            List<String> tables = new ArrayList<>();
            try (Connection c = db.dataSource.getConnection();
                 ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            for (var table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                assertTrue(tables.contains(table.getName()), table.getName() + " missing on " + kind + ": " + tables);
            }
            assertEquals(0, Database.migrate(db.dataSource), "a second run on " + kind + " finds nothing to do");
        }
    }
}
