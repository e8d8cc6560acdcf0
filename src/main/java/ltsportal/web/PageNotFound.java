package ltsportal.web;

/** Ends a page request with the friendly 404 page, saying what was not found. */
public class PageNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PageNotFound(String message) {
        super(message, null, false, false);
    }
}
