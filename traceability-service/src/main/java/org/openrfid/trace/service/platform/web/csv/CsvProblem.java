package org.openrfid.trace.service.platform.web.csv;

/**
 * Why a line of an import file was refused.
 *
 * @param line  1-based line number in the file (the header is line 1)
 * @param field the column, or null when the problem is the line as a whole
 */
public record CsvProblem(long line, String field, String reason) {
}
