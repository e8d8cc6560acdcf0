import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times requests against a running portal on loopback and prints a Markdown table of the median
 * time per request and its ratio to a baseline measured in the same run (GET /healthz, the cheapest
 * route). Bounded: a fixed number of requests per case, then it stops.
 *
 *   java bench/HttpBench.java http://127.0.0.1:7199 [requests-per-case] [client-threads]
 */
public class HttpBench {
    record Case(String name, String path, String etagOf) {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:7199";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Case> cases = List.of(
                new Case("baseline: GET /healthz", "/healthz", null),
                new Case("GET /api/gitlab.json (66 lines, 200)", "/api/gitlab.json", null),
                new Case("GET /api/gitlab.json with If-None-Match (304)", "/api/gitlab.json", "/api/gitlab.json"),
                new Case("GET /api/v1/check?version=17.3.4", "/api/v1/check?version=17.3.4", null),
                new Case("GET /gitlab (lifecycle page)", "/gitlab", null),
                new Case("GET /gitlab/timeline.svg", "/gitlab/timeline.svg", null),
                new Case("GET /api/v1/plan 15.4.6 -> 18.11", "/api/v1/plan?from=15.4.6&to=18.11", null),
                new Case("GET /gitlab/plan 15.4.6 -> 18.11 (page, 12 hops)", "/gitlab/plan?from=15.4.6&to=18.11", null));
        List<HttpRequest> prepared = new ArrayList<>();
        for (Case c : cases) {
            String etag = null;
            if (c.etagOf() != null) {
                etag = http.send(HttpRequest.newBuilder(URI.create(base + c.etagOf())).build(),
                        HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + c.path()));
            if (etag != null) {
                b.header("If-None-Match", etag);
            }
            prepared.add(b.build());
        }
        // Warm every case up first, so the JIT has seen them all before anything is timed.
        for (HttpRequest r : prepared) {
            run(http, r, requests / 2, threads);
        }
        // The baseline is timed before and after the other cases; its median is the mean of both.
        Result first = time(http, prepared.get(0), requests, threads);
        List<Result> results = new ArrayList<>();
        for (int i = 1; i < prepared.size(); i++) {
            results.add(time(http, prepared.get(i), requests, threads));
        }
        Result last = time(http, prepared.get(0), requests, threads);
        double baseline = (first.median() + last.median()) / 2;
        System.out.println("| case | median µs/request | p90 µs | requests/s | ratio to baseline |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        System.out.printf("| %s | %.0f | %d | %.0f | 1.00 |%n", cases.get(0).name(), baseline,
                Math.max(first.p90(), last.p90()), (first.perSecond() + last.perSecond()) / 2);
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            System.out.printf("| %s | %.0f | %d | %.0f | %.2f |%n", cases.get(i + 1).name(), r.median(), r.p90(),
                    r.perSecond(), r.median() / baseline);
        }
    }

    record Result(double median, long p90, double perSecond) {
    }

    static Result time(HttpClient http, HttpRequest request, int requests, int threads) throws Exception {
        long start = System.nanoTime();
        long[] micros = run(http, request, requests, threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(micros);
        return new Result(micros[micros.length / 2], micros[(int) (micros.length * 0.9)], micros.length / seconds);
    }

    static long[] run(HttpClient http, HttpRequest request, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = count / threads;
            parts.add(pool.submit(() -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    long s = System.nanoTime();
                    var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() >= 400) {
                        throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
                    }
                    out[i] = (System.nanoTime() - s) / 1000;
                }
                return out;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (var p : parts) {
            for (long v : p.get()) {
                all.add(v);
            }
        }
        pool.shutdown();
        return all.stream().mapToLong(Long::longValue).toArray();
    }
}
