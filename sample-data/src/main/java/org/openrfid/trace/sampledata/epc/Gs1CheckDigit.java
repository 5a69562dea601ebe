package org.openrfid.trace.sampledata.epc;

/** GS1 mod-10 check digit (GS1 General Specifications 7.9.1): weights 3,1,3,... from the right. */
public final class Gs1CheckDigit {
    private Gs1CheckDigit() {
    }

    public static int of(String digitsWithoutCheck) {
        int sum = 0;
        for (int i = 0; i < digitsWithoutCheck.length(); i++) {
            int digit = digitsWithoutCheck.charAt(digitsWithoutCheck.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    public static String append(String digitsWithoutCheck) {
        return digitsWithoutCheck + of(digitsWithoutCheck);
    }
}
