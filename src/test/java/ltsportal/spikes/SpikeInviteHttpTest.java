package ltsportal.spikes;

import static ltsportal.db.Tables.SPIKE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** Signed-out visitors learn that support spikes exist: the home page and a plan's results offer the open one (issue 16). */
class SpikeInviteHttpTest extends OnBothDatabases {

    private Spike demo() {
        return new Spikes(portal.db).byId(1).orElseThrow();
    }

    @Test
    void theHomePageAndAPlanInviteSignedOutVisitorsToTheOpenSpikeWithItsDates() {
        Spike spike = demo();
        for (String path : new String[] {"/", "/gitlab/plan?from=15.4.6&to=18.11"}) {
            String body = portal.get(path).body();
            int at = body.indexOf("id=\"spike-invite\"");
            assertTrue(at > 0, path + " invites: " + body);
            String invite = body.substring(at, body.indexOf("</section>", at));
            assertTrue(invite.contains(spike.name()), invite);
            assertTrue(invite.contains(spike.dates()), "its dates, without signing in: " + invite);
            assertTrue(invite.contains("GitLab <span>" + spike.focus() + "</span>"), invite);
            assertTrue(invite.contains("href=\"/spikes/1\""), invite);
        }
        assertFalse(portal.get("/gitlab/plan").body().contains("id=\"spike-invite\""), "the empty planner form is not cluttered");
        assertEquals(303, portal.get("/spikes/1").statusCode(), "the link leads through signing in");
        assertTrue(portal.get("/spikes/1").headers().firstValue("Location").orElseThrow().endsWith("/login?next=%2Fspikes%2F1"));
    }

    @Test
    void signedInPeopleAndAPortalWithoutAnOpenSpikeSeeNoInvitation() {
        WebClient casey = portal.signedIn("customer@demo.test");
        assertFalse(casey.get("/").body().contains("id=\"spike-invite\""), "signed-in people have the nav's Support spikes");
        portal.db.update(SPIKE).set(SPIKE.STATUS, ltsportal.spikes.Spike.Status.CLOSED).execute();
        portal.clock.advance(java.time.Duration.ofSeconds(31)); // the open spike is read at most every 30 seconds
        assertFalse(portal.get("/").body().contains("id=\"spike-invite\""));
        assertFalse(portal.get("/gitlab/plan?from=15.4.6&to=18.11").body().contains("id=\"spike-invite\""));
    }

    @Test
    void aSpikeThatHasEndedIsNotOffered() {
        portal.db.update(SPIKE).set(SPIKE.ENDS_ON, java.time.LocalDate.of(2026, 5, 31))
                .set(SPIKE.STARTS_ON, java.time.LocalDate.of(2026, 5, 1)).execute();
        assertFalse(portal.get("/").body().contains("id=\"spike-invite\""), "the clock says 1 June 2026");
    }
}
