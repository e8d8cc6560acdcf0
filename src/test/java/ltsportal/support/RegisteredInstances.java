package ltsportal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Registers customers' instances through the form, as a customer does (for the fleet's tests). */
public final class RegisteredInstances {
    private RegisteredInstances() {
    }

    /** The register form's fields: a Helm, EE, single-node instance with a note. */
    public static Map<String, String> form(String name, String version) {
        return new HashMap<>(Map.of("name", name, "version", version, "deployment", "helm", "edition", "ee",
                "topology", "single-node", "geo", "no", "note", "Owned by the platform team"));
    }

    /** Registers an instance as this customer; its id. */
    public static long register(WebClient customer, String name, String version) {
        customer.get("/instances");
        var answer = customer.post("/instances", form(name, version));
        assertEquals(303, answer.statusCode(), answer.body());
        var m = Pattern.compile("#instance-(\\d+)").matcher(answer.headers().firstValue("Location").orElseThrow());
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }
}
