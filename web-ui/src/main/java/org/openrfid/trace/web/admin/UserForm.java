package org.openrfid.trace.web.admin;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openrfid.trace.service.user.Role;
import org.openrfid.trace.service.user.UserAdministration;

/**
 * What the "new user" form sent, and its problems as message keys per field, so that they are shown
 * next to the field in the person's language. The same limits as {@link UserAdministration} (which
 * checks again): a form refused here never reaches the store.
 */
public record UserForm(String username, String displayName, List<String> roles, String password) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    public static UserForm empty() {
        return new UserForm("", "", List.of(), "");
    }

    public UserForm {
        username = username == null ? "" : username.strip();
        displayName = displayName == null ? "" : displayName.strip();
        roles = roles == null ? List.of() : List.copyOf(roles);
        password = password == null ? "" : password;
    }

    /** Field name → message key of its problem; empty when the form may be saved. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!USERNAME.matcher(username).matches()) {
            problems.put("username", "users.problem.username");
        } else if (UserAdministration.BOOTSTRAP_ADMIN.equals(username)) {
            problems.put("username", "users.problem.taken");
        }
        if (displayName.length() > 200) {
            problems.put("displayName", "users.problem.displayName");
        }
        if (roleSet() == null) {
            problems.put("roles", "users.problem.roles");
        }
        String passwordProblem = passwordProblem(password);
        if (passwordProblem != null) {
            problems.put("password", passwordProblem);
        }
        return problems;
    }

    /** The roles asked for; null when none or one that does not exist (a tampered form). */
    public Set<Role> roleSet() {
        if (roles.isEmpty()) {
            return null;
        }
        Set<Role> set = EnumSet.noneOf(Role.class);
        for (String r : roles) {
            try {
                set.add(Role.parse(r));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return set;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The message key of what is wrong with a new password, or null. */
    public static String passwordProblem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < UserAdministration.MIN_PASSWORD_LENGTH) {
            return "users.problem.passwordShort";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > UserAdministration.MAX_PASSWORD_BYTES) {
            return "users.problem.passwordLong";
        }
        return null;
    }
}
