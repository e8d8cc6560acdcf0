package ltsportal.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import ltsportal.web.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The instance form's rules, field by field, on the form binder alone (no server): a bad value gets its message at its
 * field and nothing to store; a good form gives the values to store, the version normalised. InstancesHttpTest sends
 * the form over HTTP.
 */
class InstanceFormTest {
    private static Map<String, String> valid() {
        Map<String, String> f = new HashMap<>();
        f.put("name", "  gitlab.acme.test ");
        f.put("version", "17.3.7-ee");
        f.put("deployment", "helm");
        f.put("edition", "ee");
        f.put("topology", "ra-3k");
        f.put("geo", "yes");
        f.put("note", "Primary site");
        return f;
    }

    @Test
    void aGoodFormGivesTheValuesToStore() {
        Form in = Form.of(valid());
        Instances.Values values = InstanceForm.bind(in).check(in);
        assertNotNull(values, String.valueOf(in.errors()));
        assertEquals("gitlab.acme.test", values.name(), "trimmed");
        assertTrue(values.geo());
        assertTrue(values.version().startsWith("17.3.7"), values.version());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "name|''|Name the instance",
            "version|''|Give the version it runs",
            "version|17.3|is not a GitLab version with its patch",
            "version|banana|is not a GitLab version with its patch",
            "deployment|kubernetes|Choose how GitLab is deployed",
            "edition|pro|Choose ce or ee",
            "topology|huge|Choose the topology",
            "geo|maybe|Say whether the instance uses Geo",
    })
    void eachBadFieldGetsItsMessageAtTheFieldAndNothingToStore(String field, String value, String message) {
        Map<String, String> form = valid();
        form.put(field, value);
        Form in = Form.of(form);
        assertNull(InstanceForm.bind(in).check(in));
        assertTrue(in.errors().getOrDefault(field, "").contains(message), field + ": " + in.errors());
    }

    @Test
    void aNoteOverItsLimitIsRefusedAtTheLimitItIsNot() {
        Map<String, String> form = valid();
        form.put("note", "x".repeat(InstanceForm.NOTE_MAX));
        Form atLimit = Form.of(form);
        assertNotNull(InstanceForm.bind(atLimit).check(atLimit), String.valueOf(atLimit.errors()));
        form.put("note", "x".repeat(InstanceForm.NOTE_MAX + 1));
        Form over = Form.of(form);
        assertNull(InstanceForm.bind(over).check(over));
        assertTrue(over.errors().getOrDefault("note", "").contains("Keep the note to 1000 characters"), String.valueOf(over.errors()));
    }
}
