package com.acme.platform.constructs.state;

import com.acme.platform.constructs.core.Checks;
import java.util.regex.Pattern;

/**
 * The one place that decides where each stack's state lives inside the state bucket.
 *
 * <p>Layout: {@code <scope>/<stack>/terraform.tfstate}, where the scope is an environment name for per-environment
 * stacks and {@value #SHARED_SCOPE} for stacks shared by all environments (such as the image registry). One folder
 * per environment lets an IAM policy grant a pipeline exactly its environment's prefix.
 *
 * <p>Image repositories may instead keep one state per repository, at
 * {@code ecs/ecr-repositories/<repository>/terraform.tfstate} ({@link #repositoryKey(String)}): the layout of teams
 * whose repositories each live in a folder, and a state file, of their own.
 */
public final class StateKeyLayout {
  /** The scope of stacks that belong to no single environment. */
  public static final String SHARED_SCOPE = "shared";
  /** The file name at the end of every key, as Terraform names local state. */
  public static final String STATE_FILE = "terraform.tfstate";
  /** The prefix of the per-repository image registry states. */
  public static final String REPOSITORY_SCOPE = "ecs/ecr-repositories";
  private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private StateKeyLayout() {}

  /**
   * The state key of a stack.
   *
   * @param scope an environment name or {@link #SHARED_SCOPE}
   * @param stackName the stack name
   * @return {@code <scope>/<stackName>/terraform.tfstate}
   * @throws com.acme.platform.constructs.core.InvalidPropsException when a segment is not a lowercase name
   */
  public static String key(String scope, String stackName) {
    Checks checks = Checks.of("StateKeyLayout");
    String allowed = "1-63 lowercase letters, digits or '-', starting with a letter or digit";
    if (checks.required("scope", scope)) {
      checks.matches("scope", scope, SEGMENT, allowed);
    }
    if (checks.required("stackName", stackName)) {
      checks.matches("stackName", stackName, SEGMENT, allowed);
    }
    checks.throwIfAny();
    return scope + "/" + stackName + "/" + STATE_FILE;
  }

  /**
   * The state key of a stack shared by all environments.
   *
   * @param stackName the stack name
   * @return {@code shared/<stackName>/terraform.tfstate}
   */
  public static String sharedKey(String stackName) {
    return key(SHARED_SCOPE, stackName);
  }

  /**
   * The state key of a stack that holds one image repository.
   *
   * @param repositoryName the repository's name
   * @return {@code ecs/ecr-repositories/<repositoryName>/terraform.tfstate}
   * @throws com.acme.platform.constructs.core.InvalidPropsException when the name is not a lowercase name
   */
  public static String repositoryKey(String repositoryName) {
    Checks checks = Checks.of("StateKeyLayout");
    if (checks.required("repositoryName", repositoryName)) {
      checks.matches("repositoryName", repositoryName, SEGMENT,
          "1-63 lowercase letters, digits or '-', starting with a letter or digit");
    }
    checks.throwIfAny();
    return REPOSITORY_SCOPE + "/" + repositoryName + "/" + STATE_FILE;
  }
}
