package ltsportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bodies are bounded before they are read. Spoken as raw HTTP/1.1 on a socket, so the test decides
 * how much of a body it sends: the answer must come while most of the declared body is still unsent.
 */
@Tag("functional")
class RequestLimitsHttpTest {
    private static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.at("2026-06-01T12:00:00Z");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    /** Sends the head and only {@code sent} bytes of the body, then reads the whole answer. */
    private static String exchange(String head, byte[] sent) throws IOException {
        URI base = URI.create(portal.url("/"));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(sent);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) != -1) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("</html>") || answer.toString(StandardCharsets.UTF_8).endsWith("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketException reset) {
                // The server may close once it has answered: what was read is the answer.
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String status(String answer) {
        return answer.isEmpty() ? "(nothing)" : answer.substring(0, answer.indexOf("\r\n"));
    }

    @Test
    void aFiftyMegabyteMultipartPostIsRefusedBeforeItsBodyIsRead() throws IOException {
        String head = "POST /login HTTP/1.1\r\nHost: portal.test\r\n"
                + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 50000000\r\n\r\n";
        String answer = exchange(head, "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(status(answer).startsWith("HTTP/1.1 415"), answer);
        assertTrue(answer.contains("Uploads are not accepted here"), answer);
        assertTrue(answer.contains("Content-Security-Policy"), "the hardened headers are on the refusal too");
    }

    @Test
    void aMultipartBodyIsRefusedEvenWhenSmall() throws IOException {
        byte[] body = "--xyz\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na@b.test\r\n--xyz--\r\n".getBytes(StandardCharsets.US_ASCII);
        String head = "POST /api/v1/plan HTTP/1.1\r\nHost: portal.test\r\nConnection: close\r\n"
                + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + body.length + "\r\n\r\n";
        String answer = exchange(head, body);
        assertTrue(status(answer).startsWith("HTTP/1.1 415"), answer);
        assertTrue(answer.contains("{\"error\":\"Uploads are not accepted here"), "JSON under /api/: " + answer);
    }

    @Test
    void aFormDeclaredLargerThanOneMegabyteIsRefusedFromItsHeaders() throws IOException {
        String head = "POST /login HTTP/1.1\r\nHost: portal.test\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2000000\r\n\r\n";
        String answer = exchange(head, "email=a%40b.test&password=".getBytes(StandardCharsets.US_ASCII));
        assertTrue(status(answer).startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("larger than the portal accepts (1 MB)"), answer);
    }

    @Test
    void aChunkedBodyIsCutOffAtOneMegabyteWhileItIsRead() throws IOException {
        String head = "POST /login HTTP/1.1\r\nHost: portal.test\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n";
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 17; i++) { // 1.1 MB, no end chunk: the server must not wait for the rest
            chunks.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.write(chunk);
            chunks.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        String answer = exchange(head, chunks.toByteArray());
        assertTrue(status(answer).startsWith("HTTP/1.1 413"), answer);
    }

    @Test
    void anUploadDeclaredLargerThanTwentyMegabytesIsRefusedBeforeItsBodyIsRead() throws IOException {
        String head = "POST /bookings/1/attachments HTTP/1.1\r\nHost: portal.test\r\n"
                + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 50000000\r\n\r\n";
        String answer = exchange(head, "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.log\"\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(status(answer).startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("attach files of at most 20 MB each"), answer);
    }

    @Test
    void anUploadWithoutADeclaredLengthIsRefused() throws IOException {
        String head = "POST /bookings/1/attachments HTTP/1.1\r\nHost: portal.test\r\n"
                + "Content-Type: multipart/form-data; boundary=xyz\r\nTransfer-Encoding: chunked\r\n\r\n";
        String answer = exchange(head, "5\r\n--xyz\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(status(answer).startsWith("HTTP/1.1 411"), answer);
    }

    @Test
    void aBodyThatIsNotTheMultipartItClaimsIsRefusedWithAMessage() throws IOException {
        byte[] body = "this is not multipart at all".getBytes(StandardCharsets.US_ASCII);
        String head = "POST /bookings/1/attachments HTTP/1.1\r\nHost: portal.test\r\nConnection: close\r\n"
                + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + body.length + "\r\n\r\n";
        String answer = exchange(head, body);
        assertTrue(status(answer).startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("That upload could not be read"), answer);
    }

    @Test
    void anOrdinaryFormStillWorks() {
        var response = portal.visitor().post("/login", Map.of("email", "customer@demo.test", "password", TestPortal.DEMO_PASSWORD));
        assertEquals(303, response.statusCode());
    }
}
