package ltsportal.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An HTTP suite that runs twice, on H2 and on PostgreSQL, each test against a fresh portal on a fresh
 * database with the clock at 1 June 2026, 12:00 UTC.
 */
@Tag("functional")
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
public abstract class OnBothDatabases {
    @Parameter
    protected String database;

    protected TestPortal portal;

    @BeforeEach
    void startPortal() {
        portal = TestPortal.at(database, "2026-06-01T12:00:00Z");
    }

    @AfterEach
    void stopPortal() {
        portal.close();
    }
}
