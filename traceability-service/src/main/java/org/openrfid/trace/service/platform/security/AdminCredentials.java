package org.openrfid.trace.service.platform.security;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * The first user's password: {@code RFID_ADMIN_PASSWORD} from the environment, or, when unset, a
 * random one generated at start and shown once in the log. No fixed default password ships.
 */
public final class AdminCredentials {

    public static final String USERNAME = org.openrfid.trace.service.user.UserAdministration.BOOTSTRAP_ADMIN;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final String password;
    private final boolean generated;

    private AdminCredentials(String password, boolean generated) {
        this.password = password;
        this.generated = generated;
    }

    static AdminCredentials from(String configured) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 8) {
                throw new IllegalStateException("RFID_ADMIN_PASSWORD must have at least 8 characters");
            }
            return new AdminCredentials(configured, false);
        }
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new AdminCredentials(sb.toString(), true);
    }

    String password() {
        return password;
    }

    /** The generated password, to be shown once at start; empty when it came from the environment. */
    public Optional<String> generatedPassword() {
        return generated ? Optional.of(password) : Optional.empty();
    }
}
