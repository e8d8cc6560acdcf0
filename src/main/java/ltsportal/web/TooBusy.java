package ltsportal.web;

/** Refused for the moment to protect the server (a bounded resource is in use): 429 with Retry-After. */
public class TooBusy extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER = 1;

    public TooBusy(String message) {
        super(message, null, false, false);
    }
}
