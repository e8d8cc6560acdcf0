package ltsportal.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before the request reaches the portal (a malformed URI, say): the
 * same hardened headers and a generic page, never Jetty's own with its details.
 */
public final class LastResortErrors extends ErrorHandler {
    private final boolean https;

    /** {@code https}: the portal is served behind https, so these answers carry HSTS like every other. */
    public LastResortErrors(boolean https) {
        this.https = https;
    }

    private static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Request refused · LTS Portal</title></head><body><h1>That request did not look right</h1>"
            + "<p><a href=\"/\">Go to the LTS Portal</a></p></body></html>";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        harden(response.getHeaders());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.write(true, ByteBuffer.wrap(PAGE.getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        harden(fields);
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        return ByteBuffer.wrap(PAGE.getBytes(StandardCharsets.UTF_8));
    }

    private void harden(HttpFields.Mutable headers) {
        headers.put(new HttpField("Content-Security-Policy", SecurityHeaders.CSP));
        headers.put(new HttpField("X-Content-Type-Options", "nosniff"));
        headers.put(new HttpField("Referrer-Policy", "strict-origin-when-cross-origin"));
        headers.put(new HttpField("X-Frame-Options", "DENY"));
        headers.put(new HttpField("Cache-Control", "no-store"));
        if (https) {
            headers.put(new HttpField("Strict-Transport-Security", SecurityHeaders.HSTS));
        }
    }
}
