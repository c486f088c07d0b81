package com.acme.platform.app.config;

import java.util.Collection;

/**
 * Field paths as problems name them ({@code services[1].routing.containerPort}) and how they nest, so that a check
 * can stay quiet about a value another check already reported.
 */
public final class FieldPaths {
  private FieldPaths() {}

  /**
   * Whether {@code field} is one of {@code paths} or lies inside one of them. The empty path is the whole file.
   *
   * @param field a field path
   * @param paths field paths
   * @return true when {@code field} is at or under one of them
   */
  public static boolean isAtOrUnder(String field, Collection<String> paths) {
    return paths.stream().anyMatch(p -> contains(p, field));
  }

  /**
   * Whether one of the paths lies inside the other (or they are equal): a problem at one of them can make a value at
   * the other unreliable.
   *
   * @param a a field path
   * @param b another field path
   * @return true when they nest
   */
  public static boolean related(String a, String b) {
    return contains(a, b) || contains(b, a);
  }

  /** Whether {@code inner} is {@code outer} or lies inside it. */
  private static boolean contains(String outer, String inner) {
    return outer.isEmpty() || inner.equals(outer) || inner.startsWith(outer + ".") || inner.startsWith(outer + "[");
  }
}
