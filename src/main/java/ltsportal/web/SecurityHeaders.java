package ltsportal.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;

/** Headers every response carries: pages, redirects, errors, static files and the API. */
public final class SecurityHeaders {
    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private SecurityHeaders() {
    }

    public static void register(RoutesConfig routes, boolean https) {
        routes.before(ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
            ctx.header("X-Frame-Options", "DENY");
            if (https) {
                ctx.header("Strict-Transport-Security", HSTS);
            }
            if ("TRACE".equals(ctx.req().getMethod()) || "TRACK".equals(ctx.req().getMethod())) {
                throw new HttpResponseException(405, "This address does not accept " + ctx.req().getMethod() + " requests.");
            }
        });
    }
}
