package org.openrfid.trace.service.registry.goods;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Validation and normal forms of GS1 fields shared by goods, pallets and their CSV files. Each method
 * returns the normal form or throws IllegalArgumentException naming the problem (callers add the field).
 */
public final class GoodsFields {

    /** ISO 6346 letter values: A=10 upwards, skipping multiples of 11. */
    private static final int[] LETTER_VALUES = new int[26];

    static {
        int v = 10;
        for (int i = 0; i < 26; i++) {
            LETTER_VALUES[i] = v++;
            if (v % 11 == 0) {
                v++;
            }
        }
    }

    private GoodsFields() {
    }

    /** GTIN-8/12/13/14 with a valid check digit, as GTIN-14 (left-padded with zeros). */
    public static String gtin(String text) {
        String g = required(text);
        if (!g.matches("[0-9]{8}|[0-9]{12,14}")) {
            throw new IllegalArgumentException("'" + text + "' is not a GTIN (8, 12, 13 or 14 digits)");
        }
        g = "0".repeat(14 - g.length()) + g;
        checkDigit(g, "GTIN");
        return g;
    }

    /** SSCC: 18 digits with a valid check digit. */
    public static String sscc(String text) {
        String s = required(text);
        if (!s.matches("[0-9]{18}")) {
            throw new IllegalArgumentException("'" + text + "' is not an SSCC (18 digits)");
        }
        checkDigit(s, "SSCC");
        return s;
    }

    /** GS1 serial (AI 21): 1..20 characters of GS1 AI encodable character set 82, no spaces. */
    public static String serial(String text) {
        return cset82(text, 20, "serial number");
    }

    /** Batch/lot (AI 10): 1..20 characters of CSET 82; null stays null. */
    public static String lot(String text) {
        return text == null || text.isBlank() ? null : cset82(text, 20, "batch/lot");
    }

    /** ISO date (yyyy-MM-dd); null stays null. */
    public static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO date such as 2025-06-02");
        }
    }

    /** Free text of at most {@code max} characters; blank is null. */
    public static String optionalText(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.length() > max) {
            throw new IllegalArgumentException("is longer than " + max + " characters");
        }
        return t;
    }

    /** ISO 6346 container number (owner code, category U/J/Z, 6 digits, check digit). */
    public static String containerNumber(String text) {
        String c = required(text).toUpperCase(java.util.Locale.ROOT);
        if (!c.matches("[A-Z]{3}[UJZ][0-9]{7}")) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO 6346 container number such as DMOU1000014");
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char ch = c.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : LETTER_VALUES[ch - 'A'];
            sum += v << i;
        }
        int check = sum % 11 % 10;
        if (c.charAt(10) - '0' != check) {
            throw new IllegalArgumentException("container number '" + text + "' has check digit " + c.charAt(10) + ", expected " + check);
        }
        return c;
    }

    static boolean isContainerNumber(String text) {
        return text != null && text.trim().toUpperCase(java.util.Locale.ROOT).matches("[A-Z]{3}[UJZ][0-9]{7}");
    }

    private static void checkDigit(String digits, String what) {
        int sum = 0;
        int n = digits.length();
        for (int i = 0; i < n - 1; i++) {
            int d = digits.charAt(n - 2 - i) - '0';
            sum += (i % 2 == 0) ? d * 3 : d;
        }
        int check = (10 - sum % 10) % 10;
        if (digits.charAt(n - 1) - '0' != check) {
            throw new IllegalArgumentException(what + " '" + digits + "' has check digit " + digits.charAt(n - 1) + ", expected " + check);
        }
    }

    private static String cset82(String text, int max, String what) {
        String s = required(text);
        if (s.length() > max) {
            throw new IllegalArgumentException(what + " '" + text + "' is longer than " + max + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '!' || c > 'z' || c == '#' || c == '$' || c == '@' || c == '[' || c == '\\' || c == ']' || c == '^' || c == '`') {
                throw new IllegalArgumentException(what + " '" + text + "' has '" + c + "', outside the GS1 character set 82");
            }
        }
        return s;
    }

    static String required(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        return text.trim();
    }
}
