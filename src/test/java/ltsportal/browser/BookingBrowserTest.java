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

/**
 * A customer signs in, picks a window, fills the intake for a path longer than one window, adds a second window
 * as the form suggests, sees the series with the plan, downloads the invite, moves one part and cancels the series.
 */
@Tag("browser")
class BookingBrowserTest extends BrowserJourney {

    @Test
    void bookALongUpgradeAsASeriesMoveOnePartAndCancelTheSeries() throws Exception {
        var driver = browser.driver;
        driver.get(portal.url("/login"));
        driver.findElement(By.id("email")).sendKeys("customer2@demo.test");
        driver.findElement(By.id("password")).sendKeys(TestPortal.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/bookings"));

        driver.findElement(By.linkText("Support spikes")).click();
        driver.findElement(By.linkText("18.11 LTS upgrade spike")).click();
        WebElement first = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.window[data-availability='available']")));
        WebElement day = first.findElement(By.xpath("ancestor::section[1]"));
        assertTrue(day.findElement(By.cssSelector(".zone-note")).getText().contains("America/New_York (UTC-04:00)"),
                "the customer's own zone: " + day.getText());
        String chosenTime = first.findElement(By.cssSelector(".time")).getText();
        WebElement book = first.findElement(By.cssSelector("a.slot.bookable"));
        assertTrue(book.getAttribute("aria-label").startsWith("Book ") && book.getAttribute("aria-label").contains(chosenTime),
                "the link says what it books: " + book.getAttribute("aria-label"));
        book.click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("instanceName"))).sendKeys("git-ci.globex.test"); // Globex's git.globex.test holds a booking already
        new Select(driver.findElement(By.id("deployment"))).selectByValue("helm");
        new Select(driver.findElement(By.id("topology"))).selectByValue("ra-5k");
        driver.findElement(By.id("currentVersion")).sendKeys("16.11.10");
        assertEquals("18.11", driver.findElement(By.id("targetVersion")).getDomProperty("value"), "defaults to the focus");
        driver.findElement(By.id("contactPhone")).sendKeys("+1 212 555 0100");
        driver.findElement(By.id("book-button")).click();

        // Eight hops do not fit one 4-hour window: the form says so and offers the spike's later windows.
        WebElement fit = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("series-error")));
        assertTrue(fit.getText().contains("8 hops"), fit.getText());
        assertEquals("git-ci.globex.test", driver.findElement(By.id("instanceName")).getDomProperty("value"), "the input is kept");
        WebElement extra = driver.findElement(By.cssSelector("input[name=seriesWindows]"));
        extra.click();
        driver.findElement(By.id("book-button")).click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
        assertTrue(driver.findElement(By.id("flash")).getText().contains("2 windows are booked as a series"),
                driver.findElement(By.id("flash")).getText());
        assertEquals(2, driver.findElements(By.cssSelector("#series li")).size());
        assertTrue(driver.findElement(By.id("when")).getText().contains(chosenTime), driver.findElement(By.id("when")).getText());
        assertEquals("Waiting for confirmation", driver.findElement(By.id("booking-status")).getText());
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

        // Move this part to another free window, then cancel both parts together.
        String before = driver.findElement(By.id("when")).getText();
        new Select(driver.findElement(By.id("windowId"))).selectByIndex(0);
        driver.findElement(By.id("reschedule-button")).click();
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("when"), before)));
        assertEquals(2, driver.findElements(By.cssSelector("#series li")).size(), "still one of a series of two");
        driver.findElement(By.id("seriesReason")).sendKeys("we postpone the upgrade");
        driver.findElement(By.id("cancel-series-button")).click();
        var question = browser.waiting().until(ExpectedConditions.alertIsPresent());
        assertTrue(question.getText().startsWith("Cancel every window of this series?"), question.getText());
        question.accept();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("booking-status"), "Cancelled"));
        assertEquals(2, driver.findElements(By.cssSelector("#series li .booking-status.cancelled")).size(), "both parts cancelled");
        assertTrue(driver.findElements(By.id("ics-link")).isEmpty(), "a cancelled booking offers no calendar add");
    }
}
