package org.openrfid.trace.service.alert.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Rfid-Signature} header: {@code sha256=} and the lower-case hex HMAC-SHA256 (RFC 2104, FIPS 180-4) of
 * the exact body bytes, keyed with the webhook's secret as UTF-8. Receivers compute the same and compare in constant time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Rfid-Signature";
    public static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code header} is the signature of {@code body} with {@code secret}, compared in constant time. */
    public static boolean verify(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }
}
