package ltsportal.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A browser journey: a real Chromium and a fresh portal for every test, both closed after it. */
public abstract class BrowserJourney {
    protected TestPortal portal;
    protected Browser browser;

    @BeforeEach
    void startBrowserAndPortal() {
        browser = Browser.start();
        portal = TestPortal.at("2026-06-01T12:00:00Z");
    }

    @AfterEach
    void stopBrowserAndPortal() {
        if (browser != null) {
            browser.close();
        }
        if (portal != null) {
            portal.close();
        }
    }
}
