package ltsportal.accounts;

import static ltsportal.db.Tables.APP_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.TestPortal;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** Admins create staff, change roles, disable accounts (ending their sessions) and read the audit log. */
class AdminHttpTest extends OnBothDatabases {
    private long idOf(String email) {
        return portal.db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL_KEY.eq(email)).fetchOne(APP_USER.ID);
    }

    @Test
    void createAStaffAccountWithValidation() {
        WebClient admin = portal.signedIn("admin@demo.test");
        admin.get("/admin/users");
        Map<String, String> form = new HashMap<>(Map.of("name", "Noor Engineer", "email", "noor@support.test",
                "password", "a fine long password", "role", "customer", "timeZone", "Asia/Kolkata"));
        var bad = admin.post("/admin/users", form);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Choose engineer, manager or admin."));
        assertTrue(bad.body().contains("value=\"noor@support.test\""), "the form keeps its values");
        form.put("role", "engineer");
        assertEquals(303, admin.post("/admin/users", form).statusCode());
        assertEquals(303, portal.visitor().post("/login", Map.of("email", "noor@support.test",
                "password", "a fine long password")).statusCode());
        assertEquals("engineer", portal.db.select(APP_USER.ROLE).from(APP_USER)
                .where(APP_USER.EMAIL_KEY.eq("noor@support.test")).fetchOne(APP_USER.ROLE));
    }

    @Test
    void disablingEndsEverySessionAtOnceAndBlocksSignIn() {
        WebClient engineer = portal.signedIn("engineer@demo.test");
        WebClient engineerElsewhere = portal.signedIn("engineer@demo.test");
        WebClient admin = portal.signedIn("admin@demo.test");
        admin.get("/admin/users");
        assertEquals(303, admin.post("/admin/users/" + idOf("engineer@demo.test") + "/disable", Map.of()).statusCode());
        assertEquals(303, engineer.get("/account").statusCode());
        assertEquals(303, engineerElsewhere.get("/account").statusCode());
        var again = portal.visitor().post("/login", Map.of("email", "engineer@demo.test", "password", TestPortal.DEMO_PASSWORD));
        assertEquals(401, again.statusCode(), "same answer as a wrong password");
        admin.get("/admin/users");
        assertEquals(303, admin.post("/admin/users/" + idOf("engineer@demo.test") + "/enable", Map.of()).statusCode());
        assertEquals(303, portal.visitor().post("/login", Map.of("email", "engineer@demo.test",
                "password", TestPortal.DEMO_PASSWORD)).statusCode());
    }

    @Test
    void rolesChangeForStaffOnlyAndNeverOnesOwn() {
        WebClient admin = portal.signedIn("admin@demo.test");
        admin.get("/admin/users");
        assertEquals(303, admin.post("/admin/users/" + idOf("engineer2@demo.test") + "/role", Map.of("role", "manager")).statusCode());
        assertEquals("manager", portal.db.select(APP_USER.ROLE).from(APP_USER).where(APP_USER.EMAIL_KEY.eq("engineer2@demo.test")).fetchOne(APP_USER.ROLE));
        admin.get("/admin/users");
        assertEquals(400, admin.post("/admin/users/" + idOf("customer@demo.test") + "/role", Map.of("role", "admin")).statusCode());
        admin.get("/admin/users");
        assertEquals(400, admin.post("/admin/users/" + idOf("admin@demo.test") + "/role", Map.of("role", "engineer")).statusCode());
        admin.get("/admin/users");
        assertEquals(400, admin.post("/admin/users/" + idOf("admin@demo.test") + "/disable", Map.of()).statusCode());
        admin.get("/admin/users");
        assertEquals(404, admin.post("/admin/users/abc/disable", Map.of()).statusCode());
    }

    @Test
    void theAuditLogRecordsWhoWhenAndFromWhere() {
        portal.visitor().post("/login", Map.of("email", "customer@demo.test", "password", "wrong wrong wrong"));
        portal.signedInThroughTheForm("customer@demo.test"); // its login.success event
        WebClient admin = portal.signedIn("admin@demo.test");
        admin.get("/admin/users");
        admin.post("/admin/users/" + idOf("engineer@demo.test") + "/disable", Map.of());
        admin.get("/admin/users");
        admin.post("/admin/users/" + idOf("engineer2@demo.test") + "/role", Map.of("role", "manager"));
        String log = admin.get("/admin/audit").body();
        for (String event : new String[]{"login.failure", "login.success", "account.disabled", "role.changed"}) {
            assertTrue(log.contains("data-event=\"" + event + "\""), event);
        }
        assertTrue(log.contains("127.0.0.1"), "from where");
        assertTrue(log.contains("engineer -&gt; manager") || log.contains("engineer -> manager"));
    }

    @Test
    void createAdminMakesTheFirstAdminOfARealDeployment() throws Exception {
        var out = new ByteArrayOutputStream();
        var print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(2, CreateAdminCommand.run(portal.db, portal.clock, "root@ops.test", o -> "short", print));
        assertEquals(0, CreateAdminCommand.run(portal.db, portal.clock, "root@ops.test", o -> "the very first admin password", print));
        assertEquals(1, CreateAdminCommand.run(portal.db, portal.clock, "ROOT@ops.test", o -> "the very first admin password", print));
        assertEquals(2, CreateAdminCommand.run(portal.db, portal.clock, "not an email", o -> "the very first admin password", print));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("admin root@ops.test created"));
        WebClient root = portal.visitor();
        assertEquals("/login/enrol", root.post("/login", Map.of("email", "root@ops.test",
                "password", "the very first admin password")).headers().firstValue("Location").orElse(""),
                "the password is right; an admin sets up the second factor before anything else");
        var setup = root.get("/login/enrol");
        var secret = java.util.regex.Pattern.compile("<code class=\"secret\">([A-Z2-7 ]+)</code>").matcher(setup.body());
        assertTrue(secret.find(), setup.body());
        assertEquals(200, root.post("/login/enrol", Map.of("code", SecondFactor.codeAt(secret.group(1).replace(" ", ""),
                portal.clock.instant()))).statusCode());
        assertEquals(200, root.get("/admin/users").statusCode());
    }
}
