package ltsportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import ltsportal.support.BrowserJourney;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A customer signs in, picks a window, fills the intake, sees the confirmation with the plan, downloads the invite. */
@Tag("browser")
class BookingBrowserTest extends BrowserJourney {

    @Test
    void bookAnUpgradeWindow() throws Exception {
        var driver = browser.driver;
        driver.get(portal.url("/login"));
        driver.findElement(By.id("email")).sendKeys("customer2@demo.test");
        driver.findElement(By.id("password")).sendKeys(TestPortal.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/account"));

        driver.findElement(By.linkText("Support spikes")).click();
        driver.findElement(By.linkText("18.11 LTS upgrade spike")).click();
        WebElement first = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr.window[data-availability='available']")));
        assertTrue(first.getText().contains("America/New_York (UTC-04:00)"), "the customer's own zone: " + first.getText());
        String chosenTime = first.findElement(By.cssSelector("td.time strong")).getText();
        first.findElement(By.linkText("Book")).click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("instanceName"))).sendKeys("git-ci.globex.test"); // Globex's git.globex.test holds a booking already
        new Select(driver.findElement(By.id("deployment"))).selectByValue("helm");
        new Select(driver.findElement(By.id("topology"))).selectByValue("ra-5k");
        driver.findElement(By.id("currentVersion")).sendKeys("16.11.10");
        assertEquals("18.11", driver.findElement(By.id("targetVersion")).getDomProperty("value"), "defaults to the focus");
        driver.findElement(By.id("contactPhone")).sendKeys("+1 212 555 0100");
        driver.findElement(By.id("book-button")).click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
        assertTrue(driver.findElement(By.id("when")).getText().contains(chosenTime), driver.findElement(By.id("when")).getText());
        assertEquals("requested", driver.findElement(By.id("booking-status")).getText());
        assertTrue(driver.findElement(By.id("path")).getText().startsWith("17.3.7 → 17.5.5"), driver.findElement(By.id("path")).getText());
        assertTrue(driver.findElements(By.cssSelector("ol.hops-brief li")).size() >= 5);

        // The invitation link downloads an iCalendar file; fetch it with the browser's session.
        String href = driver.findElement(By.id("ics-link")).getAttribute("href");
        Cookie session = driver.manage().getCookieNamed("portal_session");
        HttpResponse<String> ics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "portal_session=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ics.statusCode());
        assertTrue(ics.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertTrue(ics.body().contains("METHOD:REQUEST") && ics.body().contains("git-ci.globex.test"));
    }
}
