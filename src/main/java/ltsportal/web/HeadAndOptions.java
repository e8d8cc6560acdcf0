package ltsportal.web;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * RFC 9110 asks a general-purpose server to support HEAD on every GET: each GET route gets a HEAD route with
 * the same handler and the same roles (Javalin's own implicit HEAD carries no roles, so the access check could
 * not allow it), so it answers with the GET's status and headers and no body. Each route's path also answers
 * OPTIONS with {@code Allow} (and, through {@link Cors}, a CORS preflight where the path is public).
 */
public final class HeadAndOptions {
    private HeadAndOptions() {
    }

    /** Adds the routes; {@code anyone} is the role OPTIONS needs (none: it tells nothing a GET would not). */
    public static void add(Javalin app, RouteRole anyone) {
        var router = app.unsafe.internalRouter;
        Map<String, Set<HandlerType>> methods = new LinkedHashMap<>();
        Map<String, Endpoint> gets = new LinkedHashMap<>();
        for (var parsed : router.allHttpHandlers()) {
            Endpoint e = parsed.endpoint;
            methods.computeIfAbsent(e.path, p -> new java.util.HashSet<>()).add(e.method);
            if (e.method == HandlerType.GET) {
                gets.put(e.path, e);
            }
        }
        gets.forEach((path, get) -> {
            if (!methods.get(path).contains(HandlerType.HEAD)) {
                Roles roles = get.metadata(Roles.class);
                router.addHttpEndpoint(new Endpoint(HandlerType.HEAD, path, get.handler, roles == null ? Set.of() : Set.of(roles)));
                methods.get(path).add(HandlerType.HEAD);
            }
        });
        methods.forEach((path, verbs) -> {
            if (verbs.contains(HandlerType.OPTIONS) || path.contains("*")) {
                return;
            }
            Set<String> names = new TreeSet<>();
            verbs.forEach(v -> names.add(v.toString()));
            names.add("OPTIONS");
            String allow = String.join(", ", names);
            router.addHttpEndpoint(new Endpoint(HandlerType.OPTIONS, path, ctx -> {
                ctx.header("Allow", allow);
                Cors.preflight(ctx);
                ctx.status(204);
            }, Set.of(new Roles(Set.of(anyone)))));
        });
    }
}
