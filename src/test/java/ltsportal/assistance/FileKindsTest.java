package ltsportal.assistance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file's kind comes from its name and its first bytes together; names are made safe to show and send back. */
class FileKindsTest {
    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void eachAllowedKindNeedsItsNameAndItsMagic() {
        assertEquals("image/png", FileKinds.of("a.PNG", bytes(0x89, 'P', 'N', 'G', 13, 10, 26, 10)).orElseThrow().contentType());
        assertEquals("image/jpeg", FileKinds.of("a.jpeg", bytes(0xFF, 0xD8, 0xFF, 0xE0)).orElseThrow().contentType());
        assertEquals("application/pdf", FileKinds.of("a.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)).orElseThrow().contentType());
        assertEquals("application/zip", FileKinds.of("a.zip", bytes('P', 'K', 3, 4)).orElseThrow().contentType());
        assertEquals("application/gzip", FileKinds.of("gitlabsos.tar.gz", bytes(0x1F, 0x8B, 8)).orElseThrow().contentType());
        assertEquals("text/plain; charset=utf-8", FileKinds.of("production.log.1", "ok é\n".getBytes(StandardCharsets.UTF_8))
                .orElseThrow().contentType());
        assertTrue(FileKinds.of("a.png", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)).isEmpty(), "a PDF named .png");
        assertTrue(FileKinds.of("a.log", bytes(0xC3, 0x28)).isEmpty(), "not UTF-8");
        assertTrue(FileKinds.of("a.txt", bytes('a', 0, 'b')).isEmpty(), "a NUL byte: binary");
        assertTrue(FileKinds.of("page.html", "<p>".getBytes(StandardCharsets.US_ASCII)).isEmpty());
        assertTrue(FileKinds.of("a.svg", "<svg/>".getBytes(StandardCharsets.US_ASCII)).isEmpty());
        assertTrue(FileKinds.of("a.exe", bytes('M', 'Z')).isEmpty());
    }

    @Test
    void namesLoseTheirPathControlCharactersAndExcessLength() {
        assertEquals("passwd", FileKinds.cleanName("../../etc/passwd"));
        assertEquals("gitlab.rb", FileKinds.cleanName("C:\\Users\\ops\\gitlab.rb"));
        assertEquals("ab.log", FileKinds.cleanName("a\u0000\u202Eb.log"));
        assertEquals("", FileKinds.cleanName(".."));
        String longName = FileKinds.cleanName("x".repeat(300) + ".tar.gz");
        assertEquals(200, longName.length());
        assertTrue(longName.endsWith(".tar.gz"), longName);
    }

    @Test
    void theContentDispositionCarriesAnAsciiFallbackAndTheExactName() {
        assertEquals("attachment; filename=\"_t_ __.png\"; filename*=UTF-8''%C3%A9t%22%20%5C%C3%A9.png",
                AttachmentPages.disposition("\u00e9t\" \\\u00e9.png"), "quotes and backslashes never reach the quoted name");
    }

    @Test
    void medianTurnaroundAndItsText() {
        assertEquals(Duration.ofHours(2), SpikeReports.median(List.of(Duration.ofHours(4), Duration.ofHours(1), Duration.ofHours(2))));
        assertEquals(Duration.ofMinutes(90), SpikeReports.median(List.of(Duration.ofHours(1), Duration.ofHours(2))));
        assertEquals(null, SpikeReports.median(List.of()));
        assertEquals("45 min", SpikeReports.durationText(Duration.ofMinutes(45)));
        assertEquals("3 h 05 min", SpikeReports.durationText(Duration.ofMinutes(185)));
        assertEquals("2 d 4 h", SpikeReports.durationText(Duration.ofHours(52)));
        assertEquals("20 MB", Attachments.sizeText(20_000_000));
        assertEquals("1.5 MB", Attachments.sizeText(1_500_000));
        assertEquals("320 KB", Attachments.sizeText(320_000));
        assertEquals("1 byte", Attachments.sizeText(1));
    }
}
