package ltsportal.spikes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import ltsportal.planner.Planner;
import ltsportal.support.TestPortal;
import ltsportal.web.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The intake form's rules, field by field, on the form binder alone (no server): each bad value gets its message at its
 * field. BookingHttpTest sends one bad form over HTTP and checks it is shown again, kept, and books nothing.
 */
class BookingFormTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    private static final Planner PLANNER = new Planner(TestPortal.catalog(), TestPortal.content().upgradeRules());

    /** The form as a customer fills it in for the 18.11 spike, every field valid. */
    private static Map<String, String> valid() {
        Map<String, String> f = new HashMap<>();
        f.put("windowId", "6");
        f.put("idempotencyKey", "k".repeat(32));
        f.put("instanceName", "gitlab.acme.test");
        f.put("deployment", "docker");
        f.put("edition", "ee");
        f.put("topology", "ra-3k");
        f.put("geo", "no");
        f.put("currentVersion", "17.8.7");
        f.put("targetVersion", "18.11");
        f.put("contactName", "Casey");
        f.put("contactEmail", "casey@acme.test");
        f.put("contactPhone", "+49 30 1234567");
        f.put("upgradePlanUrl", "https://wiki.acme.test/upgrade");
        f.put("rollbackPlanUrl", "");
        f.put("notes", "Two Sidekiq nodes.");
        return f;
    }

    private static Form checked(Map<String, String> fields) {
        Form in = Form.of(fields);
        BookingForm.bind(in).check(in, PLANNER, TODAY, "18.11");
        return in;
    }

    @Test
    void aCustomersFormWithEveryFieldRightPasses() {
        Form in = checked(valid());
        assertTrue(in.valid(), String.valueOf(in.errors()));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "instanceName|''|Name the GitLab instance",
            "deployment|kubernetes|Choose how GitLab is deployed",
            "edition|pro|Choose ce or ee",
            "topology|huge|Choose the topology",
            "geo|maybe|Say whether the instance uses Geo",
            "currentVersion|banana|is not a GitLab version",
            "currentVersion|19.3.0|cannot be downgraded",
            "currentVersion|12.0.0|older than 13.10",
            "targetVersion|99.1|not a release line we know",
            "targetVersion|17.8.7|You already run 17.8.7",
            "contactName|''|Give the name of the person",
            "contactEmail|casey-at-acme|Give the contact's email address",
            "contactPhone|call me maybe|Give a phone number",
            "upgradePlanUrl|javascript:alert(1)|Give a link starting with https://",
            "rollbackPlanUrl|ftp://x|Give a link starting with https://",
            "idempotencyKey|short|Open the booking form again",
            "windowId|abc|Choose a window",
    })
    void eachBadFieldGetsItsMessage(String field, String value, String message) {
        Map<String, String> form = valid();
        form.put(field, value);
        Form in = checked(form);
        String shown = String.join(" ", in.errors().values());
        assertTrue(!in.valid() && shown.contains(message), field + ": " + in.errors());
    }
}
