package ltsportal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ltsportal.support.PortalProcess;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM with requests in flight (a burst of the heaviest page, the 13.10 to 18.11 plan, on open
 * connections): every request the portal had begun is answered in full, none dropped or failed, and the portal exits 0.
 */
@Tag("functional")
class ShutdownTest {
    private static final int REQUESTS = 40;
    private static final String PLAN = "/gitlab/plan?from=13.10.0&to=18.11";

    @Test
    void sigtermFinishesTheRequestsInFlightAndExitsZero() throws Exception {
        try (PortalProcess portal = PortalProcess.start("jdbc:h2:mem:shutdown;DB_CLOSE_DELAY=-1", "sa", "")) {
            List<WebClient> visitors = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                WebClient v = portal.visitor();
                v.get("/healthz"); // a connection of its own, open before the burst
                visitors.add(v);
            }
            ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object[]>> results = new ArrayList<>();
            for (WebClient v : visitors) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        return new Object[]{v.get(PLAN).statusCode(), Instant.now()};
                    } catch (IllegalStateException e) {
                        return new Object[]{-1, Instant.now()}; // the connection was dropped before an answer
                    }
                }));
            }
            go.countDown();
            // Signal once the portal has begun every request: "sent" is only known when the server has read it.
            // (A request still on the wire at the signal may meet a closed connection, as behind any load balancer.)
            assertTrue(portal.awaitLog("GET /gitlab/plan started", REQUESTS, Duration.ofSeconds(60)),
                    "the portal began all " + REQUESTS + " requests:\n" + portal.log());
            int exit = portal.stop();
            for (Future<Object[]> f : results) {
                Object[] r = f.get(60, TimeUnit.SECONDS);
                int status = (int) r[0];
                assertEquals(200, status, "every request begun before the signal is answered in full: " + status + "\n" + portal.log());
            }
            pool.shutdown();
            assertEquals(0, exit, portal.log());
            assertTrue(portal.log().contains("Shutting down: draining requests in flight") && portal.log().contains("Stopped"), portal.log());
            // what the portal did, in its own order: requests it finished after it began to drain
            String log = portal.log();
            String drained = log.substring(log.indexOf("Shutting down: draining requests in flight"));
            assertTrue(drained.contains("GET /gitlab/plan 200"), "requests in flight at the signal were finished, not dropped:\n" + log);
        }
    }
}
