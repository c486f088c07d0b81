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
import java.util.function.Supplier;
import software.constructs.Construct;

/**
 * Builds the platform's stacks into an app: the shared registry (one stack, or one per service repository, as
 * {@code registry.layout} says) plus one stack per selected environment, each with its S3 backend at the documented
 * key.
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
   * @return the stacks, the registry's first
   * @throws ConfigException with every props problem of every stack
   */
  public static List<BuiltStack> build(Construct app, PlatformConfig config, List<String> selected) {
    ErrorSink errors = new ErrorSink();
    List<BuiltStack> built = new ArrayList<>();
    EnvironmentConfig first = config.environments().get(0);
    EnvironmentConfig.RegistryConfig registry = first.registry();
    RegistryStack.stacks(registry, config).forEach((name, repositories) -> {
      RegistryStack stack = new RegistryStack(app, name, repositories, registry, config, errors);
      attach(errors, built, stack, name, StateBackends.registryOrigin(first), () -> registry.perService()
          ? StateBackends.repository(registry, repositories.get(0)) : StateBackends.registry(registry),
          PlatformConfig.fileOf(first), "registry.stateBucket");
    });
    for (EnvironmentConfig env : config.environments()) {
      if (!selected.isEmpty() && !selected.contains(env.name())) {
        continue;
      }
      String name = stackName(env.name());
      EnvironmentStack stack = new EnvironmentStack(app, name, env, config, errors);
      attach(errors, built, stack, name, StateBackends.environmentOrigin(env), () -> StateBackends.environment(env),
          PlatformConfig.fileOf(env), "stateBucket");
    }
    if (!errors.errors().isEmpty()) {
      throw new ConfigException(errors.errors());
    }
    return built;
  }

  /**
   * Attaches a stack's S3 backend and adds the stack to {@code built}; then checks the bucket's full S3 name rules
   * (backend-bootstrap creates the bucket with them), which tells the user before bootstrap does. Only a name the
   * backend accepted is checked again, so that one mistake gives one message.
   */
  private static void attach(ErrorSink errors, List<BuiltStack> built, TerraformStack stack, String name,
      PropsOrigin backendOrigin, Supplier<RemoteStateProps> backend, String file, String bucketField) {
    RemoteStateProps props = errors.attempt(backendOrigin, backend);
    if (props == null) {
      return;
    }
    RemoteState.attach(stack, props);
    built.add(new BuiltStack(name, props.key(), stack));
    errors.attempt(PropsOrigin.of(file, bucketField).field("bucketName", bucketField),
        () -> StateBackends.bucket(props.bucket()));
  }
}
