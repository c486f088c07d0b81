package com.acme.platform.app.stacks;

/** Construct ids and AWS names derived from configuration names, in one place so they never drift apart. */
final class Names {
  private Names() {}

  /** {@code orders-api} becomes {@code OrdersApi}: construct ids are PascalCase (STYLE.md section 2). */
  static String pascal(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  /** AWS names of per-environment resources carry the environment, so environments can share an account. */
  static String scoped(String environment, String name) {
    return environment + "-" + name;
  }
}
