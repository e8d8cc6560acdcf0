package ltsportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IcsLinesTest {
    @Test
    void everyLineFitsIn75OctetsAndNoUtf8SequenceIsSplit() throws Exception {
        String name = "Zoë Ünïcödé-Ångström 北京 🚀 ".repeat(8);
        String ics = "BEGIN:VCALENDAR\r\nATTENDEE;CN=" + name + ":mailto:zoe@example.test\r\nEND:VCALENDAR\r\n";
        String folded = IcsLines.fold(ics);
        for (String line : folded.split("\r\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertTrue(bytes.length <= 75, bytes.length + " octets: " + line);
            // Each physical line decodes on its own: no multi-byte sequence is cut in two.
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        }
        assertEquals(ics, folded.replace("\r\n ", ""), "unfolding gives the original back");
        assertTrue(folded.split("\r\n").length > 5, "the long line was folded");
    }

    @Test
    void aLineOfExactly75OctetsStaysWholeAnd76Folds() {
        String exactly = "X".repeat(75);
        assertEquals(exactly + "\r\n", IcsLines.fold(exactly + "\r\n"));
        assertEquals("X".repeat(75) + "\r\n " + "X\r\n", IcsLines.fold("X".repeat(76) + "\r\n"));
    }
}
