package ltsportal.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * Sends a body with a strong ETag (a hash of the exact bytes) and answers 304 when the client
 * already holds it. Catalog answers change only with the content or the day, so this saves clients
 * that poll (endoflife.date's do) from downloading the same bytes again.
 */
public final class Conditional {
    private Conditional() {
    }

    public static void send(Context ctx, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + Sha256.hex(bytes).substring(0, 32) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, max-age=300");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType).result(bytes);
    }

    /** If-None-Match uses the weak comparison (RFC 9110): a W/ prefix on the client's tag is ignored. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
