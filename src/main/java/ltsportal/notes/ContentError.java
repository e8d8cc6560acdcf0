package ltsportal.notes;

import java.nio.file.Path;

/** A problem in content/, located so an editor can go straight to it. */
public class ContentError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ContentError(Path file, int line, String field, String problem) {
        super(file + ":" + line + ": " + (field == null ? "" : "field '" + field + "': ") + problem);
    }
}
