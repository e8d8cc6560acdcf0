package ltsportal.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import ltsportal.Database;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of either kind for one test, dropped again on close.
 * <ul>
 * <li>{@link #seeded}: migrated and holding the test fixture ({@link Fixture}) as seeded at an instant. Each is a copy
 * of a snapshot made once per JVM and instant: H2 restores a {@code SCRIPT} of it ({@code RUNSCRIPT}), PostgreSQL
 * copies a template database ({@code CREATE DATABASE ... TEMPLATE}), so a test pays tens of milliseconds instead of
 * migrating and seeding.</li>
 * <li>{@link #of}: empty, for the tests of migrating, backing up and restoring. PostgreSQL gets a schema of its own.</li>
 * </ul>
 * PostgreSQL is the server named by PORTAL_TEST_PG_URL (default: the local server .ci/run starts); its user needs
 * CREATEDB for the seeded copies. Connections to PostgreSQL are pooled, as in the portal.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String PG_URL = System.getenv().getOrDefault("PORTAL_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/portal_test");
    public static final String PG_USER = System.getenv().getOrDefault("PORTAL_TEST_PG_USER", "portal");
    public static final String PG_PASSWORD = System.getenv().getOrDefault("PORTAL_TEST_PG_PASSWORD", "portal");

    /** Databases this JVM makes on the PostgreSQL server start with this and its process id, so a later run can drop what a killed one left. */
    private static final String PG_PREFIX = "portal_t";
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Map<String, Path> H2_SNAPSHOTS = new ConcurrentHashMap<>();
    private static final Map<String, String> PG_TEMPLATES = new ConcurrentHashMap<>();
    /** Per template, a copy being made ahead for the next test that asks for one. */
    private static final Map<String, CompletableFuture<String>> SPARES = new ConcurrentHashMap<>();
    /** Makes copies ahead and drops used ones, off the tests' own thread. */
    private static final java.util.concurrent.ExecutorService COPIER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pg-copier");
        t.setDaemon(true);
        return t;
    });
    private static volatile Boolean postgresReachable;

    public final String kind;
    public final DataSource dataSource;
    public final String jdbcUrl;
    /** Whether it holds the migrated schema and the fixture already (a portal on it neither migrates nor seeds). */
    public final boolean seeded;
    private final Runnable cleanup;

    private TestDatabase(String kind, DataSource dataSource, String jdbcUrl, boolean seeded, Runnable cleanup) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.seeded = seeded;
        this.cleanup = cleanup;
    }

    /** An empty database of the kind named ({@code h2} or {@code postgresql}). */
    public static TestDatabase of(String kind) {
        return switch (kind) {
            case "h2" -> h2();
            case "postgresql" -> postgres();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** A data source of the test's own making (a proxied connection, say), neither owned nor seeded. */
    public static TestDatabase wrapping(DataSource dataSource, String jdbcUrl) {
        return new TestDatabase(jdbcUrl.startsWith("jdbc:postgresql:") ? "postgresql" : "h2", dataSource, jdbcUrl, false, () -> { });
    }

    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        return new TestDatabase("h2", h2, url, false, () -> run(h2, "SHUTDOWN"));
    }

    public static TestDatabase postgres() {
        requirePostgres();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        PGSimpleDataSource admin = pg(PG_URL);
        run(admin, "CREATE SCHEMA " + schema);
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        HikariDataSource pool = pool(url);
        return new TestDatabase("postgresql", pool, url, false, () -> {
            pool.close();
            run(admin, "DROP SCHEMA " + schema + " CASCADE");
        });
    }

    /** A database of the kind named, migrated and holding the test fixture as seeded at {@code instant}. */
    public static TestDatabase seeded(String kind, Instant instant) {
        return switch (kind) {
            case "h2" -> seededH2(instant);
            case "postgresql" -> seededPostgres(instant);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static TestDatabase seededH2(Instant instant) {
        Path script = H2_SNAPSHOTS.computeIfAbsent(instant.toString(), key -> {
            try (TestDatabase template = h2()) {
                Fixture.seed(template.migratedDsl(), instant);
                Path file = Files.createTempFile("portal-fixture-", ".sql");
                file.toFile().deleteOnExit();
                run(template.dataSource, "SCRIPT TO '" + file + "'");
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        TestDatabase copy = h2();
        run(copy.dataSource, "RUNSCRIPT FROM '" + script + "'");
        return copy.prepared();
    }

    private static TestDatabase seededPostgres(Instant instant) {
        requirePostgres();
        String template = PG_TEMPLATES.computeIfAbsent(instant.toString(), key -> {
            String name = newPgName();
            run(pg(PG_URL), "CREATE DATABASE " + name);
            // Every connection to it is closed before it is copied: PostgreSQL copies only a template nobody is on.
            try (HikariDataSource pool = pool(urlOf(name))) {
                Database.migrate(pool);
                Fixture.seed(Database.dsl(pool, urlOf(name)), instant);
            }
            return name;
        });
        // The copy made ahead while the test before ran (a copy takes about a quarter of a second), and the next one.
        CompletableFuture<String> ahead = SPARES.remove(template);
        String name = ahead == null ? null : ahead.exceptionally(e -> null).join();
        if (name == null) {
            name = copyOf(template);
        }
        SPARES.put(template, CompletableFuture.supplyAsync(() -> copyOf(template), COPIER));
        String url = urlOf(name);
        HikariDataSource pool = pool(url);
        String dropped = name;
        return new TestDatabase("postgresql", pool, url, true, () -> {
            pool.close();
            COPIER.execute(() -> run(pg(PG_URL), "DROP DATABASE " + dropped + " WITH (FORCE)"));
        });
    }

    private static String copyOf(String template) {
        String name = newPgName();
        run(pg(PG_URL), "CREATE DATABASE " + name + " TEMPLATE " + template);
        return name;
    }

    /** A name for a database of this JVM's; the first call drops what JVMs no longer running left behind. */
    private static String newPgName() {
        if (NAMES.get() == 0) {
            synchronized (TestDatabase.class) {
                if (NAMES.get() == 0) {
                    dropLeftovers();
                    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropTemplates));
                }
            }
        }
        return PG_PREFIX + PID + "_" + NAMES.incrementAndGet();
    }

    private static void dropLeftovers() {
        List<String> stale = new ArrayList<>();
        try (Connection c = pg(PG_URL).getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PG_PREFIX + "%'")) {
            Pattern owner = Pattern.compile(Pattern.quote(PG_PREFIX) + "(\\d+)_\\d+");
            while (rs.next()) {
                Matcher m = owner.matcher(rs.getString(1));
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true)) {
                    stale.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        stale.forEach(name -> run(pg(PG_URL), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static void dropTemplates() {
        COPIER.shutdown();
        try {
            COPIER.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SPARES.values().forEach(spare -> {
            String name = spare.exceptionally(e -> null).getNow(null);
            try {
                if (name != null) {
                    run(pg(PG_URL), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            } catch (RuntimeException e) {
                // the server went away first; the next run drops it
            }
        });
        PG_TEMPLATES.values().forEach(name -> {
            try {
                run(pg(PG_URL), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                // the server went away first; the next run drops it
            }
        });
    }

    /** The host of the PostgreSQL server PORTAL_TEST_PG_URL names. */
    public static String pgHost() {
        return PG_URL.replaceFirst("^jdbc:postgresql://([^/:]+).*$", "$1");
    }

    /** Its port (5432 when the URL names none). */
    public static int pgPort() {
        Matcher m = Pattern.compile("^jdbc:postgresql://[^/:]+:(\\d+)/.*$").matcher(PG_URL);
        return m.matches() ? Integer.parseInt(m.group(1)) : 5432;
    }

    /** PORTAL_TEST_PG_URL with another database in its path. */
    private static String urlOf(String database) {
        return PG_URL.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
    }

    /** The same database, its contents prepared by the test (demo mode's data, say): a portal on it neither migrates nor seeds. */
    public TestDatabase prepared() {
        return new TestDatabase(kind, dataSource, jdbcUrl, true, cleanup);
    }

    public DSLContext migratedDsl() {
        Database.migrate(dataSource);
        return Database.dsl(dataSource, jdbcUrl);
    }

    /** The jOOQ context on it, as the portal makes it. */
    public DSLContext dsl() {
        return Database.dsl(dataSource, jdbcUrl);
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(PG_USER);
        config.setPassword(PG_PASSWORD);
        // as many as the portal's own pool: the race tests need that many sessions at once
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        config.setPoolName("test");
        return new HikariDataSource(config);
    }

    private static PGSimpleDataSource pg(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(PG_USER);
        ds.setPassword(PG_PASSWORD);
        return ds;
    }

    private static void requirePostgres() {
        if (postgresReachable == null) {
            try (Connection ignored = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
                postgresReachable = true;
            } catch (SQLException e) {
                System.out.println("PostgreSQL not reachable: " + e.getMessage());
                postgresReachable = false;
            }
        }
        Requirements.require(postgresReachable, "PostgreSQL at " + PG_URL + " (user " + PG_USER + ")");
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
