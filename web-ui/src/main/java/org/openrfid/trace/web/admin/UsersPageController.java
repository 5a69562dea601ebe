package org.openrfid.trace.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.user.ApiToken;
import org.openrfid.trace.service.user.Role;
import org.openrfid.trace.service.user.UserAccount;
import org.openrfid.trace.service.user.UserAdministration;
import org.openrfid.trace.service.user.UserAdministration.NewToken;
import org.openrfid.trace.service.user.UserAdministration.Outcome;
import org.openrfid.trace.service.user.UserAdministration.UserInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/users} (ADMIN): the people who use the console and the machines that push reads — create,
 * change roles, enable/disable, reset a password, API tokens whose secret is shown once. The same
 * {@link UserAdministration} and the same audit actions as the users API ({@code USER_CREATED},
 * {@code USER_CHANGED}, {@code TOKEN_CREATED}, {@code TOKEN_REVOKED}); never a password or a secret in the trail.
 */
@Controller
class UsersPageController {

    private static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::name).toList();

    private final UserAdministration admin;
    private final Auditor auditor;

    UsersPageController(UserAdministration admin, Auditor auditor) {
        this.admin = admin;
        this.auditor = auditor;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String done, Model model) {
        return listPage(model, UserForm.empty(), Map.of(), done);
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) List<String> roles, @RequestParam(required = false) String password,
                  Model model, HttpServletResponse response) {
        UserForm form = new UserForm(username, displayName, roles, password);
        Map<String, String> problems = form.problems();
        if (problems.isEmpty()) {
            Outcome outcome = admin.create(form.username(), new UserInput(form.displayName(), form.roleSet(), true, form.password()));
            if (outcome == Outcome.DONE) {
                auditor.record("USER_CREATED", describe(admin.find(form.username()).orElseThrow()), null, 1L, AuditOutcome.OK);
                return "redirect:/admin/users/" + form.username() + "?done=created";
            }
            problems = Map.of("username", "users.problem.taken");
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return listPage(model, new UserForm(form.username(), form.displayName(), form.roles(), ""), problems, null);
    }

    @GetMapping("/admin/users/{username}")
    String user(@PathVariable String username, @RequestParam(required = false) String done, Model model) {
        return userPage(model, account(username), done, Map.of(), null);
    }

    /** Display name and roles; roles that change end the user's sessions (they hold the old ones). */
    @PostMapping("/admin/users/{username}")
    String change(@PathVariable String username, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) List<String> roles, Model model, HttpServletResponse response) {
        UserAccount old = account(username);
        UserForm form = new UserForm(username, displayName, roles, null);
        Set<Role> roleSet = form.roleSet();
        if (roleSet == null || form.displayName().length() > 200) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return userPage(model, old, null, Map.of(roleSet == null ? "roles" : "displayName",
                    roleSet == null ? "users.problem.roles" : "users.problem.displayName"), null);
        }
        return update(old, new UserInput(form.displayName(), roleSet, old.enabled(), null), "saved", false);
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled) {
        UserAccount old = account(username);
        return update(old, new UserInput(old.displayName(), old.roles(), enabled, null), enabled ? "enabled" : "disabled", false);
    }

    @PostMapping("/admin/users/{username}/password")
    String password(@PathVariable String username, @RequestParam(required = false) String password, Model model,
                    HttpServletResponse response) {
        UserAccount old = account(username);
        String problem = UserForm.passwordProblem(password);
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return userPage(model, old, null, Map.of("password", problem), null);
        }
        return update(old, new UserInput(old.displayName(), old.roles(), old.enabled(), password), "password", true);
    }

    /** The secret is in this answer only (not stored, not in a redirect or the session): the page says so. */
    @PostMapping("/admin/users/{username}/tokens")
    String createToken(@PathVariable String username, @RequestParam(required = false) String name,
                       @RequestParam(required = false) Integer days, Model model, HttpServletResponse response) {
        UserAccount user = account(username);
        if (days == null || days < 1 || days > UserAdministration.MAX_TOKEN_DAYS || (name != null && name.length() > 100)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return userPage(model, user, null, Map.of(name != null && name.length() > 100 ? "tokenName" : "tokenDays",
                    name != null && name.length() > 100 ? "users.problem.tokenName" : "users.problem.tokenDays"), null);
        }
        NewToken created = admin.createToken(username, name, days).orElseThrow(() -> noSuchUser(username));
        auditor.record("TOKEN_CREATED", "user " + username + " token " + created.token().id(), null, 1L, AuditOutcome.OK);
        response.setHeader("Cache-Control", "no-store");
        return userPage(model, user, null, Map.of(), created);
    }

    @PostMapping("/admin/users/{username}/tokens/{id}/revoke")
    String revoke(@PathVariable String username, @PathVariable long id) {
        account(username);
        if (!admin.revokeToken(username, id)) {
            throw new NoSuchElementException("user '" + username + "' has no token " + id);
        }
        auditor.record("TOKEN_REVOKED", "user " + username + " token " + id, null, 1L, AuditOutcome.OK);
        return "redirect:/admin/users/" + username + "?done=revoked";
    }

    private String update(UserAccount old, UserInput input, String done, boolean passwordSet) {
        admin.update(old.username(), input);
        UserAccount changed = account(old.username());
        auditor.record("USER_CHANGED", describe(changed) + (passwordSet ? " password set" : ""), null, 1L, AuditOutcome.OK);
        return "redirect:/admin/users/" + old.username() + "?done=" + done;
    }

    private String listPage(Model model, UserForm form, Map<String, String> problems, String done) {
        model.addAttribute("users", admin.all().stream().sorted(Comparator.comparing(UserAccount::username)).toList());
        model.addAttribute("allRoles", ROLES);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("done", done);
        model.addAttribute("minPassword", UserAdministration.MIN_PASSWORD_LENGTH);
        return "admin/users";
    }

    private String userPage(Model model, UserAccount user, String done, Map<String, String> problems, NewToken created) {
        List<ApiToken> tokens = admin.tokens(user.username()).stream()
                .sorted(Comparator.comparing(ApiToken::createdAt).reversed()).toList();
        model.addAttribute("user", user);
        model.addAttribute("userRoles", user.roles().stream().map(Role::name).toList());
        model.addAttribute("allRoles", ROLES);
        model.addAttribute("tokens", tokens);
        model.addAttribute("done", done);
        model.addAttribute("problems", problems);
        model.addAttribute("created", created);
        model.addAttribute("minPassword", UserAdministration.MIN_PASSWORD_LENGTH);
        model.addAttribute("defaultDays", UserAdministration.DEFAULT_TOKEN_DAYS);
        model.addAttribute("maxDays", UserAdministration.MAX_TOKEN_DAYS);
        return "admin/user";
    }

    /** A user in the database; the bootstrap admin is not one (its password comes from the environment). */
    private UserAccount account(String username) {
        return admin.find(username).orElseThrow(() -> noSuchUser(username));
    }

    private static NoSuchElementException noSuchUser(String username) {
        return new NoSuchElementException("no user '" + username + "'");
    }

    private static String describe(UserAccount u) {
        Set<Role> roles = u.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(u.roles());
        return "user " + u.username() + " roles " + roles + (u.enabled() ? " enabled" : " disabled");
    }
}
