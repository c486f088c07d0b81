package com.acme.platform.constructs.core;

/**
 * Construct ids derived from values (such as policy ARNs) rather than list positions, so that adding, removing or
 * reordering one value never replaces the resources of the others.
 */
public final class ConstructIds {
  private ConstructIds() {}

  /**
   * An id for the resource made for {@code value}: letters and digits kept, every other character written as
   * {@code _<hex>_}, so that two different values never share an id ({@code a.b} and {@code a-b} stay apart).
   *
   * @param prefix the id's prefix, for example {@code TaskRolePolicy}
   * @param value the value the resource is for
   * @return {@code <prefix>-<escaped value>}
   */
  public static String forValue(String prefix, String value) {
    StringBuilder id = new StringBuilder(prefix).append('-');
    value.chars().forEach(c -> {
      if (c < 128 && Character.isLetterOrDigit(c)) {
        id.append((char) c);
      } else {
        id.append('_').append(Integer.toHexString(c)).append('_');
      }
    });
    return id.toString();
  }
}
