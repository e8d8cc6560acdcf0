package ltsportal.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Set;
import java.util.Optional;
import ltsportal.web.Flash;
import ltsportal.web.Unavailable;

/**
 * Finds who is asking (from the session cookie) and checks the CSRF token of every request that
 * could change something. Runs before every request, matched or not.
 */
public final class Auth {
    private static final String SESSION = "auth.session";
    private static final String CSRF = "auth.csrf";
    /** Set when the session could not be read because the database is down. */
    static final String UNKNOWN = "auth.unknown";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private Auth() {
    }

    public static void register(RoutesConfig routes, Sessions sessions, SessionCookies cookies) {
        routes.before(ctx -> {
            refuseMethodOverride(ctx);
            Optional<Sessions.Current> session;
            try {
                session = sessions.find(ctx.cookie(cookies.sessionName()));
            } catch (RuntimeException e) {
                if (!Unavailable.causedBy(e) || UNSAFE.contains(ctx.req().getMethod())) {
                    throw e;
                }
                // The database is down: read on as a visitor, so public pages (served from memory) still
                // answer; a page that needs the user answers 503 in Access.
                ctx.attribute(UNKNOWN, true);
                session = Optional.empty();
            }
            String expected;
            if (session.isPresent()) {
                ctx.attribute(SESSION, session.get());
                expected = session.get().csrfToken();
                ctx.header("Cache-Control", "no-store");
            } else {
                expected = ctx.cookie(cookies.csrfName());
                if ((expected == null || expected.length() != 43) && wantsCsrfCookie(ctx)) {
                    expected = Tokens.random();
                    cookies.setCsrf(ctx, expected);
                }
            }
            ctx.attribute(CSRF, expected);
            if (UNSAFE.contains(ctx.req().getMethod()) && !bearerOnly(ctx)) {
                String given = ctx.header("X-CSRF-Token");
                if (given == null) {
                    given = ctx.formParam("_csrf");
                }
                if (expected == null || !Tokens.same(expected, given)) {
                    throw new HttpResponseException(403,
                            "This form has expired or did not come from this site. Reload the page and try again.");
                }
            }
        });
    }

    /** The instance check-in path. */
    static final String CHECK_IN = "/api/v1/instances/check-in";

    /**
     * The instance check-in authenticates by its bearer token alone and reads no session, so a forged cross-site
     * request has nothing to ride on: it needs no CSRF token (a cron job has none to send), and one without its
     * token hears 401 from the handler, not a form's 403.
     */
    private static boolean bearerOnly(Context ctx) {
        return ctx.path().equals(CHECK_IN);
    }

    /** Headers and a parameter some frameworks read to route a request as another method. */
    private static final java.util.List<String> OVERRIDES = java.util.List.of("X-HTTP-Method-Override", "X-HTTP-Method",
            "X-Method-Override");

    /**
     * The portal routes every request by its own method, so that routing and the CSRF check always agree:
     * a request that asks to be taken for another one (a GET posing as a POST) is refused outright.
     */
    private static void refuseMethodOverride(Context ctx) {
        boolean asked = OVERRIDES.stream().anyMatch(h -> ctx.header(h) != null) || ctx.queryParam("_method") != null
                || (UNSAFE.contains(ctx.req().getMethod()) && ctx.formParam("_method") != null);
        if (asked || !ctx.method().name().equals(ctx.req().getMethod())) {
            throw new HttpResponseException(400, "Method override is not supported: send the request with its own method.");
        }
    }

    /** Keeps the flash a handler left ({@link Flash#redirect}) with the session the browser comes back with. */
    public static void registerFlash(RoutesConfig routes, Sessions sessions) {
        routes.after(ctx -> {
            String message = Flash.next(ctx);
            if (message == null) {
                return;
            }
            String started = ctx.attribute(SessionCookies.STARTED);
            Sessions.Current current = session(ctx);
            if (started != null) {
                sessions.keepFlash(started, message);
            } else if (current != null) {
                sessions.keepFlash(current.idHash(), message);
            }
        });
    }

    /** Public files that shared caches keep (feeds, calendars, the timeline, downloads): never a cookie on them. */
    private static final java.util.regex.Pattern SHARED_FILE = java.util.regex.Pattern.compile("\\.(atom|ics|svg|json|csv|md)$");

    private static boolean wantsCsrfCookie(Context ctx) {
        String path = ctx.path();
        // Feeds, calendars and other public files are cacheable and shared: no cookie on them (nor on HEAD or OPTIONS).
        return ctx.req().getMethod().equals("GET") && !path.startsWith("/api/") && !path.startsWith("/static/")
                && !path.equals("/healthz") && !path.equals("/readyz")
                && !SHARED_FILE.matcher(path).find();
    }

    public static Sessions.Current session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** The signed-in user, or null. */
    public static User user(Context ctx) {
        Sessions.Current s = session(ctx);
        return s == null ? null : s.user();
    }

    public static String csrf(Context ctx) {
        return ctx.attribute(CSRF);
    }

    /** A path to come back to after signing in: local paths only, never another site. */
    public static String safeNext(String next) {
        if (next == null || next.length() > 500 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x20)) {
            return null;
        }
        return next;
    }
}
