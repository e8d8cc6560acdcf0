package ltsportal.updates;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Fetches one source for {@code update-content}, carefully: connect and read time limits, up to three tries with
 * a growing pause on a 5xx or a broken connection, redirects followed only on the same host (at most 5), and an
 * answer cut off past {@link #MAX_BYTES}. Anything else (a 4xx, a redirect elsewhere, too large, too slow)
 * fails with a message that says which source and why.
 */
final class Fetch {
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int TRIES = 3;

    private final HttpClient http;
    private final Duration readTimeout;
    private final long retryMillis;

    Fetch(Duration connectTimeout, Duration readTimeout, long retryMillis) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.readTimeout = readTimeout;
        this.retryMillis = retryMillis;
    }

    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message, null, false, false);
        }
    }

    String text(String what, String url) throws Failed, InterruptedException {
        URI start = URI.create(url);
        URI current = start;
        for (int redirects = 0; redirects <= 5; redirects++) {
            HttpResponse<InputStream> answer = send(what, current);
            int status = answer.statusCode();
            if (status >= 300 && status < 400 && answer.headers().firstValue("Location").isPresent()) {
                close(answer);
                URI next = current.resolve(answer.headers().firstValue("Location").get());
                if (!sameHost(start, next)) {
                    throw new Failed(what + ": " + current + " redirects to another host (" + next.getHost() + "); not followed.");
                }
                current = next;
                continue;
            }
            if (status != 200) {
                close(answer);
                throw new Failed(what + ": " + current + " answered " + status + ".");
            }
            return read(what, answer);
        }
        throw new Failed(what + ": more than 5 redirects from " + start + ".");
    }

    private HttpResponse<InputStream> send(String what, URI uri) throws Failed, InterruptedException {
        String last = null;
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            try {
                var answer = http.send(HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", "application/json, text/yaml, */*")
                        .header("User-Agent", "lts-portal update-content").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                if (answer.statusCode() < 500) {
                    return answer;
                }
                close(answer);
                last = "answered " + answer.statusCode();
            } catch (HttpTimeoutException e) {
                throw new Failed(what + ": " + uri + " did not answer within " + readTimeout.toSeconds() + " s.");
            } catch (IOException e) {
                last = "failed: " + e.getMessage();
            } catch (IllegalArgumentException e) {
                throw new Failed(what + ": " + uri + " is not an address to fetch (" + e.getMessage() + ").");
            }
            if (attempt < TRIES) {
                Thread.sleep(retryMillis * (1L << (attempt - 1)));
            }
        }
        throw new Failed(what + ": " + uri + " " + last + " " + TRIES + " times.");
    }

    /** The body, within the read time limit too (the client's own limit stops at the headers). */
    private String read(String what, HttpResponse<InputStream> answer) throws Failed, InterruptedException {
        InputStream in = answer.body();
        var body = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return in.readNBytes(MAX_BYTES + 1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] bytes;
        try {
            bytes = body.get(readTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            close(answer);
            throw new Failed(what + ": the answer did not arrive within " + readTimeout.toSeconds() + " s.");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new Failed(what + ": reading the answer failed: " + e.getCause().getMessage());
        } finally {
            close(answer);
        }
        if (bytes.length > MAX_BYTES) {
            throw new Failed(what + ": the answer is larger than " + MAX_BYTES / (1024 * 1024) + " MB; refused.");
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort()
                && (b.getScheme() == null || a.getScheme().equalsIgnoreCase(b.getScheme()));
    }

    private static void close(HttpResponse<InputStream> answer) {
        try {
            answer.body().close();
        } catch (IOException e) {
            // nothing to keep
        }
    }
}
