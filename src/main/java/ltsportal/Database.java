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

    public static HikariDataSource pool(String url, String user, String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(10);
        hikari.setPoolName("portal");
        return new HikariDataSource(hikari);
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
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER);
        return DSL.using(dataSource, dialect, settings);
    }
}
