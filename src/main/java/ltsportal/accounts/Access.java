package ltsportal.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import ltsportal.web.Errors;
import ltsportal.web.Unavailable;
import java.nio.charset.StandardCharsets;

/**
 * The one check that enforces the roles declared in {@link Routes}. Anonymous visitors of a
 * protected page go to the sign-in page and come back; signed-in users without the role get a 403.
 */
public final class Access {
    private Access() {
    }

    public static void register(RoutesConfig routes) {
        routes.beforeMatched(ctx -> {
            var roles = ctx.routeRoles();
            if (roles.isEmpty()) {
                throw new IllegalStateException("route " + ctx.path() + " declares no role");
            }
            if (roles.contains(Role.ANYONE)) {
                return;
            }
            User user = Auth.user(ctx);
            if (user == null && ctx.attribute(Auth.UNKNOWN) != null) {
                throw new Unavailable(null);
            }
            if (user == null) {
                if (Errors.isApi(ctx)) {
                    throw new HttpResponseException(401, "Sign in first.");
                }
                String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                boolean get = "GET".equals(ctx.req().getMethod());
                ctx.redirect(get ? "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : "/login",
                        HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            if (!roles.contains(user.role())) {
                throw new ForbiddenResponse("Your account does not have access to this page.");
            }
        });
    }
}
