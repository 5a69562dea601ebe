package org.openrfid.trace.service.anpr;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Plates as cameras spell them, in one strict normal form: full-width letters and digits made
 * half-width, the separators ({@code ·}, {@code •}, {@code -}, {@code .}, spaces) removed, upper case —
 * {@code 渝Ａ·１２３４５} and {@code 渝a 12345} both become {@code 渝A12345}.
 *
 * <p>Liberal in what it accepts: a Chinese plate (GA 36: province, authority letter, 4..6 letters and
 * digits, new-energy plates with 6, and the 警/学/挂/领/使/港/澳 suffixes) is recognised as such, but a
 * foreign or unusual plate is still accepted when it is 2..12 letters, digits or CJK characters, so a
 * Hong Kong car or an embassy plate is not dead-lettered. Anything else is refused.
 */
public final class PlateNormaliser {

    /** The 31 provincial abbreviations of GA 36 plates. */
    static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final Pattern CHINESE = Pattern.compile("[" + PROVINCES + "][A-Z][A-Z0-9]{4,6}[警学挂领使港澳]?");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00B7\\u2022\\u30FB\\u2027\\u22C5.\\-_]");
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 12;

    private PlateNormaliser() {
    }

    /**
     * The plate in normal form; IllegalArgumentException saying why (not naming the field: callers add it)
     * when it is no plate at all.
     */
    public static String normalise(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        StringBuilder half = new StringBuilder(text.length());
        text.codePoints().forEach(c -> half.appendCodePoint(halfWidth(c)));
        String compact = SEPARATORS.matcher(half).replaceAll("").toUpperCase(Locale.ROOT);
        int length = compact.codePointCount(0, compact.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("'" + cut(text) + "' is not a plate: " + MIN_LENGTH + ".." + MAX_LENGTH
                    + " letters or digits without separators, has " + length);
        }
        if (!compact.codePoints().allMatch(PlateNormaliser::plateCharacter)) {
            throw new IllegalArgumentException("'" + cut(text) + "' is not a plate: only letters, digits and CJK characters");
        }
        return compact;
    }

    /** Whether a normalised plate has the form of a Chinese (GA 36) plate. */
    public static boolean isChinese(String normalised) {
        return normalised != null && CHINESE.matcher(normalised).matches();
    }

    /** The same plate whatever the spelling (both normalised); false when either is no plate. */
    public static boolean same(String a, String b) {
        try {
            return normalise(a).equals(normalise(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int halfWidth(int c) {
        if (c >= 0xFF01 && c <= 0xFF5E) {
            return c - 0xFEE0; // full-width ASCII block
        }
        return c == 0x3000 ? ' ' : c;
    }

    private static boolean plateCharacter(int c) {
        if (c < 0x80) {
            return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private static String cut(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
