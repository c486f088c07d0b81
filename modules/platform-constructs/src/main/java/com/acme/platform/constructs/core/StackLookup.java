package com.acme.platform.constructs.core;

import com.hashicorp.cdktf.TerraformStack;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import software.constructs.Construct;

/**
 * Finds a construct that serves a whole stack, such as its
 * {@link com.acme.platform.constructs.kms.EnvironmentKey}, so that the constructs of that stack use it by default
 * without every caller passing it along. A construct that wants to be found calls {@link #register} in its
 * constructor; only constructs registered before the lookup are found.
 *
 * <p>Why a register and not a search of the construct tree: the tree lives in jsii's Node.js process, and a search
 * returns every construct of the stack across the process boundary (a hundred or more objects per lookup, for every
 * log group or load balancer that looks up its default key). The register holds its constructs weakly and is keyed
 * by the stack object, which jsii keeps identical for the life of the stack.
 */
public final class StackLookup {
  private static final Map<TerraformStack, List<WeakReference<Construct>>> REGISTERED = new WeakHashMap<>();

  private StackLookup() {}

  /**
   * Makes a construct findable by {@link #find} in its stack.
   *
   * @param construct the construct, usually {@code this} at the end of its constructor
   */
  public static void register(Construct construct) {
    Objects.requireNonNull(construct, "construct");
    TerraformStack stack = TerraformStack.of(construct);
    synchronized (REGISTERED) {
      REGISTERED.computeIfAbsent(stack, s -> new ArrayList<>()).add(new WeakReference<>(construct));
    }
  }

  /**
   * The one registered construct of a type in the stack of {@code scope}.
   *
   * @param <T> the construct type
   * @param scope any construct of the stack
   * @param type the construct type
   * @return the construct, or {@code null} when the stack has none
   * @throws IllegalStateException when the stack has more than one, so that the default would be a guess
   */
  public static <T extends Construct> T find(Construct scope, Class<T> type) {
    Objects.requireNonNull(scope, "scope");
    TerraformStack stack = TerraformStack.of(scope);
    List<Construct> found = new ArrayList<>();
    synchronized (REGISTERED) {
      for (WeakReference<Construct> reference : REGISTERED.getOrDefault(stack, List.of())) {
        Construct construct = reference.get();
        if (type.isInstance(construct)) {
          found.add(construct);
        }
      }
    }
    if (found.size() > 1) {
      throw new IllegalStateException("the stack has " + found.size() + " " + type.getSimpleName()
          + " constructs (" + found.stream().map(c -> c.getNode().getPath()).toList() + "); name the one to use"
          + " in the props instead of relying on the default");
    }
    return found.isEmpty() ? null : type.cast(found.get(0));
  }
}
