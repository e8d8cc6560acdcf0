package ltsportal.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error ends as a generic page, or as {@code {"error": ...}} under /api: never a stack trace,
 * never a server version.
 */
public final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
    private static final String RENDERED = "errors.rendered";

    private Errors() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> json(ctx, e.status(), e.getMessage()));
        routes.exception(PageNotFound.class, (e, ctx) -> page(ctx, 404, "Not found", e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            String message = e.getStatus() == 404 ? "There is nothing at this address." : e.getMessage();
            respond(ctx, e.getStatus(), message);
        });
        routes.exception(Conflict.class, (e, ctx) -> respond(ctx, 409, e.getMessage()));
        routes.exception(org.jooq.exception.DataAccessException.class, (e, ctx) -> {
            if (e.sqlStateClass() == org.jooq.exception.SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                // Someone else changed the same thing at the same moment: nothing was written.
                respond(ctx, 409, "That changed while you were at it, and nothing was saved. Reload the page and try again.");
                return;
            }
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Something went wrong on our side. Please try again in a moment.");
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Something went wrong on our side. Please try again in a moment.");
        });
        routes.error(404, ctx -> {
            if (ctx.attribute(RENDERED) == null) {
                respond(ctx, 404, "There is nothing at this address.");
            }
        });
        routes.error(405, ctx -> {
            if (ctx.attribute(RENDERED) == null) {
                respond(ctx, 405, "This address does not accept " + ctx.method() + " requests.");
            }
        });
    }

    private static void respond(Context ctx, int status, String message) {
        if (isApi(ctx)) {
            json(ctx, status, message);
        } else {
            page(ctx, status, titleFor(status), message);
        }
    }

    public static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    private static void json(Context ctx, int status, String message) {
        ctx.attribute(RENDERED, true);
        ctx.status(status).contentType("application/json; charset=utf-8")
                .result(Json.write(Map.of("error", message)));
    }

    private static void page(Context ctx, int status, String title, String message) {
        ctx.attribute(RENDERED, true);
        ctx.status(status).render("web/error", Map.of("status", status, "title", title, "message", message));
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "That request did not look right";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Changed meanwhile";
            case 429 -> "Too many attempts";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }
}
