package org.openrfid.trace.service.user;

/** The logged-in sessions of users, so disabling or deleting a user can end them at once. */
public interface UserSessions {

    /** Ends every session of {@code username}; the number ended. */
    int endAll(String username);
}
