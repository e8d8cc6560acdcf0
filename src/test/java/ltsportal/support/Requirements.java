package ltsportal.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that need a real Chromium or PostgreSQL: in CI (CI=true) a missing piece fails the test;
 * on a developer's machine the test is skipped with the reason printed.
 */
public final class Requirements {
    private Requirements() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static void require(boolean available, String what) {
        if (available) {
            return;
        }
        if (inCi()) {
            throw new AssertionError(what + " is required in CI but is not available; .ci/run should have set it up");
        }
        System.out.println("SKIPPED (not in CI): " + what + " is not available on this machine");
        assumeTrue(false, what + " is not available");
    }
}
