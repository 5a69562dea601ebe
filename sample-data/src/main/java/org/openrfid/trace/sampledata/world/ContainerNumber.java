package org.openrfid.trace.sampledata.world;

/** ISO 6346 freight container number: owner code + U, six digits, check digit. */
final class ContainerNumber {
    private ContainerNumber() {
    }

    static String withCheckDigit(String ownerAndCategory, int serial) {
        String body = ownerAndCategory + String.format("%06d", serial);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += value(body.charAt(i)) << i;
        }
        return body + (sum % 11) % 10;
    }

    /** Letters count from A=10, skipping multiples of 11 (ISO 6346 Annex A). */
    static int value(char c) {
        if (Character.isDigit(c)) {
            return c - '0';
        }
        int v = 10;
        for (char letter = 'A'; letter < c; letter++) {
            v++;
            if (v % 11 == 0) {
                v++;
            }
        }
        return v;
    }
}
