package ltsportal.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A mail suite that runs twice, on H2 and on PostgreSQL: each test gets a real SMTP server in the test
 * JVM ({@link Smtp}) and a fresh portal sending to it, the clock at 1 June 2026, 12:00 UTC. The outbox is
 * delivered when the test says so ({@link TestPortal#deliverMail()}).
 */
@Tag("functional")
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
public abstract class OnBothDatabasesWithMail {
    @Parameter
    protected String database;
    protected Smtp smtp;
    protected TestPortal portal;

    @BeforeEach
    void startSmtpAndPortal() {
        smtp = new Smtp();
        portal = TestPortal.withMail(database, "2026-06-01T12:00:00Z", smtp.port);
    }

    @AfterEach
    void stopSmtpAndPortal() {
        portal.close();
        smtp.close();
    }
}
