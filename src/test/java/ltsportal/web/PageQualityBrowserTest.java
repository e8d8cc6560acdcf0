package ltsportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ltsportal.support.BrowserJourney;
import ltsportal.support.PageChecks;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/**
 * Every HTML page of the role matrix, as each role that may open it sees it (a page open to all: signed out and signed
 * in), passes axe-core with zero violations,
 * the Nu HTML Checker with zero errors and does not scroll sideways at 390 px (issue 16). One failure lists every
 * page's problems, each with the page, the rule and the element.
 */
@Tag("browser")
class PageQualityBrowserTest extends BrowserJourney {
    private static final int PHONE = 390;

    @Test
    void everyPageOfEveryRolePassesAxeNuAndThePhoneWidth() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (int role = 0; role < RoleMatrixTest.WHO.size(); role++) {
            String who = RoleMatrixTest.WHO.get(role);
            WebClient client = who.equals("anonymous") ? portal.visitor() : portal.signedIn(who);
            signInTheBrowser(client);
            for (Map.Entry<String, RoleMatrixTest.Row> e : RoleMatrixTest.MATRIX.entrySet()) {
                RoleMatrixTest.Row row = e.getValue();
                if (!e.getKey().startsWith("GET ") || row.statuses()[role] != 200) {
                    continue;
                }
                // a page everyone may open differs only signed out or in: checked as a visitor and as the first role
                if (role > 1 && java.util.Arrays.stream(row.statuses()).allMatch(status -> status == 200)) {
                    continue;
                }
                HttpResponse<String> page = client.get(row.path());
                if (!page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                    continue;
                }
                checked++;
                problems.addAll(check(who, row.path(), page.body()));
            }
        }
        // page states beyond the matrix: forms sent back with errors, and the error pages
        WebClient anonymous = portal.visitor();
        signInTheBrowser(anonymous);
        for (String path : List.of("/gitlab/plan?from=banana&to=18.11", "/gitlab/99.9", "/no/such/page",
                "/gitlab/plan?from=15.4.6&to=18.11&conditions=30k-users,ci-pipeline-messages&deployment=helm",
                "/gitlab/plan?from=17.8.7&to=18.11&zero_downtime=true", "/gitlab/plan/print?from=15.4.6&to=18.11")) {
            checked++;
            problems.addAll(check("anonymous", path, anonymous.get(path).body()));
        }
        assertTrue(checked > 40, "the matrix gave " + checked + " pages");
        assertTrue(problems.isEmpty(), problems.size() + " problems on " + checked + " page states:\n" + String.join("\n", problems));
    }

    @Test
    void formsSentBackWithTheirErrorsPassToo() {
        List<String> problems = new ArrayList<>();
        signInTheBrowser(portal.visitor());
        problems.addAll(sent("anonymous", "/login", "form.stacked button[type=submit]", Map.of("email", "nobody@demo.test", "password", "wrong")));
        problems.addAll(sent("anonymous", "/signup", "form.stacked button[type=submit]", Map.of()));
        signInTheBrowser(portal.signedIn("customer@demo.test"));
        long window = portal.db.select(ltsportal.db.Tables.SPIKE_WINDOW.ID).from(ltsportal.db.Tables.SPIKE_WINDOW)
                .where(ltsportal.db.Tables.SPIKE_WINDOW.SPIKE_ID.eq(1L)).and(ltsportal.db.Tables.SPIKE_WINDOW.BOOKED.eq(0))
                .orderBy(ltsportal.db.Tables.SPIKE_WINDOW.STARTS_AT).limit(1).fetchSingle(ltsportal.db.Tables.SPIKE_WINDOW.ID);
        problems.addAll(sent("customer", "/spikes/1/book?window=" + window, "#book-button", Map.of("currentVersion", "banana")));
        problems.addAll(sent("customer", "/spikes/1/book?window=" + window, "#book-button",
                Map.of("instanceName", "gitlab-long.acme.test", "currentVersion", "15.4.6")));
        signInTheBrowser(portal.signedIn("manager@demo.test"));
        problems.addAll(sent("manager", "/manage/spikes/new", "#save-spike", Map.of("name", "x")));
        problems.addAll(sent("manager", "/manage/spikes/1", "#preview-spike", Map.of()));
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void fleetPagesWithInstancesATokenAndErrorsPassToo() {
        List<String> problems = new ArrayList<>();
        WebClient casey = portal.signedIn("customer@demo.test");
        long id = ltsportal.support.RegisteredInstances.register(casey, "gitlab-with-a-rather-long-hostname.eu-central.acme-robotics.test", "18.10.8");
        ltsportal.support.RegisteredInstances.register(casey, "ci.acme.test", "16.3.4");
        ltsportal.support.RegisteredInstances.register(casey, "new.acme.test", "25.1.0");
        portal.deliverMail(); // this week's snapshot, for the chart
        signInTheBrowser(casey);
        problems.addAll(check("customer", "/instances", casey.get("/instances").body()));
        problems.addAll(check("customer", "/instances/" + id + "/edit", casey.get("/instances/" + id + "/edit").body()));
        // the page with a token just made: the token and its curl line must wrap on a phone
        browser.driver.get(portal.url("/instances"));
        browser.driver.findElement(org.openqa.selenium.By.cssSelector("#instance-" + id + " form[action$='/token'] button")).click();
        browser.waiting().until(d -> !d.findElements(org.openqa.selenium.By.id("token")).isEmpty());
        PageChecks.axe(browser.driver).forEach(p -> problems.add("customer token: " + p));
        PageChecks.overflow(browser.driver, PHONE).forEach(p -> problems.add("customer token: " + p));
        problems.addAll(sent("customer", "/instances", "#save-instance", Map.of("name", "x", "version", "banana")));
        WebClient manager = portal.signedIn("manager@demo.test");
        signInTheBrowser(manager);
        problems.addAll(check("manager", "/manage/fleet", manager.get("/manage/fleet").body()));
        problems.addAll(check("manager", "/manage/fleet?target=99.1", manager.get("/manage/fleet?target=99.1").body()));
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void theChecksFindWhatTheyAreThereFor() {
        // a page with an image without text, a button without a name, an element wider than a phone and a stray end tag
        String html = "<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body><main><h1>Broken</h1>"
                + "<img src=\"x.png\"><button></button><div style=\"width:900px\">wide</div></span></main></body></html>";
        browser.driver.get("data:text/html;charset=utf-8," + java.net.URLEncoder.encode(html, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
        String axe = String.join("\n", PageChecks.axe(browser.driver));
        assertTrue(axe.contains("image-alt") && axe.contains("button-name"), axe);
        assertTrue(String.join("\n", PageChecks.overflow(browser.driver, PHONE)).contains("div"), "the wide element is named");
        assertTrue(String.join("\n", PageChecks.nu(html)).contains("nu line 1"), "the stray end tag is an error");
    }

    @Test
    void theFirstTabIsASkipLinkToTheContentAndFocusIsPlainToSee() {
        var driver = browser.driver;
        driver.get(portal.url("/gitlab"));
        var body = driver.findElement(org.openqa.selenium.By.tagName("body"));
        body.sendKeys(org.openqa.selenium.Keys.TAB);
        var skip = driver.switchTo().activeElement();
        assertEquals("Skip to the content", skip.getText());
        assertTrue(skip.isDisplayed() && skip.getRect().getX() >= 0, "shown once focused");
        assertTrue(Double.parseDouble(skip.getCssValue("outline-width").replace("px", "")) >= 2, "a focus ring of 2 px or more");
        skip.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertEquals("content", driver.switchTo().activeElement().getAttribute("id"), "the content takes the focus");
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        var next = driver.switchTo().activeElement();
        assertTrue(driver.findElement(org.openqa.selenium.By.tagName("main")).findElements(org.openqa.selenium.By.xpath(".//*"))
                .contains(next), "the next stop is inside the page's main content, not the header: " + next.getTagName() + " " + next.getText());
    }

    /** Opens {@code path}, types {@code fields} (the browser's own checks off, as a script or old browser would), sends it. */
    private List<String> sent(String who, String path, String button, Map<String, String> fields) {
        var driver = browser.driver;
        driver.get(portal.url(path));
        driver.executeScript("document.querySelectorAll('form').forEach(f => f.noValidate = true)");
        fields.forEach((id, value) -> {
            var field = driver.findElement(org.openqa.selenium.By.id(id));
            field.clear();
            field.sendKeys(value);
        });
        String before = driver.getCurrentUrl();
        driver.findElement(org.openqa.selenium.By.cssSelector(button)).click();
        browser.waiting().until(d -> ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState").equals("complete")
                && !d.findElements(org.openqa.selenium.By.cssSelector(".error, .form-error, .errors, #series-error, #preview")).isEmpty());
        List<String> found = new ArrayList<>();
        String state = who + " " + path + " sent (" + before.replaceAll(".*?//[^/]+", "") + ")";
        PageChecks.axe(driver).forEach(p -> found.add(state + ": " + p));
        PageChecks.overflow(driver, PHONE).forEach(p -> found.add(state + ": " + p));
        // the DOM as the browser holds it, serialized: the doctype is not part of it
        PageChecks.nu("<!DOCTYPE html>\n" + driver.getPageSource()).forEach(p -> found.add(state + ": " + p));
        return found;
    }

    private void signInTheBrowser(WebClient client) {
        browser.driver.get(portal.url("/healthz"));
        browser.driver.manage().deleteAllCookies();
        client.cookie("portal_session").ifPresent(c -> browser.driver.manage().addCookie(new Cookie("portal_session", c.getValue())));
    }

    private List<String> check(String who, String path, String html) {
        List<String> found = new ArrayList<>();
        browser.driver.get(portal.url(path));
        PageChecks.axe(browser.driver).forEach(p -> found.add(who + " " + path + ": " + p));
        PageChecks.overflow(browser.driver, PHONE).forEach(p -> found.add(who + " " + path + ": " + p));
        PageChecks.nu(html).forEach(p -> found.add(who + " " + path + ": " + p));
        return found;
    }
}
