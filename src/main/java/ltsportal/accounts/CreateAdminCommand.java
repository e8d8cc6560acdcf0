package ltsportal.accounts;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jooq.DSLContext;

/**
 * {@code java -jar target/lts-portal.jar create-admin EMAIL}: the first admin of a real deployment.
 * The password is asked on the terminal (twice, not echoed); piped in, it is read from the first line.
 */
public final class CreateAdminCommand {
    private CreateAdminCommand() {
    }

    /** Asks for the password: on the terminal when there is one, else the first line of standard input. */
    public interface PasswordSource {
        String read(PrintStream out) throws IOException;
    }

    public static final PasswordSource TERMINAL = CreateAdminCommand::readPassword;

    /** Returns the process exit code. */
    public static int run(DSLContext db, Clock clock, String email, PasswordSource passwords, PrintStream out)
            throws IOException {
        if (!Emails.valid(email)) {
            out.println("create-admin: '" + email + "' is not an email address");
            return 2;
        }
        Users users = new Users(db);
        if (users.emailTaken(email)) {
            out.println("create-admin: an account with " + email + " exists already");
            return 1;
        }
        String password = passwords.read(out);
        if (password == null) {
            out.println("create-admin: no password given");
            return 2;
        }
        var problem = Passwords.problem(password, java.util.List.of(email));
        if (problem.isPresent()) {
            out.println("create-admin: " + problem.get());
            return 2;
        }
        String name = email.substring(0, email.indexOf('@'));
        long id = users.create(db, new Users.NewUser(email, name, "UTC", Role.ADMIN, null, Passwords.hash(password)),
                clock.instant());
        new AuditLog(db, clock).record("account.created", null, Emails.key(email), "admin created with create-admin", "console");
        out.println("create-admin: admin " + email + " created (id " + id + "). Sign in at /login.");
        return 0;
    }

    private static String readPassword(PrintStream out) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password for the new admin: ");
            char[] again = console.readPassword("The same password again: ");
            if (first == null || again == null || !new String(first).equals(new String(again))) {
                out.println("create-admin: the two passwords differ");
                return null;
            }
            return new String(first);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
