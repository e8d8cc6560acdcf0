package ltsportal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import ltsportal.Database;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An empty database of either kind, migrated by the tests that use it. PostgreSQL tests get a schema
 * of their own on the server named by PORTAL_TEST_PG_URL (default: the local server .ci/run starts),
 * dropped again on close.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String PG_URL = System.getenv().getOrDefault("PORTAL_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/portal_test");
    public static final String PG_USER = System.getenv().getOrDefault("PORTAL_TEST_PG_USER", "portal");
    public static final String PG_PASSWORD = System.getenv().getOrDefault("PORTAL_TEST_PG_PASSWORD", "portal");

    public final String kind;
    public final DataSource dataSource;
    public final String jdbcUrl;
    private final Runnable cleanup;

    private TestDatabase(String kind, DataSource dataSource, String jdbcUrl, Runnable cleanup) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.cleanup = cleanup;
    }

    public static TestDatabase of(String kind) {
        return switch (kind) {
            case "h2" -> h2();
            case "postgresql" -> postgres();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        return new TestDatabase("h2", h2, url, () -> run(h2, "SHUTDOWN"));
    }

    public static TestDatabase postgres() {
        Requirements.require(postgresReachable(), "PostgreSQL at " + PG_URL + " (user " + PG_USER + ")");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        PGSimpleDataSource admin = pg(PG_URL);
        run(admin, "CREATE SCHEMA " + schema);
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase("postgresql", pg(url), url, () -> run(admin, "DROP SCHEMA " + schema + " CASCADE"));
    }

    public DSLContext migratedDsl() {
        Database.migrate(dataSource);
        return Database.dsl(dataSource, jdbcUrl);
    }

    private static PGSimpleDataSource pg(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(PG_USER);
        ds.setPassword(PG_PASSWORD);
        return ds;
    }

    private static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
            return true;
        } catch (SQLException e) {
            System.out.println("PostgreSQL not reachable: " + e.getMessage());
            return false;
        }
    }

    private static void run(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        cleanup.run();
    }
}
