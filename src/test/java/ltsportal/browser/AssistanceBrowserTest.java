package ltsportal.browser;

import static ltsportal.db.Tables.BOOKING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import ltsportal.support.BrowserJourney;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Upgrade assistance in a real browser: the customer sends a plan, a message and a file; an engineer asks
 * for changes; the customer answers and sends the plan again; the engineer approves it and confirms.
 */
@Tag("browser")
class AssistanceBrowserTest extends BrowserJourney {

    private void signIn(String email) {
        var driver = browser.driver;
        driver.manage().deleteAllCookies();
        driver.get(portal.url("/login"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(TestPortal.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Clicks and waits for the next page's flash: the old page must go first, or its own flash (or a node of it) is read. */
    private void flashAfter(String buttonId) {
        var driver = browser.driver;
        var old = driver.findElement(By.tagName("html"));
        driver.findElement(By.id(buttonId)).click();
        browser.waitUntilGone(old);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    @Test
    void aPlanIsReviewedDiscussedApprovedAndTheBookingConfirmed() throws Exception {
        var driver = browser.driver;
        long id = portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
        String page = portal.url("/bookings/" + id);

        signIn("customer@demo.test");
        driver.get(page);
        assertEquals("not-submitted", text("review-status"));
        driver.findElement(By.id("plan")).sendKeys("1. Upgrade to each required stop\n2. Wait for background migrations");
        driver.findElement(By.id("rollbackPlan")).sendKeys("Restore the 06:00 backup on the old version.");
        driver.findElement(By.id("topology")).clear();
        driver.findElement(By.id("topology")).sendKeys("One node, PostgreSQL 14 on the same host");
        driver.findElement(By.cssSelector("#review-form input[name=backupVerified]")).click();
        flashAfter("submit-review");
        assertEquals("submitted", text("review-status"));
        driver.findElement(By.id("body")).sendKeys("Our Gitaly storage is on **NFS**. Is that a problem?");
        flashAfter("send-button");
        Path log = Files.createTempFile("gitlabsos", ".log");
        Files.writeString(log, "gitaly: storage /var/opt/gitlab/git-data on nfs4\n");
        driver.findElement(By.id("file")).sendKeys(log.toString());
        flashAfter("attach-button");
        assertTrue(driver.findElement(By.id("attachments")).getText().contains(log.getFileName().toString()));

        signIn("engineer@demo.test");
        driver.get(portal.url("/manage/reviews"));
        driver.findElement(By.partialLinkText(id + " · gitlab.acme.test")).click();
        assertTrue(driver.findElement(By.id("messages")).getText().contains("Our Gitaly storage is on NFS."));
        driver.findElement(By.id("comment")).sendKeys("Gitaly on NFS is not supported: add moving the repositories to local disk.");
        flashAfter("request-changes-button");
        assertEquals("changes-requested", text("review-status"));

        signIn("customer@demo.test");
        driver.get(page);
        assertTrue(driver.findElement(By.id("review")).getText().contains("Gitaly on NFS is not supported"), "the customer reads why");
        driver.findElement(By.id("plan")).sendKeys("\n3. Move the repositories to local disk first");
        flashAfter("submit-review");
        driver.findElement(By.id("body")).sendKeys("Added the move to local disk to the plan.");
        flashAfter("send-button");
        assertFalse(driver.findElements(By.id("confirm-button")).size() > 0, "customers do not confirm");

        signIn("engineer@demo.test");
        driver.get(page);
        assertTrue(driver.findElement(By.id("messages")).getText().contains("Added the move to local disk"));
        driver.findElements(By.cssSelector("#decision-form input[name=check]")).forEach(box -> box.click());
        flashAfter("approve-button");
        assertEquals("approved", text("review-status"));
        flashAfter("confirm-button");
        String status = text("booking-status");
        assertTrue(status.equals("Confirmed") || status.equals("Confirmed, engineers assigned"), status);
        assertTrue(driver.findElement(By.id("history")).getText().contains("Plan review approved"));
    }
}
