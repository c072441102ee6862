package dev.podium.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the body parameter of the catalog import: it may be as large as {@code
 * podium.limits.catalog-body-size} rather than {@code podium.limits.body-size}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface LargeBody {}
