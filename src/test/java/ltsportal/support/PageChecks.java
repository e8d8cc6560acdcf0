package ltsportal.support;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * What every page state is checked for in the browser tests: axe-core (WCAG 2.2 A and AA and best practices,
 * every impact level) on the page as the browser shows it, the Nu HTML Checker on the bytes the portal sent,
 * and no horizontal scrolling at a phone's 390 px. Each problem names the rule and the element.
 */
public final class PageChecks {
    private PageChecks() {
    }

    /**
     * axe-core's violations on the driver's current page, one line each: rule, impact, elements. Its default rules, run
     * in the page itself (legacy mode: the portal's pages have no frames, so axe need not open a window to put frame
     * results together) and keeping only violations (not passes): together half the time a page took.
     */
    public static List<String> axe(WebDriver driver) {
        List<String> problems = new ArrayList<>();
        var options = new com.deque.html.axecore.args.AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        for (Rule rule : new AxeBuilder().setLegacyMode(true).withOptions(options).analyze(driver).getViolations()) {
            List<String> targets = rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).toList();
            problems.add("axe " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + targets
                    + (rule.getNodes().size() > 5 ? " and " + (rule.getNodes().size() - 5) + " more" : ""));
        }
        return problems;
    }

    /** The Nu HTML Checker's errors on {@code html}, one line each with its line number and message. */
    public static synchronized List<String> nu(String html) {
        List<String> problems = new ArrayList<>();
        NU_PROBLEMS.set(problems);
        try {
            nuValidator().checkHtmlInputSource(new InputSource(new StringReader(html)));
        } catch (Exception e) {
            problems.add("nu could not check the page: " + e);
        }
        return problems;
    }

    /** Where the checker's errors go: the list of the check under way. */
    private static final ThreadLocal<List<String>> NU_PROBLEMS = new ThreadLocal<>();
    /** One checker per JVM: setting one up (its schema) takes over a second, a check on one set up well under 0.1 s. */
    private static SimpleDocumentValidator nuValidator;

    private static SimpleDocumentValidator nuValidator() throws Exception {
        if (nuValidator == null) {
            ErrorHandler handler = new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings ("consider adding a lang attribute") are advice, not errors
                }

                @Override
                public void error(SAXParseException e) {
                    NU_PROBLEMS.get().add("nu line " + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    error(e);
                }
            };
            SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
            validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", handler);
            validator.setUpValidatorAndParsers(handler, true, false);
            nuValidator = validator;
        }
        return nuValidator;
    }

    /** Whether the page scrolls sideways at {@code width} px: the elements wider than the viewport, if so. */
    public static List<String> overflow(WebDriver driver, int width) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, 900));
        try {
            Object wide = ((JavascriptExecutor) driver).executeScript("""
                    const w = document.documentElement.clientWidth;
                    if (document.documentElement.scrollWidth <= w) return [];
                    const scrolls = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return true; } return false; };
                    const found = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
                      .filter(e => !scrolls(e))
                      .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= w + 1)
                      .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                        + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)');
                    return found.length ? found : ['the page (' + document.documentElement.scrollWidth + ' px)'];
                    """);
            List<String> problems = new ArrayList<>();
            if (wide instanceof List<?> list) {
                list.forEach(e -> problems.add("overflow at " + width + " px: " + e));
            }
            return problems;
        } finally {
            driver.manage().window().setSize(before);
        }
    }
}
