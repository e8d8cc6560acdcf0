import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Booking under contention, through HTTP (bench/run): N customers (bench1@bench.test ..., made by Seed.java)
 * sign in and open the booking form of one of the open spike's first W windows (customer i takes window
 * i mod W), then all send their form at the same moment. Prints one line:
 * {@code customers=200 windows=20 seconds=0.84 booked=40 refused=160 errors5xx=0 failed=0 bookingsPerSecond=47.6}.
 * {@code refused} counts 4xx answers (a full window); {@code failed} requests that got no answer.
 * Usage: java bench/Contention.java BASE_URL CUSTOMERS WINDOWS
 */
public class Contention {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
    private static final Pattern WINDOW = Pattern.compile("\"id\":(\\d+),\"start\"[^}]*\"remaining\":(\\d+)");

    record Customer(HttpClient http, String csrf, String key, long window) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int customers = Integer.parseInt(args[1]);
        int windowCount = Integer.parseInt(args[2]);
        ExecutorService pool = Executors.newFixedThreadPool(customers);

        // Sign-ins and forms, a few at a time (argon2id is meant to be slow; the portal refuses a burst with 429).
        List<Customer> ready = new ArrayList<>();
        List<Long> windows = null;
        for (int i = 1; i <= customers; i++) {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String csrf = match(CSRF, get(http, base + "/login").body());
            int status;
            do {
                status = post(http, base + "/login", Map.of("_csrf", csrf, "email", "bench" + i + "@bench.test",
                        "password", "demo-portal-pass")).statusCode();
            } while (status == 429);
            if (status != 303) {
                throw new IllegalStateException("bench" + i + " could not sign in: " + status);
            }
            if (windows == null) {
                String spike = get(http, base + "/api/v1/spikes/1").body();
                windows = new ArrayList<>();
                Matcher m = WINDOW.matcher(spike);
                while (m.find() && windows.size() < windowCount) {
                    if (Integer.parseInt(m.group(2)) > 0) {
                        windows.add(Long.parseLong(m.group(1)));
                    }
                }
            }
            long window = windows.get((i - 1) % windows.size());
            String form = get(http, base + "/spikes/1/book?window=" + window).body();
            ready.add(new Customer(http, match(CSRF, form), match(KEY, form), window));
        }

        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch set = new CountDownLatch(customers);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        List<Future<?>> done = new ArrayList<>();
        for (Customer c : ready) {
            done.add(pool.submit(() -> {
                set.countDown();
                try {
                    go.await();
                    int status = post(c.http(), base + "/spikes/1/bookings", Map.ofEntries(Map.entry("_csrf", c.csrf()),
                            Map.entry("idempotencyKey", c.key()), Map.entry("windowId", String.valueOf(c.window())),
                            Map.entry("instanceName", "gitlab-" + c.key().substring(0, 8).toLowerCase() + ".bench.test"),
                            Map.entry("deployment", "linux-package"), Map.entry("edition", "ee"), Map.entry("topology", "single-node"),
                            Map.entry("geo", "no"), Map.entry("currentVersion", "18.8.11"), Map.entry("targetVersion", "18.11"),
                            Map.entry("contactName", "Bench"), Map.entry("contactEmail", "bench@bench.test"),
                            Map.entry("acceptFit", "true"))).statusCode();
                    statuses.merge(status, 1, Integer::sum);
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                return null;
            }));
        }
        set.await();
        long t0 = System.nanoTime();
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        int booked = statuses.getOrDefault(303, 0);
        int refused = statuses.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500).mapToInt(Map.Entry::getValue).sum();
        int errors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        System.out.printf("customers=%d windows=%d seconds=%.2f booked=%d refused=%d errors5xx=%d failed=%d bookingsPerSecond=%.1f statuses=%s%n",
                customers, windows.size(), seconds, booked, refused, errors, failed.get(), booked / seconds,
                statuses.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",")));
    }

    private static String match(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p.pattern() + " in the page");
        }
        return m.group(1);
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient http, String url, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getAuthority();
    }
}
