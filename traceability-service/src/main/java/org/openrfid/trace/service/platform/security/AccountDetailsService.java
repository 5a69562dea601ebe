package org.openrfid.trace.service.platform.security;

import java.util.List;
import java.util.Optional;
import org.openrfid.trace.service.user.Role;
import org.openrfid.trace.service.user.UserAccount;
import org.openrfid.trace.service.user.Users;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Who may log in: the bootstrap {@code admin} (roles ADMIN and OPERATOR, password from {@link AdminCredentials},
 * hashed once at start) and, when the user store is there, the database users with their roles; a disabled
 * user is found but refused by Spring Security's checks.
 */
final class AccountDetailsService implements UserDetailsService {

    private final UserDetails admin;
    private final Optional<Users> users;

    AccountDetailsService(String adminPasswordHash, Optional<Users> users) {
        this.admin = User.withUsername(AdminCredentials.USERNAME).password(adminPasswordHash).roles("ADMIN", "OPERATOR").build();
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (AdminCredentials.USERNAME.equals(username)) {
            return User.withUserDetails(admin).build(); // a copy: the provider erases credentials of what it returns
        }
        if (users.isPresent()) {
            Optional<UserAccount> account = users.get().find(username);
            Optional<String> hash = users.get().passwordHash(username);
            if (account.isPresent() && hash.isPresent()) {
                return details(account.get(), hash.get());
            }
        }
        throw new UsernameNotFoundException("no user " + username);
    }

    /** The user as the bearer filter authenticates it: no password, enabled or not as stored. */
    Optional<UserDetails> withoutPassword(String username) {
        if (AdminCredentials.USERNAME.equals(username)) {
            return Optional.of(User.withUserDetails(admin).password("").build());
        }
        return users.flatMap(u -> u.find(username)).map(a -> details(a, ""));
    }

    private static UserDetails details(UserAccount account, String passwordHash) {
        List<GrantedAuthority> authorities = account.roles().stream().sorted().map(Role::name)
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        return User.withUsername(account.username()).password(passwordHash).authorities(authorities)
                .disabled(!account.enabled()).build();
    }
}
