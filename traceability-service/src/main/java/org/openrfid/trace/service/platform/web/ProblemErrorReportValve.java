package org.openrfid.trace.service.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a URL it refuses before the application sees it, such as one with an
 * encoded '/' or NUL) as problem details instead of its HTML page, like every other error of the API
 * (found by {@code HttpFuzzIntegrationTests}). Nothing about the server is revealed, as with Boot's
 * configured valve this one replaces.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String message = response.getMessage();
        String detail = message == null || message.isBlank() ? title : message;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + ProblemResponses.json(title) + "\",\"status\":" + status
                        + ",\"detail\":\"" + ProblemResponses.json(detail) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken over: nothing left to tell it
        }
    }
}
