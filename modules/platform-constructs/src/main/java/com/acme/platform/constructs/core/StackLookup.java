package com.acme.platform.constructs.core;

import com.hashicorp.cdktf.TerraformStack;
import java.util.List;
import java.util.Objects;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Finds a construct that serves a whole stack, such as its
 * {@link com.acme.platform.constructs.kms.EnvironmentKey}, so that the constructs of that stack use it by default
 * without every caller passing it along. Only constructs created before the lookup are found.
 */
public final class StackLookup {
  private StackLookup() {}

  /**
   * The one construct of a type in the stack of {@code scope}.
   *
   * @param <T> the construct type
   * @param scope any construct of the stack
   * @param type the construct type
   * @return the construct, or {@code null} when the stack has none
   * @throws IllegalStateException when the stack has more than one, so that the default would be a guess
   */
  public static <T extends Construct> T find(Construct scope, Class<T> type) {
    Objects.requireNonNull(scope, "scope");
    List<IConstruct> found = TerraformStack.of(scope).getNode().findAll().stream().filter(type::isInstance).toList();
    if (found.size() > 1) {
      throw new IllegalStateException("the stack has " + found.size() + " " + type.getSimpleName()
          + " constructs (" + found.stream().map(c -> c.getNode().getPath()).toList() + "); name the one to use"
          + " in the props instead of relying on the default");
    }
    return found.isEmpty() ? null : type.cast(found.get(0));
  }
}
