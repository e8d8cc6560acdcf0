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
        // Weak: the body may go out gzipped or not (Vary says so), and a strong tag must differ per encoding.
        String etag = "W/\"" + Sha256.hex(bytes).substring(0, 32) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.header("Vary", "Accept-Encoding");
        if (matches(ctx.header("If-None-Match"), etag)) {
            notModified(ctx);
            // RFC 9110 8.6: a 304 may state a length only if it is the 200's; Jetty would otherwise say 0.
            ctx.res().setContentLengthLong(bytes.length);
            return;
        }
        ctx.contentType(contentType).result(bytes);
    }

    /** 304 Not Modified: no body, and no Content-Type or Content-Length of its own (RFC 9110 15.4.5). */
    public static void notModified(Context ctx) {
        ctx.status(304);
        ctx.res().setContentType(null);
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
            if (tag.equals(etag.startsWith("W/") ? etag.substring(2) : etag)) {
                return true;
            }
        }
        return false;
    }
}
