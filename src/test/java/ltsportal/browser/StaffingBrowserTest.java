package ltsportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ltsportal.support.BrowserJourney;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A manager sees the spike's gaps in red, auto-assigns, sees them closed; the engineer finds the window on their schedule. */
@Tag("browser")
class StaffingBrowserTest extends BrowserJourney {

    private void signIn(String email) {
        var driver = browser.driver;
        driver.get(portal.url("/login"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(TestPortal.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    @Test
    void aManagerClosesTheGapsAndTheEngineerSeesTheWindow() {
        var driver = browser.driver;
        signIn("manager@demo.test");
        driver.findElement(By.linkText("Manage spikes")).click();
        driver.findElement(By.linkText("18.11 LTS upgrade spike")).click();
        driver.findElement(By.id("staffing-link")).click();

        var attention = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("attention")));
        assertTrue(attention.getAttribute("class").contains("needs"), "gaps are red");
        assertEquals("5 things need attention", attention.findElement(By.cssSelector(".headline")).getText());
        assertEquals(3, driver.findElements(By.cssSelector("table.board tr.bad")).size(), "every booking has a gap");
        String red = driver.findElement(By.cssSelector("table.board tr.bad")).getCssValue("background-color");
        assertEquals("rgba(253, 231, 231, 1)", red);

        driver.findElement(By.id("auto-assign")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "Auto-assign filled 5 places"));
        assertTrue(driver.findElements(By.cssSelector("[data-problem='no-primary'], [data-problem='no-backup']")).isEmpty(),
                "no booking is without a primary or a backup");
        for (var cell : driver.findElements(By.cssSelector("table.board td.primary, table.board td.backup"))) {
            assertTrue(!cell.getText().isBlank() && !cell.getText().equals("—"), "every place has a name");
        }

        driver.findElement(By.id("logout")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Sign in")));
        signIn("engineer2@demo.test");
        driver.findElement(By.linkText("My schedule")).click();
        var upcoming = browser.waiting().until(ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector("article.assignment")));
        assertEquals(2, upcoming.size(), "Eli backs up one Tuesday booking and one Wednesday booking");
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("backup"));
    }
}
