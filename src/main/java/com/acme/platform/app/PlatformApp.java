package com.acme.platform.app;

import com.acme.platform.app.config.ConfigException;
import com.acme.platform.app.config.EnvironmentConfig;
import com.acme.platform.app.config.PlatformConfig;
import com.acme.platform.app.stacks.EnvironmentStack;
import com.acme.platform.app.stacks.ErrorSink;
import com.acme.platform.app.stacks.PropsOrigin;
import com.acme.platform.app.stacks.RegistryStack;
import com.acme.platform.app.stacks.StateBackends;
import com.acme.platform.constructs.state.RemoteState;
import com.acme.platform.constructs.state.RemoteStateProps;
import com.hashicorp.cdktf.TerraformStack;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * Builds the platform's stacks into an app: the shared registry stack plus one stack per selected environment, each
 * with its S3 backend at the documented key.
 */
public final class PlatformApp {
  /** The stack segment of every environment stack's state key. */
  public static final String ENVIRONMENT_STACK = StateBackends.ENVIRONMENT_STACK;

  private PlatformApp() {}

  /**
   * What was built for one stack.
   *
   * @param stackName the stack (and {@code cdktf.out/stacks/} folder) name
   * @param stateKey the key of its state in the state bucket
   * @param stack the stack
   */
  public record BuiltStack(String stackName, String stateKey, TerraformStack stack) {}

  /**
   * The stack name of an environment.
   *
   * @param environment the environment name
   * @return {@code platform-<environment>}
   */
  public static String stackName(String environment) {
    return ENVIRONMENT_STACK + "-" + environment;
  }

  /**
   * Adds the stacks for {@code selected} environments (all when empty) to {@code app}.
   *
   * @param app the cdktf app (or any scope)
   * @param config the loaded configuration
   * @param selected environment names; empty for all
   * @return the stacks, registry first
   * @throws ConfigException with every props problem of every stack
   */
  public static List<BuiltStack> build(Construct app, PlatformConfig config, List<String> selected) {
    ErrorSink errors = new ErrorSink();
    List<BuiltStack> built = new ArrayList<>();
    EnvironmentConfig first = config.environments().get(0);
    EnvironmentConfig.RegistryConfig registry = first.registry();
    RegistryStack registryStack = new RegistryStack(app, registry, config, errors);
    BuiltStack registryBuilt = errors.attempt(StateBackends.registryOrigin(first), () -> attach(registryStack,
        RegistryStack.NAME, StateBackends.registry(registry)));
    // Then the bucket's full S3 name rules (backend-bootstrap creates it with them), which tell the user before
    // bootstrap does; only for a name the backend accepted, so that one mistake gives one message.
    if (registryBuilt != null) {
      built.add(registryBuilt);
      errors.attempt(PropsOrigin.of(PlatformConfig.fileOf(first), "registry.stateBucket")
          .field("bucketName", "registry.stateBucket"), () -> StateBackends.bucket(registry.stateBucket()));
    }
    for (EnvironmentConfig env : config.environments()) {
      if (!selected.isEmpty() && !selected.contains(env.name())) {
        continue;
      }
      String name = stackName(env.name());
      EnvironmentStack stack = new EnvironmentStack(app, name, env, config, errors);
      BuiltStack environmentBuilt = errors.attempt(StateBackends.environmentOrigin(env), () -> attach(stack, name,
          StateBackends.environment(env)));
      if (environmentBuilt != null) {
        built.add(environmentBuilt);
        errors.attempt(PropsOrigin.of(PlatformConfig.fileOf(env), "stateBucket").field("bucketName", "stateBucket"),
            () -> StateBackends.bucket(env.stateBucket()));
      }
    }
    if (!errors.errors().isEmpty()) {
      throw new ConfigException(errors.errors());
    }
    return built;
  }

  private static BuiltStack attach(TerraformStack stack, String name, RemoteStateProps backend) {
    RemoteState.attach(stack, backend);
    return new BuiltStack(name, backend.key(), stack);
  }
}
