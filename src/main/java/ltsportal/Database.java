package ltsportal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The connection pool, the migrations and the jOOQ context: one place that knows the database. */
public final class Database {
    private Database() {
    }

    /** How long a request waits for a connection before it is told the database is unavailable (503). */
    static final long CONNECTION_TIMEOUT_MS = 2_000;
    /** The longest any one statement may run; a stuck query frees its thread and connection after this. */
    static final int STATEMENT_TIMEOUT_SECONDS = 10;

    /**
     * The connection pool. While the database is down, a request waits at most two seconds for a
     * connection, then fails (answered 503); Hikari keeps trying in the background, so service
     * resumes by itself once the database is back.
     */
    public static HikariDataSource pool(String url, String user, String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(durable(url));
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(10);
        hikari.setPoolName("portal");
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        hikari.setValidationTimeout(1_000);
        if (url.startsWith("jdbc:postgresql:")) {
            // Connecting and reading give up instead of hanging on a server that went away mid-request.
            hikari.addDataSourceProperty("connectTimeout", "5");
            hikari.addDataSourceProperty("socketTimeout", String.valueOf(STATEMENT_TIMEOUT_SECONDS + 20));
        }
        return new HikariDataSource(hikari);
    }

    /**
     * An embedded H2 file database writes a commit to the operating system before the commit returns
     * (WRITE_DELAY=0), so a killed process loses nothing it confirmed. H2's default delays the write by
     * up to half a second, and a SIGKILL then loses every booking made in that time. In-memory URLs and
     * URLs that set WRITE_DELAY themselves are left as they are.
     */
    public static String durable(String url) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")
                || url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    /** How many of this build's migrations the database has not applied. */
    public static int pendingMigrations(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().info().pending().length;
    }

    /** Applies the append-only migrations from db/migration (packaged into the jar); returns how many ran. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate().migrationsExecuted;
    }

    public static DSLContext dsl(DataSource dataSource, String jdbcUrl) {
        SQLDialect dialect = jdbcUrl.startsWith("jdbc:postgresql:") ? SQLDialect.POSTGRES : SQLDialect.H2;
        // Generated names are lower case; unquoted rendering lets H2 and PostgreSQL both find them.
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
        return DSL.using(dataSource, dialect, settings);
    }
}
