package org.openrfid.trace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request body caps on the real server: a declared length over the cap is refused at once, a body sent
 * without a length (chunked) is cut at the cap, both 413 problem details, and a refused import writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + BodyLimitsIntegrationTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:bodylimits;DB_CLOSE_DELAY=-1",
        "rfid.limits.ingest=1KB",
        "rfid.limits.imports=4KB",
})
class BodyLimitsIntegrationTests {

    static final String PASSWORD = "body-limits-password";
    static final String HEADER = "plate,plate_type,plate_colour,vehicle_type,vin,status,epc,tid";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDeclaredLengthOverTheCapIsA413AndASmallBodyPasses() throws Exception {
        String reads = "{\"readerId\":\"dock-3\",\"reads\":[" + IntStream.range(0, 40).mapToObj(i ->
                "{\"epc\":\"3074257BF7194E4000001A85\",\"antenna\":1,\"timestamp\":\"2026-11-24T08:00:00Z\"}")
                .collect(Collectors.joining(",")) + "]}";
        HttpResponse<String> big = send("/api/v1/ingest/reads", "application/json",
                HttpRequest.BodyPublishers.ofString(reads));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(big.body()).contains("1024 bytes");

        HttpResponse<String> small = send("/api/v1/ingest/reads", "application/json", HttpRequest.BodyPublishers.ofString(
                "{\"readerId\":\"dock-3\",\"reads\":[{\"epc\":\"3074257BF7194E4000001A85\",\"antenna\":1,\"timestamp\":\"2026-11-24T08:00:00Z\"}]}"));
        assertThat(small.statusCode()).isEqualTo(202);
    }

    @Test
    void aChunkedImportOverTheCapIsCutA413AndWritesNothing() throws Exception {
        String rows = IntStream.range(0, 200).mapToObj(i -> String.format(
                "渝B%05d,02,blue,K33,LVSX16564HG6%05d,active,3416451DA4000000%08X,", i, i, i)).collect(Collectors.joining("\n"));
        byte[] csv = (HEADER + "\n" + rows + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(csv.length).as("well over the 4 KB cap").isGreaterThan(8 * 1024);
        // an InputStream publisher has no length: the body goes chunked and only counting can stop it
        HttpResponse<String> cut = send("/api/v1/vehicles/import", "text/csv",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(csv)));
        assertThat(cut.statusCode()).isEqualTo(413);
        assertThat(cut.body()).contains("4096 bytes");

        HttpResponse<String> vehicles = http.send(authorised(HttpRequest.newBuilder(uri("/api/v1/vehicles?limit=10"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(vehicles.statusCode()).isEqualTo(200);
        assertThat(vehicles.body()).doesNotContain("渝B00000");
    }

    /** The container reads multipart bodies past the counting filter: one with no declared length is refused unread. */
    @Test
    void aMultipartBodyWithoutALengthIsRefusedAndOneOverTheCapIsA413() throws Exception {
        byte[] part = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + HEADER + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = send("/admin/users", "multipart/form-data; boundary=b",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(part)));
        assertThat(chunked.statusCode()).isEqualTo(411);
        assertThat(chunked.body()).contains("Content-Length");

        byte[] big = new byte[3 * 1024 * 1024];
        HttpResponse<String> declared = send("/admin/users", "multipart/form-data; boundary=b", HttpRequest.BodyPublishers.ofByteArray(big));
        assertThat(declared.statusCode()).as("over the 2 MB cap of other bodies").isEqualTo(413);
    }

    private HttpResponse<String> send(String path, String type, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(authorised(HttpRequest.newBuilder(uri(path))).header("Content-Type", type).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder b) {
        return b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
