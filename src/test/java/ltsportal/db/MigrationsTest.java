package ltsportal.db;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
            db.migratedDsl();
            List<String> tables = new ArrayList<>();
            try (Connection c = db.dataSource.getConnection();
                 ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase());
                }
            }
            for (var table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                assertTrue(tables.contains(table.getName()), table.getName() + " missing on " + kind + ": " + tables);
            }
            // A second run finds nothing to do.
            db.migratedDsl();
            assertEquals(tables.size(), tables.stream().distinct().count());
        }
    }
}
