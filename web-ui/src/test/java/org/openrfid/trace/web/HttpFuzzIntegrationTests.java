package org.openrfid.trace.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile input for every operation of the OpenAPI description, over real HTTP (issue 18): wrong
 * types, huge and negative numbers, 100k-character strings, invalid UTF-8, truncated JSON, broken
 * CSV quoting, odd EPCs, '%00', '../' and SQL-ish strings in path variables, query parameters and
 * bodies. Every answer must be below 500, a 4xx of the API a problem detail, and a refused request
 * must leave the data tables as they were.
 *
 * <p>The build runs {@code fuzz.tries} (default 6) tries per operation; a larger run:
 * {@code ./mvnw -B -o -pl web-ui -am verify -Dit.test=HttpFuzzIntegrationTests -Dfuzz.tries=200 -Dfuzz.seed=7
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + HttpFuzzIntegrationTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:http-fuzz;DB_CLOSE_DELAY=-1",
        "rfid.retention.enabled=false",
})
class HttpFuzzIntegrationTests {

    static final String PASSWORD = "http-fuzz-password";
    static final int TRIES = Integer.getInteger("fuzz.tries", 6);
    static final long SEED = Long.getLong("fuzz.seed", 18L);
    /** What a refused request must leave alone (audit is written for refusals too, on purpose). */
    static final List<String> TABLES = List.of("passage", "vehicle", "goods_item", "pallet", "library_item", "tag",
            "tag_binding", "location", "epcis_event", "plate_read", "watchlist_entry", "road_link", "alert_rule", "webhook",
            "app_user");
    static final String LONG = "A".repeat(100_000);
    static final List<String> ODD_EPCS = List.of("urn:epc:id:sgtin:...", "urn:epc:id:sgtin:0614141.812345.",
            "urn:epc:id:sgtin:0614141..6789", "urn:epc:id:sgtin:99999999999999.1.1", "urn:epc:tag:sgtin-96:9.0614141.812345.6789",
            "urn:epc:tag:sgtin-96:3.0614141.812345.99999999999999999999", "urn:epc:id:sscc:0614141.", "urn:epc:id:giai:",
            "urn:epc:raw:96.x", "urn:epc:id:sgtin:0614141.812345.6789%00", "3074257BF7194E4000001A8", "3074257BF7194E4000001A85ZZ",
            "303C83F1B7DD441678901234", "FFFFFFFFFFFFFFFFFFFFFFFF", "00", "", "https://id.gs1.org/01/", "https://id.gs1.org/01/x/21/",
            "E2" + "0".repeat(1000));
    static final List<String> HOSTILE = List.of("-1", "0", "-9223372036854775809", "9223372036854775808", "99999999999999999999999",
            "2147483648", "-2147483649", "1e309", "NaN", "-0", "Infinity", "0x10", "abc", "true", "null", "[]", "{}", "%00", "\u0000",
            "../../etc/passwd", "..%2F..%2F", "' OR '1'='1", "1; DROP TABLE passage;--", "\" OR \"\"=\"", "%", "%ZZ", "\uD800", "\uFFFF",
            "渝A·12345", "2025-13-45T99:00:00Z", "2025-06-02T08:00:00", "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "POLYGON((0 0, 1 1))", "POINT(1e400 0)", "1,2,3", "1,2,3,x", "-181,-91,181,91", "   ", "a".repeat(5000));

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();
    final Random random = new Random(SEED);
    JsonNode api;
    String auth;

    @Test
    void everyOperationAnswersHostileInputBelow500AndARefusalWritesNothing() throws Exception {
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        // a bearer token: a bcrypt per Basic request would make the run slow
        Answer token = send("POST", "/api/v1/users/admin/tokens", "application/json",
                "{\"name\":\"fuzz\",\"expiresInDays\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        auth = "Bearer " + json.readTree(token.body()).path("token").asText();

        Answer docs = send("GET", "/v3/api-docs", null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        api = json.readTree(docs.body());

        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int operations = 0;
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (skipped(path.getKey(), op.getValue())) {
                    continue;
                }
                operations++;
                for (int i = 0; i < TRIES; i++) {
                    Attempt attempt = attempt(method, path.getKey(), op.getValue(), i);
                    Map<String, Long> before = counts();
                    Answer answer;
                    try {
                        answer = send(method, attempt.uri, attempt.contentType, attempt.body);
                    } catch (java.io.IOException e) {
                        failures.add(method + " " + attempt.uri + ": " + e);
                        continue;
                    }
                    requests++;
                    int status = answer.statusCode();
                    statuses.merge(method + " " + path.getKey() + " " + status, 1, Integer::sum);
                    String what = method + " " + abbreviate(attempt.uri) + " [" + attempt.contentType + " "
                            + abbreviate(attempt.body == null ? "" : new String(attempt.body, StandardCharsets.UTF_8)) + "] -> "
                            + status + " " + abbreviate(answer.body());
                    if (status >= 500) {
                        failures.add(what);
                    } else if (status >= 400) {
                        String type = answer.contentType();
                        if (!type.contains("application/problem+json")) {
                            failures.add("not a problem detail: " + what);
                        } else if (problemStatus(answer.body()) != status) {
                            failures.add("problem detail of another status: " + what);
                        }
                        Map<String, Long> after = counts();
                        if (!after.equals(before)) {
                            failures.add("refused but written " + before + " -> " + after + ": " + what);
                        }
                    }
                }
            }
        }
        System.out.printf("HTTP fuzz: %d operations, %d requests (%d tries each, seed %d)%n", operations, requests, TRIES, SEED);
        statuses.forEach((k, v) -> System.out.println("  " + k + " x" + v));
        assertThat(operations).as("operations in the OpenAPI description").isGreaterThan(50);
        assertThat(failures).as("answers of 5xx, 4xx without a problem detail, or refusals that wrote").isEmpty();
    }

    /** Server-sent event streams never end; the user API's own admin could lock the run out. */
    private boolean skipped(String path, JsonNode op) {
        if (path.endsWith("/stream")) {
            return true;
        }
        return !(path.startsWith("/api/") || path.startsWith("/epcis"));
    }

    record Attempt(String uri, String contentType, byte[] body) {
    }

    private Attempt attempt(String method, String template, JsonNode op, int i) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = resolve(p);
            String name = param.path("name").asText();
            String in = param.path("in").asText();
            if (in.equals("path")) {
                path = path.replace("{" + name + "}", encode(pathValue(name)));
            } else if (in.equals("query") && random.nextInt(4) != 0) {
                query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(queryValue(name, param.path("schema"))));
            }
        }
        if (i % 5 == 4) {
            // the query string as sent by a hostile client, not as an encoder would make it
            query.append(query.isEmpty() ? "?" : "&").append(pick(List.of("a=%", "%ZZ=1", "limit=1&limit=-1", "=&=&", "x=%00", "q=%C3%28")));
        }
        String uri = path + query;
        JsonNode body = op.path("requestBody").path("content");
        if (body.isMissingNode() || body.isEmpty()) {
            if (method.equals("POST") || method.equals("PUT")) {
                // CSV uploads read the request themselves, so the description names no body for them
                boolean csv = template.endsWith("/import") || template.equals("/api/v1/road-links");
                String type = csv ? pick(List.of("text/csv", "application/csv")) : "application/json";
                return new Attempt(uri, type, body(type, json.createObjectNode(), i, template));
            }
            return new Attempt(uri, null, null);
        }
        List<String> types = new ArrayList<>();
        body.fieldNames().forEachRemaining(types::add);
        String type = types.get(random.nextInt(types.size()));
        return new Attempt(uri, type, body(type, resolve(body.path(type).path("schema")), i, template));
    }

    private String pathValue(String name) {
        if (name.toLowerCase().contains("epc") && random.nextBoolean()) {
            return pick(ODD_EPCS);
        }
        // no 100k strings here: the request line has its own cap (Tomcat answers that itself)
        String v = pick(HOSTILE);
        return v.isEmpty() ? "x" : v;
    }

    private String queryValue(String name, JsonNode schema) {
        String lower = name.toLowerCase();
        if ((lower.contains("epc") || lower.contains("uri") || lower.contains("parentid")) && random.nextBoolean()) {
            return pick(ODD_EPCS);
        }
        return pick(HOSTILE);
    }

    private byte[] body(String type, JsonNode schema, int i, String path) {
        if (type.contains("csv")) {
            return csv(i);
        }
        if (!type.contains("json")) {
            return bytes(pick(HOSTILE));
        }
        return switch (i % 6) {
            case 0 -> wrongTypes(schema, path);
            case 1 -> truncate(wrongTypes(schema, path));
            case 2 -> invalidUtf8("{\"name\":\"", "\"}");
            case 3 -> bytes("[".repeat(5000) + "]".repeat(5000));
            case 4 -> path.startsWith("/epcis") ? jsonLd() : bytes("{\"a\":\"" + LONG + "\",\"n\":1" + "0".repeat(400) + "}");
            default -> bytes(pick(List.of("", "null", "[]", "\"x\"", "{}", "{\"\":{}}", "{\"a\":1,\"a\":2}", "{'a':1}", "\uFEFF{}")));
        };
    }

    /** An object with every property of the schema given a value of some other, hostile kind. */
    private byte[] wrongTypes(JsonNode schema, String path) {
        Map<String, Object> object = new LinkedHashMap<>();
        JsonNode properties = schema.path("properties");
        if (properties.isEmpty() && schema.path("type").asText().equals("array")) {
            return bytes("[" + new String(wrongTypes(resolve(schema.path("items")), path), StandardCharsets.UTF_8) + "]");
        }
        properties.fieldNames().forEachRemaining(name -> object.put(name, hostileValue(name, resolve(properties.path(name)))));
        if (object.isEmpty()) {
            object.put("x", hostileValue("x", schema));
        }
        try {
            return json.writeValueAsBytes(object);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Object hostileValue(String name, JsonNode schema) {
        String type = schema.path("type").asText();
        int n = random.nextInt(8);
        if (name.toLowerCase().contains("epc") && n < 3) {
            return pick(ODD_EPCS);
        }
        return switch (n) {
            case 0 -> type.equals("string") ? (Object) random.nextLong() : "not-a-" + type;
            case 1 -> new java.math.BigInteger("9".repeat(40));
            case 2 -> -1 - random.nextInt(1_000_000);
            case 3 -> LONG;
            case 4 -> List.of(pick(HOSTILE), Map.of("x", 1));
            case 5 -> Map.of("$ref", "../../etc/passwd");
            case 6 -> Double.MAX_VALUE;
            default -> pick(HOSTILE);
        };
    }

    private byte[] csv(int i) {
        return switch (i % 5) {
            case 0 -> bytes("a,b,c\n\"unterminated,1,2\n3,4,5\n");
            case 1 -> bytes("plate,plate_type\n\"a\"\"b,\"c\n");
            case 2 -> invalidUtf8("id,name\n1,", "\n");
            case 3 -> bytes("epc,location\n" + pick(ODD_EPCS) + ",\"" + LONG + "\"\n\"" + "\"".repeat(999) + "\n");
            default -> bytes(",,,,\n\n\n" + pick(HOSTILE) + "\n");
        };
    }

    private byte[] jsonLd() {
        return bytes(pick(List.of(
                "{\"@context\":\"../../etc/passwd\",\"type\":\"EPCISDocument\"}",
                "{\"@context\":[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\","
                        + "\"creationDate\":\"2025-13-45T99:00:00Z\",\"epcisBody\":{\"eventList\":[{\"type\":\"ObjectEvent\",\"eventTime\":\"x\","
                        + "\"eventTimeZoneOffset\":\"+99:99\",\"epcList\":[\"urn:epc:id:sgtin:...\"],\"action\":\"OBSERVE\"}]}}",
                "{\"@context\":{\"@vocab\":{\"@id\":null}},\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":{}}}",
                "{\"type\":\"EPCISDocument\",\"schemaVersion\":2,\"epcisBody\":{\"eventList\":[" + "{},".repeat(2000) + "{}]}}")));
    }

    private byte[] truncate(byte[] body) {
        return java.util.Arrays.copyOf(body, Math.max(1, body.length / 2));
    }

    private byte[] invalidUtf8(String before, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(before));
        out.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xF8});
        out.writeBytes(bytes(after));
        return out.toByteArray();
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            JsonNode target = api;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            return target;
        }
        return node;
    }

    /** The {@code status} member of a problem detail (-1 when the body is no JSON object). */
    private int problemStatus(String body) {
        try {
            return json.readTree(body).path("status").asInt(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    private Map<String, Long> counts() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    private Answer send(String method, String pathAndQuery, String contentType, byte[] body) throws Exception {
        try {
            URI.create(pathAndQuery);
        } catch (IllegalArgumentException malformed) {
            return sendRaw(method, pathAndQuery, contentType, body);
        }
        HttpResponse<String> r = sendHttp(method, pathAndQuery, contentType, body);
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    record Answer(int statusCode, String contentType, String body) {
    }

    /** Over a plain socket (HTTP/1.0: no chunked answer to undo): java.net.URI will not carry a malformed escape such as '%ZZ'. */
    private Answer sendRaw(String method, String pathAndQuery, String contentType, byte[] body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            byte[] content = body == null ? new byte[0] : body;
            StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.0\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: " + auth + "\r\nX-Purpose: fuzzing\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String type = "";
            int end = response.indexOf("\r\n\r\n");
            for (String line : response.substring(0, Math.max(end, 0)).split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    type = line.substring(13).trim();
                }
            }
            return new Answer(status, type, end < 0 ? "" : response.substring(end + 4));
        }
    }

    private HttpResponse<String> sendHttp(String method, String pathAndQuery, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", auth)
                .header("X-Purpose", "fuzzing")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + ")";
    }
}
