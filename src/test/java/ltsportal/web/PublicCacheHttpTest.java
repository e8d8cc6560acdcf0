package ltsportal.web;

import static ltsportal.db.Tables.SPIKE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Caching is invisible: a new day, a signed-in viewer and a spike opened or closed show as if nothing were cached (issue 17). */
@Tag("functional")
class PublicCacheHttpTest {
    private TestPortal portal;

    @BeforeEach
    void start() {
        portal = TestPortal.at("2026-06-01T23:59:00Z");
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void aNewDayShowsAtOnce() {
        var before = portal.get("/gitlab");
        assertTrue(before.body().contains("Status as of <span>1 Jun 2026</span>"), before.body());
        assertEquals(before.headers().firstValue("ETag"), portal.get("/gitlab").headers().firstValue("ETag"), "served again, same bytes");
        portal.clock.advance(Duration.ofMinutes(2));
        var after = portal.get("/gitlab");
        assertTrue(after.body().contains("Status as of <span>2 Jun 2026</span>"), "the clock's new day, at once");
        assertNotEquals(before.headers().firstValue("ETag"), after.headers().firstValue("ETag"));
        assertEquals(304, portal.get("/gitlab", "If-None-Match", after.headers().firstValue("ETag").orElseThrow()).statusCode());
    }

    @Test
    void aSignedInPageIsNeverKeptNorServedToOthers() {
        WebClient casey = portal.signedIn("customer@demo.test");
        String name = "id=\"account-link\"";
        assertTrue(casey.get("/gitlab").body().contains(name), "the viewer's own page");
        assertFalse(portal.get("/gitlab").body().contains(name), "a visitor never gets it");
        assertTrue(casey.get("/gitlab").body().contains(name), "nor the signed-in viewer the visitor's");
        assertTrue(casey.get("/gitlab").headers().firstValue("ETag").isEmpty(), "signed-in pages are rendered each time");
    }

    @Test
    void aPlanIsKeptPerNormalisedQuery() {
        var one = portal.get("/api/v1/plan?from=15.4.6&to=18.11&conditions=16.1");
        var two = portal.get("/api/v1/plan?conditions=16.1&to=18.11&from=15.4.6");
        assertEquals(200, one.statusCode());
        assertEquals(one.body(), two.body());
        assertEquals(one.headers().firstValue("ETag"), two.headers().firstValue("ETag"));
        assertEquals(400, portal.get("/api/v1/plan?from=nonsense").statusCode(), "a refusal is answered, never kept");
        assertEquals(400, portal.get("/api/v1/plan?from=nonsense").statusCode());
    }

    @Test
    void aSpikeOpenedOrClosedShowsOnCachedPagesWithinHalfAMinute() {
        assertTrue(portal.get("/").body().contains("id=\"spike-invite\""));
        portal.db.update(SPIKE).set(SPIKE.STATUS, ltsportal.spikes.Spike.Status.CLOSED).execute();
        portal.clock.advance(Duration.ofSeconds(31));
        assertFalse(portal.get("/").body().contains("id=\"spike-invite\""), "the invitation follows the spike");
        assertFalse(portal.get("/gitlab/plan?from=15.4.6&to=18.11").body().contains("id=\"spike-invite\""));
    }
}
