package ltsportal.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public answers that change only with the content or the date (catalog pages, feeds, calendars, the
 * timeline, the catalog API, plans), rendered once per day and then served from memory as bytes: a strong
 * ETag per encoding, 304 on revalidation, a gzip variant made once (with {@code Vary: Accept-Encoding}).
 * The key includes today's date by the portal's clock, so a new day renders afresh at once; content is
 * loaded once per process, so a new content version is a new process and an empty cache. Pages are
 * cached only for signed-out visitors (a signed-in page names its viewer); a handler's key function
 * returns null for a request it must always render. Bounded (Caffeine); hits and misses are logged
 * once a minute when there were any.
 */
public final class PublicCache {
    private static final Logger LOG = LoggerFactory.getLogger(PublicCache.class);
    /** Headers a handler sets that belong to the answer and go out again with every hit. */
    private static final List<String> KEPT = List.of("Cache-Control", "Content-Disposition", "Link");
    private static final int GZIP_FROM = 1024;

    private final Clock clock;
    private final Function<Context, Boolean> signedIn;
    private final Cache<String, Entry> entries;

    public PublicCache(Clock clock, Function<Context, Boolean> signedIn, long maximumEntries) {
        this.clock = clock;
        this.signedIn = signedIn;
        this.entries = Caffeine.newBuilder().maximumSize(maximumEntries).recordStats().build();
    }

    /** The same for every visitor and every query: a key of the path alone, and no caching once a query is given. */
    public static String byPath(Context ctx) {
        return ctx.queryString() == null || ctx.queryString().isEmpty() ? ctx.path() : null;
    }

    /** Wraps {@code inner}: answers the same for everyone, keyed by {@code key} (null: render every time). */
    public Handler shared(Handler inner, Function<Context, String> key) {
        return ctx -> serve(ctx, inner, key);
    }

    /** Wraps a page: cached for signed-out visitors only. */
    public Handler page(Handler inner, Function<Context, String> key) {
        return ctx -> {
            if (signedIn.apply(ctx)) {
                inner.handle(ctx);
            } else {
                serve(ctx, inner, key);
            }
        };
    }

    private void serve(Context ctx, Handler inner, Function<Context, String> keyOf) throws Exception {
        String key = keyOf.apply(ctx);
        if (key == null) {
            inner.handle(ctx);
            return;
        }
        String dayKey = LocalDate.now(clock) + " " + key;
        Entry entry = entries.getIfPresent(dayKey);
        if (entry == null) {
            inner.handle(ctx);
            if (ctx.statusCode() != 200) {
                return; // errors, redirects and a 304 the handler answered itself are never kept
            }
            byte[] body = ctx.resultInputStream() == null ? new byte[0] : ctx.resultInputStream().readAllBytes();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h : KEPT) {
                String v = ctx.res().getHeader(h);
                if (v != null) {
                    headers.put(h, v);
                }
            }
            entry = Entry.of(body, ctx.res().getContentType(), headers);
            entries.put(dayKey, entry);
        }
        entry.send(ctx);
    }

    public long size() {
        return entries.estimatedSize();
    }

    /** Logs the hit rate once a minute while there is traffic; the thread is a daemon. */
    public PublicCache logHitRate() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "public-cache-stats");
            t.setDaemon(true);
            return t;
        });
        long[] last = {0, 0};
        timer.scheduleAtFixedRate(() -> {
            var stats = entries.stats();
            long hits = stats.hitCount() - last[0];
            long misses = stats.missCount() - last[1];
            last[0] = stats.hitCount();
            last[1] = stats.missCount();
            if (hits + misses > 0) {
                LOG.info("public cache: {} hits, {} misses in the last minute ({}% hits), {} entries",
                        hits, misses, Math.round(100.0 * hits / (hits + misses)), entries.estimatedSize());
            }
        }, 1, 1, TimeUnit.MINUTES);
        return this;
    }

    /** One answer: its bytes, their gzip, strong tags for each, and the headers that go with it. */
    record Entry(byte[] body, byte[] gzip, String etag, String gzipEtag, String contentType, Map<String, String> headers) {
        static Entry of(byte[] body, String contentType, Map<String, String> headers) {
            String hash = Sha256.hex(body).substring(0, 32);
            byte[] gz = body.length >= GZIP_FROM ? gzip(body) : null;
            return new Entry(body, gz, "\"" + hash + "\"", "\"" + hash + "-gz\"", contentType, Map.copyOf(headers));
        }

        void send(Context ctx) {
            boolean gz = gzip != null && acceptsGzip(ctx.header("Accept-Encoding"));
            String tag = gz ? gzipEtag : etag;
            ctx.disableCompression();
            headers.forEach(ctx::header);
            ctx.header("ETag", tag);
            ctx.header("Vary", "Accept-Encoding");
            if (Conditional.matches(ctx.header("If-None-Match"), tag)) {
                Conditional.notModified(ctx);
                ctx.res().setContentLengthLong(gz ? gzip.length : body.length);
                return;
            }
            if (contentType != null) {
                ctx.contentType(contentType);
            }
            if (gz) {
                ctx.header("Content-Encoding", "gzip");
            }
            ctx.status(200).result(gz ? gzip : body);
        }

        private static boolean acceptsGzip(String acceptEncoding) {
            if (acceptEncoding == null) {
                return false;
            }
            for (String part : acceptEncoding.split(",")) {
                String[] p = part.strip().split(";");
                if (p[0].strip().equalsIgnoreCase("gzip")) {
                    return !(p.length > 1 && p[1].replace(" ", "").matches("q=0(\\.0*)?"));
                }
            }
            return false;
        }

        private static byte[] gzip(byte[] body) {
            var out = new ByteArrayOutputStream(body.length / 4 + 64);
            try (var gz = new GZIPOutputStream(out)) {
                gz.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
