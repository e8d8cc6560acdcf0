package ltsportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ltsportal.support.BrowserJourney;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A customer asks about their version and browses the lifecycle, in a real Chromium. */
@Tag("browser")
class CatalogBrowserTest extends BrowserJourney {

    @Test
    void askWhetherAVersionIsSupported() {
        var driver = browser.driver;
        driver.get(portal.url("/"));
        WebElement box = driver.findElement(By.id("version"));
        box.sendKeys(" v17.3.7-ee ");
        driver.findElement(By.cssSelector("form.check-form button[type=submit]")).click();
        WebElement answer = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
        assertTrue(answer.getText().contains("GitLab 17.3.7 is no longer supported."), answer.getText());
        assertTrue(answer.getText().contains("We recommend upgrading to 18.11.11."), answer.getText());
        assertEquals(" v17.3.7-ee ", driver.findElement(By.id("version")).getDomProperty("value"),
                "the box keeps what was typed");

        driver.findElement(By.id("version")).clear();
        driver.findElement(By.id("version")).sendKeys("18.11.2");
        driver.findElement(By.cssSelector("form.check-form button[type=submit]")).click();
        // The first answer belongs to the page being replaced: wait until it is gone, then read the new one.
        browser.waitUntilGone(answer);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("answer"), "is supported"));
        assertTrue(driver.findElement(By.id("answer")).getAttribute("class").contains("good"));
    }

    @Test
    void openTheLifecycleTableAndTheChart() {
        var driver = browser.driver;
        driver.get(portal.url("/gitlab"));
        WebElement chart = browser.waiting().until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("figure.timeline svg[role='img']")));
        assertTrue(chart.getSize().getWidth() > 600, "the inline chart fills the page's width: " + chart.getSize());
        assertEquals(chart.findElements(By.cssSelector("g.line")).size(),
                driver.findElements(By.cssSelector("details.timeline-text tbody tr")).size());
        WebElement asTable = driver.findElement(By.cssSelector("details.timeline-text"));
        assertFalse(asTable.findElement(By.tagName("table")).isDisplayed());
        asTable.findElement(By.tagName("summary")).click();
        assertTrue(asTable.findElement(By.tagName("table")).isDisplayed(), "the text alternative opens");

        WebElement lts = driver.findElement(By.cssSelector("#lifecycle tr[data-cycle='18.11']"));
        assertTrue(lts.getText().contains("LTS"), lts.getText());
        assertTrue(lts.findElement(By.cssSelector("td.phase.ahead")).isDisplayed());

        WebElement older = driver.findElement(By.cssSelector("details.older"));
        WebElement oldRow = older.findElement(By.cssSelector("tr[data-cycle='13.10']"));
        assertTrue(!oldRow.isDisplayed(), "older lines are folded");
        older.findElement(By.tagName("summary")).click();
        browser.waiting().until(ExpectedConditions.visibilityOf(oldRow));
        assertEquals("line-through", oldRow.findElement(By.cssSelector("td.cycle a")).getCssValue("text-decoration-line"));

        lts.findElement(By.linkText("18.11")).click();
        browser.waiting().until(ExpectedConditions.titleContains("GitLab 18.11"));
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("18.11.11"));
    }
}
