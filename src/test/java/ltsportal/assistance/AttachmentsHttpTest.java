package ltsportal.assistance;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.BOOKING_ATTACHMENT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import ltsportal.support.OnBothDatabases;
import ltsportal.support.WebClient;
import org.junit.jupiter.api.Test;

/** Files on a booking: stored in the database, served only as downloads, only to the booking's organization and staff. */
class AttachmentsHttpTest extends OnBothDatabases {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private long acmeBooking() {
        return portal.db.select(BOOKING.ID).from(BOOKING).where(BOOKING.INSTANCE_NAME.eq("gitlab.acme.test")).fetchSingle(BOOKING.ID);
    }

    private long onlyAttachment() {
        return portal.db.select(BOOKING_ATTACHMENT.ID).from(BOOKING_ATTACHMENT).fetchSingle(BOOKING_ATTACHMENT.ID);
    }

    @Test
    void aCustomersFileIsServedToStaffByteForByteAsADownloadWithThePortalsOwnType() {
        long id = acmeBooking();
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + id);
        var sent = casey.upload("/bookings/" + id + "/attachments", "Topology \u00e9t\u00e9.png", "text/html", PNG);
        assertEquals(303, sent.statusCode(), sent.body());
        long file = onlyAttachment();

        WebClient erin = portal.signedIn("engineer@demo.test");
        String page = erin.get("/bookings/" + id).body();
        assertTrue(page.contains("Topology \u00e9t\u00e9.png") && page.contains("16 bytes"), "listed with its size");
        var download = erin.download("/bookings/" + id + "/attachments/" + file);
        assertEquals(200, download.statusCode());
        assertArrayEquals(PNG, download.body());
        assertEquals("image/png", download.headers().firstValue("Content-Type").orElseThrow(), "the portal's finding, not the browser's text/html");
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.startsWith("attachment;") && disposition.contains("filename*=UTF-8''Topology%20%C3%A9t%C3%A9.png"), disposition);
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(download.headers().firstValue("Content-Security-Policy").orElseThrow().contains("sandbox"));

        String json = casey.get("/api/v1/bookings/" + id).body();
        assertTrue(json.contains("\"attachments\":[{\"id\":" + file) && json.contains("\"contentType\":\"image/png\""), json);
        assertTrue(erin.get("/bookings/" + id).body().contains("data-kind=\"attached\""), "in the booking's history");
    }

    @Test
    void anotherOrganizationGets404AndAVisitorIsSentToSignIn() {
        long id = acmeBooking();
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + id);
        assertEquals(303, casey.upload("/bookings/" + id + "/attachments", "gitlab.rb", "text/plain",
                "external_url 'https://gitlab.acme.test'\n".getBytes(StandardCharsets.UTF_8)).statusCode());
        long file = onlyAttachment();
        String path = "/bookings/" + id + "/attachments/" + file;

        WebClient globex = portal.signedIn("customer2@demo.test");
        assertEquals(404, globex.download(path).statusCode());
        globex.get("/bookings");
        assertEquals(404, globex.upload("/bookings/" + id + "/attachments", "x.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))
                .statusCode());
        assertEquals(404, globex.post(path + "/delete", Map.of()).statusCode());
        var anonymous = portal.visitor().download(path);
        assertEquals(303, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElseThrow().startsWith("/login"));
        assertEquals(1, portal.db.fetchCount(BOOKING_ATTACHMENT), "only Acme's file, still there");
        assertEquals(404, casey.download("/bookings/" + id + "/attachments/" + (file + 1000)).statusCode());
    }

    @Test
    void disallowedAndMislabelledFilesAreRefusedNextToTheField() {
        long id = acmeBooking();
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + id);
        var page = casey.upload("/bookings/" + id + "/attachments", "notes.html", "text/html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("id=\"file-error\"") && page.body().contains("is not a file this booking takes"), page.body());
        var fakePng = casey.upload("/bookings/" + id + "/attachments", "diagram.png", "image/png",
                "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, fakePng.statusCode(), "named PNG, but it is not one");
        var binaryLog = casey.upload("/bookings/" + id + "/attachments", "production.log", "text/plain", new byte[] {0, 1, 2, 3});
        assertEquals(400, binaryLog.statusCode(), "a log is text");
        var empty = casey.upload("/bookings/" + id + "/attachments", "empty.txt", "text/plain", new byte[0]);
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("Choose a file to attach."));
        assertEquals(0, portal.db.fetchCount(BOOKING_ATTACHMENT), "nothing stored");
    }

    @Test
    void aFileOverTwentyMegabytesIsRefusedAndNothingIsStored() {
        long id = acmeBooking();
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + id);
        byte[] big = new byte[20_000_001];
        Arrays.fill(big, (byte) 'a');
        var refused = casey.upload("/bookings/" + id + "/attachments", "production.log", "text/plain", big);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("That file is 20 MB: attach files of at most 20 MB each"), refused.body());
        assertEquals(413, casey.uploadHeadersOnly("/bookings/" + id + "/attachments", 21_000_000), "refused from its declared length");
        assertEquals(0, portal.db.fetchCount(BOOKING_ATTACHMENT));
    }

    @Test
    void aBookingHoldsAtMostOneHundredMegabytes() {
        long id = acmeBooking();
        long customer = portal.db.select(BOOKING.CREATED_BY).from(BOOKING).where(BOOKING.ID.eq(id)).fetchSingle().value1();
        // Five files of nearly 20 MB each already on the booking (their sizes as stored; the bytes themselves do not matter here).
        for (int i = 0; i < 5; i++) {
            portal.db.insertInto(BOOKING_ATTACHMENT).set(BOOKING_ATTACHMENT.BOOKING_ID, id).set(BOOKING_ATTACHMENT.FILE_NAME, "part" + i + ".log")
                    .set(BOOKING_ATTACHMENT.CONTENT_TYPE, "text/plain; charset=utf-8").set(BOOKING_ATTACHMENT.SIZE_BYTES, 19_999_900L)
                    .set(BOOKING_ATTACHMENT.CONTENT, new byte[] {'a'}).set(BOOKING_ATTACHMENT.SHA256, "0".repeat(64))
                    .set(BOOKING_ATTACHMENT.UPLOADED_BY, customer).set(BOOKING_ATTACHMENT.UPLOADED_AT, portal.clock.instant().atOffset(java.time.ZoneOffset.UTC))
                    .execute();
        }
        WebClient casey = portal.signedIn("customer@demo.test");
        casey.get("/bookings/" + id);
        var small = casey.upload("/bookings/" + id + "/attachments", "a.txt", "text/plain", "x".repeat(400).getBytes(StandardCharsets.UTF_8));
        assertEquals(303, small.statusCode(), "500 bytes left: 400 fit");
        var over = casey.upload("/bookings/" + id + "/attachments", "b.txt", "text/plain", "x".repeat(200).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, over.statusCode());
        assertTrue(over.body().contains("This booking holds 100 MB of files already"), over.body());
        assertEquals(6, portal.db.fetchCount(BOOKING_ATTACHMENT));
    }

    @Test
    void theUploaderAndStaffRemoveFilesAndNobodyElse() {
        long id = acmeBooking();
        WebClient erin = portal.signedIn("engineer@demo.test");
        erin.get("/bookings/" + id);
        assertEquals(303, erin.upload("/bookings/" + id + "/attachments", "checklist.txt", "text/plain",
                "check Gitaly".getBytes(StandardCharsets.UTF_8)).statusCode());
        long file = onlyAttachment();
        WebClient casey = portal.signedIn("customer@demo.test");
        String page = casey.get("/bookings/" + id).body();
        assertTrue(page.contains("checklist.txt"), "support's files are the customer's to read");
        assertFalse(page.contains("aria-label=\"Remove checklist.txt\""), "but not to remove");
        assertEquals(404, casey.post("/bookings/" + id + "/attachments/" + file + "/delete", Map.of()).statusCode());
        assertEquals(1, portal.db.fetchCount(BOOKING_ATTACHMENT));
        erin.get("/bookings/" + id);
        assertEquals(303, erin.post("/bookings/" + id + "/attachments/" + file + "/delete", Map.of()).statusCode());
        assertEquals(0, portal.db.fetchCount(BOOKING_ATTACHMENT));
        assertTrue(erin.get("/bookings/" + id).body().contains("data-kind=\"detached\""));
    }
}
