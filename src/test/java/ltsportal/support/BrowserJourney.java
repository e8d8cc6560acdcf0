package ltsportal.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A browser journey: the JVM's Chromium, reset as new ({@link Browser#shared}), and a fresh portal for every test. */
public abstract class BrowserJourney {
    protected TestPortal portal;
    protected Browser browser;

    @BeforeEach
    void startBrowserAndPortal() {
        browser = Browser.shared();
        portal = TestPortal.at("2026-06-01T12:00:00Z");
    }

    @AfterEach
    void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }
}
