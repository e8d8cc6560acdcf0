package ltsportal.web;

/** Someone else changed the same thing first: answered 409, and nothing was written. */
public class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
        super(message, null, false, false);
    }
}
