package ltsportal.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import java.util.Locale;

/**
 * Request bodies are bounded before anything reads them. No route takes uploads, so a multipart body
 * is refused (415) before the servlet layer would spool it to disk; any body declared larger than
 * {@link #MAX_BODY} is refused (413) from its headers alone. A body without a declared length
 * (chunked) is cut off by Javalin's own limit, set to the same size, while it is read.
 * Registered before the CSRF check, which is the first to read a form.
 */
public final class RequestLimits {
    /** 1 MB: the largest form (a spike with its windows) is a few kilobytes. */
    public static final long MAX_BODY = 1_000_000;

    private RequestLimits() {
    }

    public static void register(RoutesConfig routes) {
        routes.before(ctx -> {
            String type = ctx.header("Content-Type");
            if (type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                throw new HttpResponseException(415, "Uploads are not accepted here: send the form as a normal form.");
            }
            if (ctx.req().getContentLengthLong() > MAX_BODY) {
                throw new HttpResponseException(413, tooLarge());
            }
        });
    }

    public static String tooLarge() {
        return "That request is larger than the portal accepts (" + MAX_BODY / 1_000_000 + " MB).";
    }
}
