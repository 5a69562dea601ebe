package org.openrfid.trace.service.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page cursors: the sort key of the last item returned, as base64url text. Clients pass them
 * back unchanged; anything else is refused as a bad parameter rather than guessed at.
 */
public final class Cursors {

    private static final char SEPARATOR = '\u001F';

    private Cursors() {
    }

    public static String encode(String... keyParts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), keyParts).getBytes(StandardCharsets.UTF_8));
    }

    /** The key parts, exactly {@code parts} of them; IllegalArgumentException when it is not a cursor we issued. */
    public static List<String> decode(String cursor, int parts) {
        if (cursor == null || cursor.length() > 512) {
            throw new IllegalArgumentException("cursor: not a cursor issued by this API");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor: not a cursor issued by this API");
        }
        List<String> split = List.of(text.split(String.valueOf(SEPARATOR), -1));
        if (split.size() != parts || split.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("cursor: not a cursor issued by this API");
        }
        return split;
    }
}
