package io.leadlistener.admin.api;

import io.leadlistener.admin.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role an {@link AdminApi} method needs. Every admin API method carries one: a method without it is
 * refused to everyone (and the route walk in the tests fails), so a forgotten annotation never opens a route.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiredRole {
    Role value();
}
