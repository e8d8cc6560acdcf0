package ltsportal.fleet;

import static ltsportal.db.Tables.FLEET_SNAPSHOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/**
 * The fleet dashboard, its CSV and JSON, against instances registered through HTTP by two organizations (on 1 June
 * 2026: 18.10 leaves support in 17 days, 19.0 in 80, 18.11 is LTS, 18.9 and 16.3 ended, 25.1 is past the data).
 */
class FleetHttpTest extends OnBothDatabases {

    private void seed() {
        WebClient acme = portal.signedIn("customer@demo.test");
        InstancesHttpTest.register(acme, "a.acme.test", "18.10.8");
        InstancesHttpTest.register(acme, "b.acme.test", "19.0.8");
        InstancesHttpTest.register(acme, "c.acme.test", "18.11.11");
        WebClient globex = portal.signedIn("customer2@demo.test");
        InstancesHttpTest.register(globex, "d.globex.test", "18.9.8");
        InstancesHttpTest.register(globex, "e.globex.test", "16.3.4");
        InstancesHttpTest.register(globex, "f.globex.test", "25.1.0");
    }

    @Test
    void theDashboardShowsTheShareWhoLeavesNextTheVersionsAndTheDemand() {
        seed();
        var page = portal.signedIn("manager@demo.test").get("/manage/fleet");
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("id=\"share-maintained\">67%"), body);
        assertTrue(body.contains("id=\"share-lts\">17%"));
        assertTrue(body.contains("id=\"count-ended\">2"));
        assertTrue(body.contains("id=\"count-ending\">2"));
        int within30 = body.indexOf("Within 30 days");
        int within60 = body.indexOf("In 31 to 60 days");
        int within90 = body.indexOf("In 61 to 90 days");
        assertTrue(within30 < body.indexOf("a.acme.test") && body.indexOf("a.acme.test") < within60, "18.10 within 30 days");
        assertTrue(within90 < body.indexOf("b.acme.test"), "19.0 in 61 to 90 days");
        assertTrue(body.contains("id=\"forecast-total\">3 instances must cross to 18.11"), body);
        assertTrue(portal.signedIn("engineer@demo.test").get("/manage/fleet").statusCode() == 200, "engineers read it too");

        String json = portal.signedIn("manager@demo.test").get("/api/v1/fleet/summary").body();
        assertTrue(json.contains("\"instances\":6,\"maintained\":4,\"onLts\":1,\"ended\":2,\"maintainedPercent\":67,\"ltsPercent\":17,"
                + "\"endingWithin30Days\":1,\"endingWithin60Days\":1,\"endingWithin90Days\":2,\"newerThanData\":1"), json);
    }

    @Test
    void eachTableDownloadsAsCsvWithTheSameRows() {
        seed();
        WebClient manager = portal.signedIn("manager@demo.test");
        var ending = manager.get("/manage/fleet/ending.csv");
        assertEquals(200, ending.statusCode());
        assertTrue(ending.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] rows = ending.body().split("\r\n");
        assertEquals("organization,instance,version,status,support_ends,days_left,recommended_target", rows[0]);
        assertEquals(3, rows.length, "the two leaving within 90 days");
        assertTrue(rows[1].startsWith("Acme Robotics,a.acme.test,18.10.8,") && rows[1].contains(",2026-06-18,17,"), rows[1]);
        String versions = manager.get("/manage/fleet/versions.csv").body();
        assertTrue(versions.startsWith("line,status,instances\r\n25.1,"), versions);
        String forecast = manager.get("/manage/fleet/forecast.csv?target=18.11&window=240").body();
        assertEquals(4, forecast.split("\r\n").length, "header and the three instances below 18.11: " + forecast);
        assertEquals(404, manager.get("/manage/fleet/nothing.csv").statusCode());
    }

    @Test
    void aForecastForALineWeDoNotKnowIsRefusedNextToTheField() {
        seed();
        WebClient manager = portal.signedIn("manager@demo.test");
        var bad = manager.get("/manage/fleet?target=99.1&window=5");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("id=\"target-error\"") && bad.body().contains("“99.1” is not a release line we know"), bad.body());
        assertTrue(bad.body().contains("id=\"window-error\""));
        assertTrue(bad.body().contains("value=\"99.1\""), "kept");
        assertEquals(400, manager.get("/manage/fleet/forecast.csv?target=banana").statusCode());
        var other = manager.get("/manage/fleet?target=19.0&window=120");
        assertEquals(200, other.statusCode());
        assertTrue(other.body().contains("must cross to 19.0") && other.body().contains("windows of 120 minutes"), other.body());
    }

    @Test
    void theWeeklySnapshotIsWrittenOnceAWeekWhateverTheRounds() {
        seed();
        portal.deliverMail();
        portal.deliverMail();
        assertEquals(1, portal.db.fetchCount(FLEET_SNAPSHOT), "two rounds in one week: one row");
        var row = portal.db.selectFrom(FLEET_SNAPSHOT).fetchSingle();
        assertEquals(LocalDate.parse("2026-06-01"), row.getWeekStart(), "1 June 2026 is a Monday");
        assertEquals(6, row.getInstances());
        assertEquals(4, row.getMaintained());
        portal.clock.advance(Duration.ofDays(6));
        portal.deliverMail();
        assertEquals(1, portal.db.fetchCount(FLEET_SNAPSHOT), "still the same week");
        portal.clock.advance(Duration.ofDays(1));
        portal.deliverMail();
        assertEquals(2, portal.db.fetchCount(FLEET_SNAPSHOT), "a new week, a new row");
        String body = portal.signedIn("manager@demo.test").get("/manage/fleet").body();
        assertTrue(body.contains("<td>2026-06-01</td>") && body.contains("<td>2026-06-08</td>"), "both weeks in the table");
        assertTrue(body.contains("class=\"maintained\""), "and in the chart");
        String trend = portal.signedIn("manager@demo.test").get("/manage/fleet/trend.csv").body();
        assertTrue(trend.contains("2026-06-01,6,4,1,2,67,17"), trend);
    }
}
