package ltsportal.accounts;

import io.javalin.http.Context;

/**
 * The session and anonymous-CSRF cookies: HttpOnly, SameSite=Lax, host-only; Secure with a
 * {@code __Host-} name when the portal is served over https.
 */
public final class SessionCookies {
    private final boolean https;

    public SessionCookies(boolean https) {
        this.https = https;
    }

    /** The hash of a session started by this request (sign-in, sign-up), for its first flash: read by {@link Auth}. */
    static final String STARTED = "auth.started";

    public String sessionName() {
        return https ? "__Host-portal_session" : "portal_session";
    }

    public String csrfName() {
        return https ? "__Host-portal_csrf" : "portal_csrf";
    }

    public void setSession(Context ctx, String id) {
        ctx.attribute(STARTED, Tokens.hash(id));
        set(ctx, sessionName(), id, -1);
    }

    public void clearSession(Context ctx) {
        set(ctx, sessionName(), "", 0);
    }

    /** The cookie of a sign-in waiting for its second factor. */
    public String challengeName() {
        return https ? "__Host-portal_2fa" : "portal_2fa";
    }

    public void setChallenge(Context ctx, String token) {
        set(ctx, challengeName(), token, -1);
    }

    public void clearChallenge(Context ctx) {
        set(ctx, challengeName(), "", 0);
    }

    void setCsrf(Context ctx, String token) {
        set(ctx, csrfName(), token, -1);
    }

    private void set(Context ctx, String name, String value, int maxAge) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (https) {
            cookie.append("; Secure");
        }
        if (maxAge >= 0) {
            cookie.append("; Max-Age=").append(maxAge);
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }
}
