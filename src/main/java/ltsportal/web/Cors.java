package ltsportal.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Predicate;

/**
 * Cross-origin reads of the public API, the feed and the calendar, as endoflife.date allows them: any origin,
 * GET and HEAD, no credentials, a preflight cached a day. Never for signed-in pages or the spikes API: those
 * need the user's session, and a foreign page must not read them.
 */
public final class Cors {
    static final String ATTRIBUTE = "cors.public";

    private Cors() {
    }

    /** The paths open to other origins, whatever their route's roles. */
    public static boolean publicPath(String path) {
        return (path.startsWith("/gitlab/") && (path.endsWith("/feed.atom") || path.endsWith("/calendar.ics")))
                || (path.startsWith("/api/") && !path.startsWith("/api/v1/spikes") && !path.startsWith("/api/v1/bookings")
                && !path.startsWith("/api/v1/fleet") && !path.startsWith("/api/v1/instances"));
    }

    /** {@code publicRoute}: whether the matched route serves everyone (no session needed). */
    public static void register(RoutesConfig routes, Predicate<Context> publicRoute) {
        routes.beforeMatched(ctx -> {
            if (publicPath(ctx.path()) && publicRoute.test(ctx)) {
                ctx.attribute(ATTRIBUTE, true);
                ctx.header("Access-Control-Allow-Origin", "*");
                ctx.header("Access-Control-Expose-Headers", "ETag, Last-Modified");
            }
        });
    }

    /** An OPTIONS request on a public path: the preflight answer. */
    static void preflight(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(ATTRIBUTE)) && ctx.header("Origin") != null) {
            ctx.header("Access-Control-Allow-Methods", "GET, HEAD");
            ctx.header("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since");
            ctx.header("Access-Control-Max-Age", "86400");
        }
    }
}
