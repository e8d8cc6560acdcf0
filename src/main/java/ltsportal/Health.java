package ltsportal;

import io.javalin.http.Context;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Liveness and readiness for load balancers. {@code /healthz}: the process serves. {@code /readyz}:
 * it should get traffic: the database answers, every migration is applied, the content is loaded
 * (it is, or the portal would not have started), and it is not shutting down. Both cheap and public.
 */
public final class Health {
    private final DSLContext db;
    private final int migrations;
    private volatile boolean draining;

    /** {@code migrations}: how many migrations this build ships, all applied at start. */
    public Health(DSLContext db, int migrations) {
        this.db = db;
        this.migrations = migrations;
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
            int applied = db.fetchCount(DSL.table(DSL.name("flyway_schema_history")), DSL.field(DSL.name("success")).isTrue());
            if (applied < migrations) {
                return "migrations pending (" + applied + " of " + migrations + " applied)";
            }
            return null;
        } catch (RuntimeException e) {
            return "the database does not answer";
        }
    }
}
