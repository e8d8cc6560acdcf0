package ltsportal.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** The database cannot be reached: answered 503 with Retry-After, never 500. */
public class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER = 5;

    public Unavailable(Throwable cause) {
        super("database unavailable", cause, false, false);
    }

    /**
     * Whether a failure means the database is out of reach (no connection within the pool's timeout,
     * refused or dropped connections, a server shutting down) rather than a bad query.
     */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException || t instanceof Unavailable) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
