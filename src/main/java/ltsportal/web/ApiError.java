package ltsportal.web;

/** Ends an API request with {@code {"error": message}} and a 4xx status. */
public class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
