package ltsportal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Forty sign-ins at once against a portal with a 256 MiB heap: argon2id needs 19 MiB each, so without
 * a bound they run the heap out (the soak found it: 500s, then an instance that no longer answered).
 * With the bound, some wait for a moment as 429 with Retry-After, none fails, and the portal stays up.
 */
@Tag("functional")
class SignInBurstTest {
    private static final int SIGN_INS = 40;

    @Test
    void aBurstOfSignInsIsAnswered429NeverOutOfMemory() throws Exception {
        try (PortalProcess portal = PortalProcess.start("jdbc:h2:mem:burst;DB_CLOSE_DELAY=-1", "sa", "", "256m")) {
            List<WebClient> visitors = new ArrayList<>();
            for (int i = 0; i < SIGN_INS; i++) {
                WebClient v = portal.visitor();
                v.get("/login");
                visitors.add(v);
            }
            ExecutorService pool = Executors.newFixedThreadPool(SIGN_INS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<java.net.http.HttpResponse<String>>> results = new ArrayList<>();
            for (WebClient v : visitors) {
                results.add(pool.submit(() -> {
                    go.await();
                    return v.post("/login", Map.of("email", "customer@demo.test", "password", TestPortal.DEMO_PASSWORD));
                }));
            }
            go.countDown();
            int signedIn = 0;
            int busy = 0;
            for (var f : results) {
                var response = f.get(120, TimeUnit.SECONDS);
                if (response.statusCode() == 303) {
                    signedIn++;
                } else {
                    assertEquals(429, response.statusCode(), () -> "the portal's log:\n" + portal.log());
                    assertEquals("1", response.headers().firstValue("Retry-After").orElse(""));
                    busy++;
                }
            }
            pool.shutdown();
            // how many are asked to retry depends on how fast the machine hashes: what matters is that each is answered
            assertEquals(SIGN_INS, signedIn + busy, signedIn + " signed in, " + busy + " asked to retry");
            assertTrue(signedIn > 0, signedIn + " signed in, " + busy + " asked to retry");
            assertTrue(!portal.log().contains("OutOfMemoryError"), portal.log());
            assertEquals(303, portal.visitor().post("/login", Map.of("email", "customer@demo.test",
                    "password", TestPortal.DEMO_PASSWORD)).statusCode(), "after the burst, signing in works");
        }
    }
}
