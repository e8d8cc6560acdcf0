package ltsportal.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The message a POST leaves for the page it redirects to ("The booking is cancelled."): kept with
 * the session by whoever keeps sessions, shown once on the next page, never carried in the URL.
 */
public final class Flash {
    private static final String NEXT = "flash.next";

    private Flash() {
    }

    /** Answers 303 to {@code path}, where {@code message} will show once. */
    public static void redirect(Context ctx, String path, String message) {
        ctx.attribute(NEXT, message);
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }

    /** The message this request leaves for the next page, or null. */
    public static String next(Context ctx) {
        return ctx.attribute(NEXT);
    }
}
