package ltsportal.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Request bodies are bounded before anything reads them. One route takes uploads (a booking's
 * attachments, {@link #UPLOAD}); a multipart body anywhere else is refused (415) before the servlet
 * layer would spool it to disk. Any body declared larger than {@link #MAX_BODY} ({@link #MAX_UPLOAD_BODY}
 * for an upload) is refused (413) from its headers alone. An upload must declare its length (browsers
 * always do); another body without one (chunked) is cut off by Javalin's own limit while it is read.
 * Registered before the CSRF check, which is the first to read a form.
 */
public final class RequestLimits {
    /** 1 MB: the largest form (a spike with its windows) is a few kilobytes. */
    public static final long MAX_BODY = 1_000_000;
    /** An upload: one file of at most 20 MB, with room for the form's other fields and the part headers. */
    public static final long MAX_UPLOAD_BODY = 20_000_000 + 100_000;
    public static final String UPLOAD_TOO_LARGE = "That file is larger than a booking takes: attach files of at most 20 MB each.";
    /** The one route that takes multipart bodies. */
    public static final Pattern UPLOAD = Pattern.compile("/bookings/\\d{1,18}/attachments");

    private RequestLimits() {
    }

    public static void register(RoutesConfig routes) {
        routes.before(ctx -> {
            String type = ctx.header("Content-Type");
            long length = ctx.req().getContentLengthLong();
            if (type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                if (!"POST".equals(ctx.req().getMethod()) || !UPLOAD.matcher(ctx.path()).matches()) {
                    throw new HttpResponseException(415, "Uploads are not accepted here: send the form as a normal form.");
                }
                if (length < 0) {
                    throw new HttpResponseException(411, "Send the upload with its length (Content-Length).");
                }
                if (length > MAX_UPLOAD_BODY) {
                    throw new HttpResponseException(413, UPLOAD_TOO_LARGE);
                }
                readParts(ctx);
                return;
            }
            if (length > MAX_BODY) {
                throw new HttpResponseException(413, tooLarge());
            }
        });
    }

    /**
     * Reads the upload's parts once, here, so that a body that is not the multipart it claims is refused
     * with a message (400) rather than failing in whichever handler reads a field of it first.
     */
    private static void readParts(Context ctx) {
        try {
            ctx.formParamMap();
            ctx.uploadedFileMap();
        } catch (Exception e) { // the parser's own (checked) exceptions come through unchecked from Kotlin
            throw new HttpResponseException(400, "That upload could not be read: choose the file and send the form again.");
        }
    }

    public static String tooLarge() {
        return "That request is larger than the portal accepts (" + MAX_BODY / 1_000_000 + " MB).";
    }
}
