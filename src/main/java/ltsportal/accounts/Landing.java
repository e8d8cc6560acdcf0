package ltsportal.accounts;

/**
 * Where a person lands after signing in when no page asked for it ({@code next}): set once, when the app is built,
 * by the features that know what each role needs first (accounts itself knows only the profile and the admin's list).
 */
@FunctionalInterface
public interface Landing {
    Landing PROFILE = user -> user.role() == Role.ADMIN ? "/admin/users" : "/account";

    String pathFor(User user);
}
