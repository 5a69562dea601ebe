package org.openrfid.trace.service.user;

import java.util.List;
import java.util.Optional;

/** The database users: accounts, their roles and password hashes. */
public interface Users {

    /** Stores a new user; false (and nothing stored) when the username is taken. */
    boolean create(UserAccount account, String passwordHash);

    Optional<UserAccount> find(String username);

    /** The stored password hash of the user, if the user exists. */
    Optional<String> passwordHash(String username);

    /** All users in username order. */
    List<UserAccount> all();

    /** Replaces display name, roles and enabled flag (and the password hash when not null); false when there is no such user. */
    boolean update(UserAccount account, String newPasswordHash);

    /** Deletes the user, its roles and its tokens; false when there was no such user. */
    boolean delete(String username);
}
