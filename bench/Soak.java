import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A mixed workload against two portal instances on one database: each simulated user signs up its own
 * organization, then browses, plans, signs in again, books, moves and cancels, sending every request
 * to the next instance in turn (sessions live in the database). Bounded by its duration. Prints a
 * Markdown table of requests, 5xx and latency percentiles per kind, and writes the idempotency keys
 * of every booking a user was told was made, for the consistency check that follows.
 *
 *   java bench/Soak.java http://127.0.0.1:7301,http://127.0.0.1:7302 USERS SECONDS confirmed-keys.txt
 */
public class Soak {
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
    static final Pattern WINDOW = Pattern.compile("/spikes/1/book\\?window=(\\d+)");
    static final Pattern BOOKING = Pattern.compile("^/bookings/(\\d+)");
    static final String PASSWORD = "soak test passphrase 42";

    static final Map<String, ConcurrentLinkedQueue<Long>> TIMES = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> SERVER_ERRORS = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> IO_ERRORS = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> RETRIED = new ConcurrentHashMap<>();
    static final ConcurrentLinkedQueue<String> CONFIRMED = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        List<String> bases = List.of(args[0].split(","));
        int users = Integer.parseInt(args[1]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        Path confirmedFile = Path.of(args[3]);
        Instant end = Instant.now().plus(duration);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            int id = i;
            Thread t = new Thread(() -> new User(id, bases).run(end), "user-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        Files.write(confirmedFile, CONFIRMED);
        System.out.println("| kind | requests | 5xx | I/O errors | 429, retried | p50 ms | p99 ms | max ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var e : new TreeMap<>(TIMES).entrySet()) {
            List<Long> ms = new ArrayList<>(e.getValue());
            Collections.sort(ms);
            System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %d |%n", e.getKey(), ms.size(),
                    SERVER_ERRORS.getOrDefault(e.getKey(), new AtomicLong()).get(),
                    IO_ERRORS.getOrDefault(e.getKey(), new AtomicLong()).get(),
                    RETRIED.getOrDefault(e.getKey(), new AtomicLong()).get(),
                    pct(ms, 0.50), pct(ms, 0.99), ms.isEmpty() ? 0 : ms.get(ms.size() - 1));
        }
        long fives = SERVER_ERRORS.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.println();
        System.out.println("5xx in all: " + fives + "; bookings confirmed: " + CONFIRMED.size());
    }

    static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static final class User {
        final int id;
        final List<String> bases;
        final Random random;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        final List<Long> myBookings = new ArrayList<>();
        int next;
        String csrf = "";
        String email;

        User(int id, List<String> bases) {
            this.id = id;
            this.bases = bases;
            this.random = new Random(id);
        }

        void run(Instant end) {
            email = "soak-" + id + "-" + System.nanoTime() + "@soak.test";
            get("browse", "/signup");
            post("sign-up", "/signup", Map.of("name", "Soak User " + id, "email", email, "password", PASSWORD,
                    "organization", "Soak Org " + id + " " + System.nanoTime(), "timeZone", "Europe/Berlin"));
            while (Instant.now().isBefore(end)) {
                int roll = random.nextInt(100);
                if (roll < 40) {
                    String[] pages = {"/", "/gitlab", "/gitlab/18.11", "/api/v1/products/gitlab", "/spikes/1", "/bookings"};
                    get("browse", pages[random.nextInt(pages.length)]);
                } else if (roll < 60) {
                    String[] from = {"15.4.6", "16.3.9", "17.3.7", "18.2.8"};
                    get("plan", "/gitlab/plan?from=" + from[random.nextInt(from.length)] + "&to=18.11");
                } else if (roll < 68) {
                    post("sign-out", "/logout", Map.of());
                    get("browse", "/login");
                    post("sign-in", "/login", Map.of("email", email, "password", PASSWORD));
                } else if (roll < 86) {
                    book();
                } else if (roll < 93) {
                    move();
                } else {
                    cancel();
                }
            }
        }

        void book() {
            String spike = get("book", "/spikes/1");
            Matcher m = WINDOW.matcher(spike == null ? "" : spike);
            List<String> windows = new ArrayList<>();
            while (m.find()) {
                windows.add(m.group(1));
            }
            if (windows.isEmpty()) {
                return;
            }
            String window = windows.get(random.nextInt(windows.size()));
            String form = get("book", "/spikes/1/book?window=" + window);
            Matcher k = KEY.matcher(form == null ? "" : form);
            if (!k.find()) {
                return;
            }
            String key = k.group(1);
            var response = postResponse("book", "/spikes/1/bookings", Map.ofEntries(Map.entry("windowId", window),
                    Map.entry("idempotencyKey", key), Map.entry("instanceName", "gitlab.soak.test"),
                    Map.entry("deployment", "docker"), Map.entry("edition", "ee"), Map.entry("topology", "single-node"),
                    Map.entry("geo", "no"), Map.entry("currentVersion", "18.8.11"), Map.entry("targetVersion", "18.11"),
                    Map.entry("contactName", "Soak"), Map.entry("contactEmail", "soak@soak.test")));
            if (response != null && response.statusCode() == 303) {
                Matcher b = BOOKING.matcher(response.headers().firstValue("Location").orElse(""));
                if (b.find()) {
                    myBookings.add(Long.parseLong(b.group(1)));
                    CONFIRMED.add(key);
                }
            }
        }

        void move() {
            if (myBookings.isEmpty()) {
                return;
            }
            long booking = myBookings.get(random.nextInt(myBookings.size()));
            String page = get("move", "/bookings/" + booking);
            Matcher m = Pattern.compile("<option value=\"(\\d+)\"").matcher(page == null ? "" : page);
            List<String> others = new ArrayList<>();
            while (m.find()) {
                others.add(m.group(1));
            }
            if (!others.isEmpty()) {
                post("move", "/bookings/" + booking + "/reschedule", Map.of("windowId", others.get(random.nextInt(others.size()))));
            }
        }

        void cancel() {
            if (myBookings.isEmpty()) {
                return;
            }
            long booking = myBookings.remove(random.nextInt(myBookings.size()));
            get("cancel", "/bookings/" + booking);
            post("cancel", "/bookings/" + booking + "/cancel", Map.of("reason", "soak test"));
        }

        String base() {
            return bases.get(next++ % bases.size());
        }

        String get(String kind, String path) {
            var r = send(kind, HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).GET().build());
            if (r == null) {
                return null;
            }
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r.body();
        }

        void post(String kind, String path, Map<String, String> fields) {
            postResponse(kind, path, fields);
        }

        HttpResponse<String> postResponse(String kind, String path, Map<String, String> fields) {
            String body = "_csrf=" + enc(csrf) + fields.entrySet().stream().map(e -> "&" + enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining());
            HttpResponse<String> r = null;
            for (int attempt = 0; attempt < 60; attempt++) {
                r = send(kind, HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                if (r == null || r.statusCode() != 429) {
                    break;
                }
                // A busy portal says when to come back, as a browser user would after "try again in a moment".
                RETRIED.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                try {
                    Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            if (r != null) {
                Matcher m = CSRF.matcher(r.body());
                if (m.find()) {
                    csrf = m.group(1);
                }
            }
            return r;
        }

        HttpResponse<String> send(String kind, HttpRequest request) {
            long start = System.nanoTime();
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                TIMES.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add((System.nanoTime() - start) / 1_000_000);
                if (response.statusCode() >= 500) {
                    SERVER_ERRORS.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                }
                return response;
            } catch (IOException e) {
                IO_ERRORS.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
