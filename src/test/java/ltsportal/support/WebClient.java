package ltsportal.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One visitor of the portal through HTTP: keeps cookies and the CSRF token of the last page seen. */
public final class WebClient {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private final java.util.function.UnaryOperator<String> urls;
    public final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;
    private String forwardedFor;

    WebClient(TestPortal portal) {
        this(portal::url);
    }

    /** A visitor of a portal at the addresses {@code urls} makes of paths (a portal in another process). */
    public WebClient(java.util.function.UnaryOperator<String> urls) {
        this.urls = urls;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(urls.apply(path))).GET().build());
        Matcher m = CSRF_FIELD.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** Sends {@code method} (HEAD, OPTIONS) with optional header pairs, no body. */
    public HttpResponse<String> request(String method, String path, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(urls.apply(path))).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    /** Posts a form with the CSRF token of the last page (fetching the sign-in page first if none). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        if (csrf == null) {
            get("/login");
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", csrf);
        all.putAll(fields);
        return postRaw(path, all);
    }

    /** Posts a form with a field repeated once per value (checkboxes), and the CSRF token of the last page. */
    public HttpResponse<String> postMulti(String path, Map<String, String> fields, String repeated, String... values) {
        if (csrf == null) {
            get("/login");
        }
        StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf));
        fields.forEach((k, v) -> body.append('&').append(enc(k)).append('=').append(enc(v)));
        for (String v : values) {
            body.append('&').append(enc(repeated)).append('=').append(enc(v));
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(urls.apply(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        Matcher m = CSRF_FIELD.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** Posts exactly these fields: no CSRF token unless given. */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(urls.apply(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Matcher m = CSRF_FIELD.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** Uploads one file as a browser's multipart form does, with the CSRF token of the last page. */
    public HttpResponse<String> upload(String path, String fileName, String contentType, byte[] content) {
        if (csrf == null) {
            get("/login");
        }
        String boundary = "----portal-test-" + Long.toHexString(System.nanoTime());
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(urls.apply(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        Matcher m = CSRF_FIELD.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /**
     * Sends only the headers of a multipart upload declaring {@code declaredLength} bytes, with this
     * visitor's cookies, and returns the status line's code: a refusal from the headers alone is read
     * before any body is sent, so it cannot race the server closing the connection mid-body.
     */
    public int uploadHeadersOnly(String path, long declaredLength) {
        URI uri = URI.create(urls.apply(path));
        String cookie = cookies.getCookieStore().get(uri).stream().map(HttpCookie::toString).collect(Collectors.joining("; "));
        try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + declaredLength
                    + (cookie.isEmpty() ? "" : "\r\nCookie: " + cookie) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new IllegalStateException("not an HTTP answer: " + status);
            }
            return Integer.parseInt(status.substring(9, 12));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A download, byte for byte. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(urls.apply(path))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String csrf() {
        return csrf;
    }

    /** Carries the session {@code id} in the cookie {@code name}, as a browser does once signed in, with its CSRF token. */
    void session(String name, String id, String csrfToken, URI portal) {
        HttpCookie cookie = new HttpCookie(name, id);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(portal, cookie);
        csrf = csrfToken;
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(urls.apply("/")), cookie);
    }

    /**
     * From now on this visitor's requests say they come from {@code address} (X-Forwarded-For, which
     * the test portal believes from its trusted proxy 127.0.0.1), like a browser at that address.
     */
    public WebClient from(String address) {
        this.forwardedFor = address;
        return this;
    }

    public HttpResponse<String> send(HttpRequest request) {
        if (forwardedFor != null && request.headers().firstValue("X-Forwarded-For").isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", forwardedFor).build();
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
