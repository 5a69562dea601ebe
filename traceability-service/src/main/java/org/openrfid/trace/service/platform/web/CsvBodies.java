package org.openrfid.trace.service.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Request bodies of CSV uploads as a streaming reader (never buffered whole: fleet files are large). */
public final class CsvBodies {

    private CsvBodies() {
    }

    /** UTF-8 unless the request names another charset. */
    public static Reader reader(HttpServletRequest request) throws IOException {
        String declared = request.getCharacterEncoding();
        Charset charset;
        try {
            charset = declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("charset: '" + declared + "' is not a known character set");
        }
        return new BufferedReader(new InputStreamReader(request.getInputStream(), charset), 1 << 16);
    }
}
