package org.openrfid.trace.service.library.sip2;

/**
 * SIP2 error detection (3M Standard Interchange Protocol v2.00, "Error Detection"): a message ends with
 * {@code AY<sequence digit>AZ<checksum>}, the checksum being four hex digits that are the two's complement
 * of the 16-bit binary sum of every character from the first one up to and including {@code AZ}; the
 * receiver adds the checksum to that sum and must get zero.
 */
public final class Sip2Checksum {

    private Sip2Checksum() {
    }

    /** The checksum for {@code upToAz}, the message from its first character through "AZ". */
    public static String of(CharSequence upToAz) {
        int sum = 0;
        for (int i = 0; i < upToAz.length(); i++) {
            sum += upToAz.charAt(i);
        }
        return String.format("%04X", (-sum) & 0xFFFF);
    }

    /** Appends {@code AY<sequence>AZ<checksum>} to a message body (no terminator). */
    public static String seal(String body, int sequence) {
        String upToAz = body + "AY" + Math.floorMod(sequence, 10) + "AZ";
        return upToAz + of(upToAz);
    }

    /** Whether a message (no terminator) that carries {@code AZxxxx} at its end has a valid checksum; true when it carries none. */
    public static boolean valid(String message) {
        if (!sealed(message)) {
            return true;
        }
        int az = message.lastIndexOf("AZ");
        return of(message.substring(0, az + 2)).equalsIgnoreCase(message.substring(az + 2));
    }

    /** Whether the message carries error detection fields. */
    public static boolean sealed(String message) {
        int az = message.lastIndexOf("AZ");
        return az >= 0 && az + 6 == message.length();
    }
}
