package ltsportal.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.Semaphore;

/**
 * Every sign-in, sign-up, invitation acceptance, password change and staff account creation runs
 * argon2id, which holds 19 MiB of heap while it hashes. At most {@code permits} of them run at once
 * (about the number of cores: more would only wait for a CPU while holding their memory); the rest are
 * answered 429 with Retry-After at once, so a burst of sign-ins can never run the heap out.
 */
public final class HashingGate {
    private static final String HELD = "hashing.permit";
    private final Semaphore permits;

    public HashingGate(int permits) {
        this.permits = new Semaphore(permits);
    }

    public void register(RoutesConfig routes) {
        routes.before(ctx -> {
            if (!hashes(ctx)) {
                return;
            }
            if (!permits.tryAcquire()) {
                ctx.header("Retry-After", "1");
                throw new HttpResponseException(429, "Many people are signing in right now. Please try again in a moment.");
            }
            ctx.attribute(HELD, true);
        });
        routes.after(ctx -> {
            if (ctx.attribute(HELD) != null) {
                ctx.attribute(HELD, null);
                permits.release();
            }
        });
    }

    /** The requests that hash a password. */
    static boolean hashes(Context ctx) {
        if (!"POST".equals(ctx.req().getMethod())) {
            return false;
        }
        String path = ctx.path();
        return path.equals("/login") || path.equals("/signup") || path.equals("/account/password")
                || path.equals("/admin/users") || path.startsWith("/invitations/");
    }
}
