package ltsportal.accounts;

import io.javalin.security.RouteRole;

/** The role a route needs. ANYONE marks a public route; every route must name one. */
public enum Role implements RouteRole {
    ANYONE,
    CUSTOMER,
    ENGINEER,
    MANAGER,
    ADMIN
}
