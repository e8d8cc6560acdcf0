package ltsportal;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * Liveness and readiness for load balancers. {@code /healthz}: the process serves. {@code /readyz}:
 * it should get traffic: the database answers, every migration is applied, the content is loaded
 * (it is, or the portal would not have started), and it is not shutting down. Both cheap and public.
 */
public final class Health {
    /** Asking Flyway reads the classpath: the answer is kept this long. */
    private static final Duration MIGRATIONS_CHECKED_EVERY = Duration.ofSeconds(30);

    private final DSLContext db;
    private final DataSource dataSource;
    private volatile boolean draining;
    private volatile Instant migrationsCheckedAt = Instant.MIN;
    private volatile int pending;

    public Health(DSLContext db, DataSource dataSource) {
        this.db = db;
        this.dataSource = dataSource;
    }

    /** From now on {@code /readyz} answers 503, so a load balancer stops sending new requests. */
    public void drain() {
        draining = true;
    }

    public void live(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").result("ok");
    }

    public void ready(Context ctx) {
        String reason = reason();
        ctx.header("Cache-Control", "no-store").contentType("text/plain; charset=utf-8");
        if (reason == null) {
            ctx.result("ready");
        } else {
            ctx.status(503).result("not ready: " + reason);
        }
    }

    private String reason() {
        if (draining) {
            return "shutting down";
        }
        try {
            db.selectOne().fetch();
        } catch (RuntimeException e) {
            return "the database does not answer";
        }
        try {
            if (Instant.now().isAfter(migrationsCheckedAt.plus(MIGRATIONS_CHECKED_EVERY))) {
                pending = Database.pendingMigrations(dataSource);
                migrationsCheckedAt = Instant.now();
            }
        } catch (RuntimeException e) {
            return "the migrations cannot be read";
        }
        return pending == 0 ? null : pending + " migration" + (pending == 1 ? "" : "s") + " pending";
    }
}
