package ltsportal.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ForbiddenResponse;

/** The one check that enforces the roles declared in {@link Routes}. */
public final class Access {
    private Access() {
    }

    static void register(RoutesConfig routes) {
        routes.beforeMatched(ctx -> {
            var roles = ctx.routeRoles();
            if (roles.isEmpty()) {
                throw new IllegalStateException("route " + ctx.path() + " declares no role");
            }
            if (roles.contains(Role.ANYONE)) {
                return;
            }
            // No signed-in users exist yet: protected routes refuse everyone.
            throw new ForbiddenResponse("You are not allowed to open this page.");
        });
    }
}
