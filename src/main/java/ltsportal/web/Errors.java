package ltsportal.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error ends as a generic page, or as {@code {"error": ...}} under /api: never a stack trace,
 * never a server version.
 */
public final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
    private static final String RENDERED = "errors.rendered";
    private static final Pattern CONSTRAINT = Pattern.compile("\\b((?:pk|uq|fk|ck)_[a-z0-9_]+?)(?:_index_[0-9a-f]+)?\\b",
            Pattern.CASE_INSENSITIVE);

    private Errors() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> json(ctx, e.status(), e.getMessage()));
        routes.exception(PageNotFound.class, (e, ctx) -> page(ctx, 404, "Not found", e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            String message = switch (e.getStatus()) {
                case 404 -> "There is nothing at this address.";
                // Javalin's own limit, met while reading a chunked body, says it in its words: ours instead
                case 413 -> RequestLimits.UPLOAD_TOO_LARGE.equals(e.getMessage()) ? e.getMessage() : RequestLimits.tooLarge();
                default -> e.getMessage();
            };
            respond(ctx, e.getStatus(), message);
        });
        routes.exception(Conflict.class, (e, ctx) -> respond(ctx, 409, e.getMessage()));
        routes.exception(Unavailable.class, (e, ctx) -> unavailable(ctx));
        routes.exception(TooBusy.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(TooBusy.RETRY_AFTER));
            respond(ctx, 429, e.getMessage());
        });
        routes.exception(org.jooq.exception.DataAccessException.class, (e, ctx) -> {
            if (Unavailable.causedBy(e)) {
                LOG.warn("{} {}: the database is unavailable ({})", ctx.method(), ctx.path(), rootMessage(e));
                unavailable(ctx);
                return;
            }
            if (e.sqlStateClass() == org.jooq.exception.SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                // Handlers check first, so a constraint that fires is either a race with another request
                // (nothing was written: 409) or a check we missed: the name in the log says which.
                LOG.warn("{} {}: constraint {} refused the write", ctx.method(), ctx.path(), constraintName(e));
                respond(ctx, 409, "That changed while you were at it, and nothing was saved. Reload the page and try again.");
                return;
            }
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Something went wrong on our side. Please try again in a moment.");
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (Unavailable.causedBy(e)) {
                LOG.warn("{} {}: the database is unavailable ({})", ctx.method(), ctx.path(), rootMessage(e));
                unavailable(ctx);
                return;
            }
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

    /** 503 with Retry-After: the database is out of reach, the portal itself is fine. */
    private static void unavailable(Context ctx) {
        ctx.header("Retry-After", String.valueOf(Unavailable.RETRY_AFTER));
        respond(ctx, 503, "The portal cannot reach its database right now. Nothing was lost; please try again in a few seconds.");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Every API error: {@code {"error": "..."}}. */
    public record ErrorJson(String error) {
    }

    public record ErrorPage(int status, String title, String message) {
    }

    private static void json(Context ctx, int status, String message) {
        ctx.attribute(RENDERED, true);
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(new ErrorJson(message)));
    }

    private static void page(Context ctx, int status, String title, String message) {
        ctx.attribute(RENDERED, true);
        Templates.render(ctx, status, "web/error", new ErrorPage(status, title, message));
    }

    /**
     * The name of the constraint a database refused a write with. Every constraint of the schema is
     * named pk_, uq_, fk_ or ck_; PostgreSQL quotes the name, H2 names it (a unique index with a suffix).
     */
    static String constraintName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = CONSTRAINT.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return "(unnamed)";
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "That request did not look right";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Changed meanwhile";
            case 413 -> "Too large";
            case 415 -> "Not accepted";
            case 429 -> "Too many attempts";
            case 503 -> "Temporarily unavailable";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }
}
