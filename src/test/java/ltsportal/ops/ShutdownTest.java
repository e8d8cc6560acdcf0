package ltsportal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ltsportal.support.PortalProcess;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM with requests in flight (a burst of sign-ins on open connections, each an argon2 hash that
 * takes a while): every one is answered in full, none dropped or failed, and the portal exits 0.
 */
@Tag("functional")
class ShutdownTest {
    private static final int SIGN_INS = 8;

    @Test
    void sigtermFinishesTheRequestsInFlightAndExitsZero() throws Exception {
        try (PortalProcess portal = PortalProcess.start("jdbc:h2:mem:shutdown;DB_CLOSE_DELAY=-1", "sa", "")) {
            List<WebClient> visitors = new ArrayList<>();
            for (int i = 0; i < SIGN_INS; i++) {
                WebClient v = portal.visitor();
                v.get("/login");
                visitors.add(v);
            }
            ExecutorService pool = Executors.newFixedThreadPool(SIGN_INS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object[]>> results = new ArrayList<>();
            for (WebClient v : visitors) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        int status = v.post("/login", Map.of("email", "customer@demo.test", "password", TestPortal.DEMO_PASSWORD))
                                .statusCode();
                        return new Object[]{status, Instant.now()};
                    } catch (IllegalStateException e) {
                        return new Object[]{-1, Instant.now()}; // the connection was dropped before an answer
                    }
                }));
            }
            go.countDown();
            assertTrue(portal.awaitLog("POST /login 303", Duration.ofSeconds(30)), "sign-ins are being served:\n" + portal.log());
            Instant signalled = Instant.now();
            int exit = portal.stop();
            int completedAfterSignal = 0;
            for (Future<Object[]> f : results) {
                Object[] r = f.get(60, TimeUnit.SECONDS);
                int status = (int) r[0];
                assertEquals(303, status, "every sign-in sent before the signal is answered in full: " + status + "\n" + portal.log());
                if (status == 303 && ((Instant) r[1]).isAfter(signalled)) {
                    completedAfterSignal++;
                }
            }
            pool.shutdown();
            assertEquals(0, exit, portal.log());
            assertTrue(portal.log().contains("Shutting down: draining requests in flight") && portal.log().contains("Stopped"));
            assertTrue(completedAfterSignal > 0, "requests in flight at the signal were finished, not dropped");
        }
    }
}
