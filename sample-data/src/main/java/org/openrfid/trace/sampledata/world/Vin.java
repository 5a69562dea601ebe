package org.openrfid.trace.sampledata.world;

/**
 * A 17-character VIN with its check digit in position 9 (ISO 3779; GB 16735 uses the same
 * transliteration and weights as the North American rule), so registry validation accepts it.
 */
final class Vin {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    private Vin() {
    }

    /** @param withoutCheck 17 characters with any placeholder in position 9 */
    static String withCheckDigit(String withoutCheck) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += value(withoutCheck.charAt(i)) * WEIGHTS[i];
        }
        int check = sum % 11;
        return withoutCheck.substring(0, 8) + (check == 10 ? 'X' : (char) ('0' + check)) + withoutCheck.substring(9);
    }

    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> throw new IllegalArgumentException("not a VIN character: " + c);
        };
    }

    static char character(int index) {
        return ALPHABET.charAt(index % ALPHABET.length());
    }
}
