package ltsportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ltsportal.support.BrowserJourney;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A customer registers an instance, sees that its version leaves support soon, and books a window for it from
 * there: the booking form comes filled in with the instance (issue 18).
 */
@Tag("browser")
class FleetBrowserTest extends BrowserJourney {

    @Test
    void registerAnInstanceSeeItEndingSoonAndBookAWindowFromIt() {
        var driver = browser.driver;
        driver.get(portal.url("/login"));
        driver.findElement(By.id("email")).sendKeys("customer@demo.test");
        driver.findElement(By.id("password")).sendKeys(TestPortal.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/bookings"));

        driver.findElement(By.linkText("Instances")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("name"))).sendKeys("gitlab-eu.acme.test");
        driver.findElement(By.id("version")).sendKeys("18.10.8-ee");
        new Select(driver.findElement(By.id("deployment"))).selectByValue("docker");
        driver.findElement(By.id("save-instance")).click();

        WebElement card = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.instance")));
        assertEquals("ending", card.getAttribute("data-urgency"));
        assertTrue(card.getText().contains("Support ends soon"), card.getText());
        assertTrue(card.getText().contains("supported until 18 Jun 2026, 17 days left"), card.getText());
        assertTrue(driver.findElement(By.id("flash")).getText().contains("is registered"));

        card.findElement(By.partialLinkText("Book a window")).click();
        WebElement slot = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("li.window[data-availability='available'] a.slot.bookable")));
        assertTrue(slot.getAttribute("href").contains("&instance="), slot.getAttribute("href"));
        slot.click();

        WebElement name = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("instanceName")));
        assertEquals("gitlab-eu.acme.test", name.getDomProperty("value"), "filled in from the instance");
        assertEquals("18.10.8", driver.findElement(By.id("currentVersion")).getDomProperty("value"));
        assertEquals("docker", new Select(driver.findElement(By.id("deployment"))).getFirstSelectedOption().getDomProperty("value"));
        driver.findElement(By.id("book-button")).click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
        assertTrue(driver.getCurrentUrl().matches(".*/bookings/\\d+.*"), driver.getCurrentUrl());
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("gitlab-eu.acme.test"));
        assertEquals("18.11.11", driver.findElement(By.id("path")).getText(), "one hop from 18.10.8 to the spike's line");
    }
}
