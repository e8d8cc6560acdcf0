package ltsportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import ltsportal.support.BrowserJourney;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** "I run 15.4.6" to a printed runbook: enter the versions, see the hops, open one, open the print view. */
@Tag("browser")
class PlannerBrowserTest extends BrowserJourney {

    @Test
    void fromFifteenFourSixToAPrintedRunbook() {
        var driver = browser.driver;
        driver.get(portal.url("/gitlab/plan"));
        driver.findElement(By.id("from")).sendKeys("15.4.6");
        driver.findElement(By.id("to")).sendKeys("18.11");
        driver.findElement(By.cssSelector(".plan-form button[type=submit]")).click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("plan")));
        List<WebElement> hops = driver.findElements(By.cssSelector("ol.hops > li.hop"));
        assertEquals(12, hops.size());
        assertEquals("15.11.13", hops.get(0).getAttribute("data-version"));
        assertEquals("18.11.11", hops.get(11).getAttribute("data-version"));
        assertTrue(driver.getCurrentUrl().contains("from=15.4.6"), "the URL is the permalink");

        WebElement second = hops.get(1);
        WebElement body = second.findElement(By.cssSelector(".hop-body"));
        assertFalse(body.isDisplayed(), "hops start folded");
        second.findElement(By.tagName("summary")).click();
        browser.waiting().until(ExpectedConditions.visibilityOf(body));
        assertTrue(body.getText().contains("Expiring Access Tokens"), body.getText());
        assertTrue(body.getText().contains("sudo apt-get update && sudo apt-get install gitlab-ee=16.3.9-ee.0"));

        driver.findElement(By.id("print-link")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("runbook")));
        assertTrue(driver.getTitle().contains("Runbook: GitLab 15.4.6 to 18.11.11"), driver.getTitle());
        List<WebElement> sections = driver.findElements(By.cssSelector(".runbook-hop"));
        assertEquals(12, sections.size());
        assertTrue(sections.get(11).findElement(By.cssSelector(".hop-body")).isDisplayed(), "every hop is open in print");
        assertTrue(driver.findElement(By.id("print-button")).isDisplayed());
    }
}
