package ltsportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ltsportal.support.BrowserJourney;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Sign up, sign out, sign in, change the time zone: in a real Chromium. */
@Tag("browser")
class AccountBrowserTest extends BrowserJourney {

    @Test
    void signUpSignOutSignInAndChangeTheTimeZone() {
        var driver = browser.driver;
        driver.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", "Asia/Tokyo"));
        driver.get(portal.url("/signup"));
        Select zone = new Select(driver.findElement(By.id("timeZone")));
        browser.waiting().until(d -> zone.getFirstSelectedOption().getAttribute("value").equals("Asia/Tokyo"));
        driver.findElement(By.id("name")).sendKeys("Grace Hopper");
        driver.findElement(By.id("email")).sendKeys("grace@navy.test");
        driver.findElement(By.id("password")).sendKeys("compilers are friends");
        driver.findElement(By.id("organization")).sendKeys("Harvard Mark I");
        zone.selectByValue("America/New_York"); // the person may still choose another
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your inbox"));
        driver.get(portal.url(portal.mailedLink("grace@navy.test", "/account/verify")));
        driver.findElement(By.id("verify-button")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("Harvard Mark I"));
        assertEquals("Grace Hopper", driver.findElement(By.id("account-link")).getText());

        driver.findElement(By.id("logout")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Sign in")));
        driver.get(portal.url("/account"));
        browser.waiting().until(ExpectedConditions.urlContains("/login?next="));

        driver.findElement(By.id("email")).sendKeys("grace@navy.test");
        driver.findElement(By.id("password")).sendKeys("compilers are friends");
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.urlMatches(".*/account$"));

        new Select(driver.findElement(By.id("timeZone"))).selectByValue("Europe/Lisbon");
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "saved"));
        assertEquals("Europe/Lisbon", new Select(driver.findElement(By.id("timeZone"))).getFirstSelectedOption().getAttribute("value"));
    }
}
