package org.openrfid.trace.service.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The chain hash of an audit record, so an auditor can recompute it with any SHA-256 tool
 * (docs/audit.md has a Python version).
 *
 * <p>Canonical encoding, version 1: the concatenation, without separators, of these fields in this
 * order, each encoded as {@code <n>:<value>} where {@code <value>} is the field's UTF-8 text and
 * {@code <n>} the number of its bytes in decimal ASCII, or as the single character {@code -} when the
 * field is null:
 * <ol>
 *   <li>the literal {@code rfid-audit-v1}</li>
 *   <li>{@code prevHash}: 64 lower-case hex digits ({@link #GENESIS} for record 1)</li>
 *   <li>{@code id} in decimal</li>
 *   <li>{@code at} in UTC with exactly six fraction digits: {@code 2026-12-03T07:00:00.123456Z}</li>
 *   <li>{@code username}</li>
 *   <li>{@code roles}: the concatenation of each role encoded the same way, in stored order ({@code 0:} for none)</li>
 *   <li>{@code action}, {@code subject}, {@code purpose}</li>
 *   <li>{@code resultCount} in decimal</li>
 *   <li>{@code clientIp}</li>
 *   <li>{@code outcome}: {@code OK}, {@code REFUSED} or {@code FAILED}</li>
 * </ol>
 * Every element starts with a digit or {@code -} and says its own length, so no two records encode
 * the same. The hash is SHA-256 over those bytes as 64 lower-case hex digits.
 */
public final class AuditHash {

    /** The predecessor hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    public static final String VERSION = "rfid-audit-v1";

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditHash() {
    }

    /** The time as the chain holds it: microseconds, which both stores keep exactly. */
    public static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static String formatAt(Instant at) {
        return AT.format(at);
    }

    /** The canonical bytes of a record (its {@code hash} field is not part of them). */
    public static byte[] canonical(AuditRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, VERSION);
        field(out, r.prevHash());
        field(out, Long.toString(r.id()));
        field(out, r.at() == null ? null : formatAt(r.at()));
        field(out, r.username());
        field(out, roles(r.roles()));
        field(out, r.action());
        field(out, r.subject());
        field(out, r.purpose());
        field(out, r.resultCount() == null ? null : Long.toString(r.resultCount()));
        field(out, r.clientIp());
        field(out, r.outcome() == null ? null : r.outcome().name());
        return out.toByteArray();
    }

    public static String of(AuditRecord r) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical(r)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String roles(List<String> roles) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String role : roles) {
            field(out, role);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write('-');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
    }
}
