package ltsportal.assistance;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What kinds of file a booking takes, decided from the file's name and its first bytes together: the
 * browser's content type is never asked. A file must both be named as one of the kinds and look like
 * it, so a page renamed {@code .png} is refused, and the content type served back is the portal's.
 */
public final class FileKinds {
    /** Shown next to the file field when a file is refused for its kind. */
    public static final String ALLOWED = "text and logs (.txt, .log, .md, .json, .yml, .rb, .conf, .csv), .tar.gz, .zip, PNG, JPEG or PDF";

    public record Kind(String label, String contentType) {
    }

    private static final Pattern TEXT = Pattern.compile(
            ".*\\.(txt|log|md|json|ya?ml|rb|conf|cfg|ini|csv|out|diff|patch)(\\.\\d{1,3})?$");

    private FileKinds() {
    }

    /** The kind of an allowed file, or empty: with {@link #ALLOWED} to say what would be taken. */
    public static Optional<Kind> of(String fileName, byte[] content) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A) ? kind("PNG image", "image/png") : Optional.empty();
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return starts(content, 0xFF, 0xD8, 0xFF) ? kind("JPEG image", "image/jpeg") : Optional.empty();
        }
        if (name.endsWith(".pdf")) {
            return starts(content, '%', 'P', 'D', 'F', '-') ? kind("PDF document", "application/pdf") : Optional.empty();
        }
        if (name.endsWith(".zip")) {
            return starts(content, 'P', 'K', 3, 4) || starts(content, 'P', 'K', 5, 6) ? kind("zip archive", "application/zip")
                    : Optional.empty();
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return starts(content, 0x1F, 0x8B) ? kind("gzipped tar archive", "application/gzip") : Optional.empty();
        }
        if (TEXT.matcher(name).matches()) {
            return isText(content) ? kind("text", "text/plain; charset=utf-8") : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * A name safe to show and to send back: the last path segment, no control or format characters,
     * NFC, at most 200 characters (keeping the extension). Empty when nothing is left.
     */
    public static String cleanName(String raw) {
        if (raw == null) {
            return "";
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.equals(".") || name.equals("..")) {
            return "";
        }
        if (name.length() > 200) {
            int dot = name.indexOf('.', name.length() - 20);
            String ext = dot < 0 ? "" : name.substring(dot);
            name = name.substring(0, 200 - ext.length()) + ext;
        }
        return name;
    }

    /** UTF-8 without NUL bytes: what a log or a configuration file is. */
    static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        int[] head = new int[magic.length];
        for (int i = 0; i < magic.length; i++) {
            head[i] = content[i] & 0xFF;
        }
        return Arrays.equals(head, magic);
    }

    private static Optional<Kind> kind(String label, String type) {
        return Optional.of(new Kind(label, type));
    }
}
