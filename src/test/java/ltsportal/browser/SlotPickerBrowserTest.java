package ltsportal.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ltsportal.support.BrowserJourney;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * On a phone-sized window and with the keyboard only: sign in, change the zone of the slot picker by typing a
 * city, Tab to a free window, book it, and reach the confirmation with its calendar links (issue 16).
 */
@Tag("browser")
class SlotPickerBrowserTest extends BrowserJourney {

    /** Presses Tab until the focused element matches {@code css}; at most 80 presses. */
    private WebElement tabTo(String css) {
        var driver = browser.driver;
        for (int i = 0; i < 80; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (!active.getTagName().equals("body") && (Boolean) driver.executeScript("return arguments[0].matches(arguments[1])", active, css)) {
                return active;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + css);
    }

    @Test
    void bookAWindowByKeyboardOnAPhone() {
        var driver = browser.driver;
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(portal.url("/login"));
        tabTo("#email").sendKeys("customer2@demo.test" + Keys.TAB + TestPortal.DEMO_PASSWORD + Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("/bookings"));

        driver.get(portal.url("/spikes/1"));
        WebElement zone = tabTo("#tz");
        zone.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Asia/Tokyo");
        browser.waiting().until(ExpectedConditions.urlContains("tz=Asia%2FTokyo"));
        assertTrue(driver.findElement(By.cssSelector(".zone-note")).getText().contains("Asia/Tokyo (UTC+09:00)"),
                "the choice applies at once, without a separate button");

        WebElement slot = tabTo("a.slot.bookable");
        String label = slot.getAttribute("aria-label");
        assertTrue(label.startsWith("Book "), label);
        slot.sendKeys(Keys.ENTER);
        tabTo("#instanceName").sendKeys("gitlab-phone.globex.test");
        tabTo("#currentVersion").sendKeys("18.8.11");
        tabTo("#book-button").sendKeys(Keys.ENTER);

        WebElement confirmation = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
        assertTrue(confirmation.getText().contains("You are booked") && confirmation.getText().contains("What happens next"));
        assertTrue(tabTo("#google-link").isDisplayed(), "the calendar links are reachable by keyboard");
        assertTrue((Long) driver.executeScript("return document.documentElement.scrollWidth") <= 390, "no sideways scrolling");
    }
}
