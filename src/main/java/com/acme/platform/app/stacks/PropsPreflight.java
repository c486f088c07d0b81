package com.acme.platform.app.stacks;

import com.acme.platform.app.config.ConfigError;
import com.acme.platform.app.config.EnvironmentConfig;
import com.acme.platform.app.config.EnvironmentConfig.ServiceConfig;
import com.acme.platform.app.config.FieldPaths;
import com.acme.platform.app.config.PlatformConfig;
import com.acme.platform.app.config.TaskDefinitionFile;
import com.acme.platform.constructs.alb.ListenerRules;
import com.acme.platform.constructs.alb.LoadBalancerRef;
import com.acme.platform.constructs.alb.ServiceRoutingProps;
import com.acme.platform.constructs.ecs.ClusterRef;
import com.acme.platform.constructs.network.VpcRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds every props object the stacks would be built from, without building a construct: no Terraform, no jsii
 * kernel, a few milliseconds. So every props problem of every file is found in the same run as the loader's
 * problems, and a run with bad input never starts the (slow) synthesis.
 *
 * <p>The props come from the same factories as the stacks ({@link EnvironmentProps}, {@link RegistryStack},
 * {@link StateBackends}), with placeholder references (tokens, which props never check) where a construct's
 * attributes would go. Listener rules of each load balancer go through {@link ListenerRules}, as in
 * {@code PlatformLoadBalancer}, so priority and host/path clashes name both services.
 *
 * <p>An entry whose input the loader already rejected is skipped, so that one mistake gives one message; its props
 * problems, if any, show once the loader's are fixed.
 */
public final class PropsPreflight {
  private static final String TOKEN = "${TfToken[TOKEN.preflight]}";
  /** A VPC as the stack's other constructs see it: ids are tokens until apply. */
  private static final VpcRef VPC = new VpcRef(TOKEN, "10.0.0.0/16", List.of(TOKEN, TOKEN), List.of(TOKEN, TOKEN));
  private static final LoadBalancerRef LOAD_BALANCER = new LoadBalancerRef(TOKEN, TOKEN, TOKEN, TOKEN, TOKEN);

  private final PlatformConfig config;
  private final Map<String, List<String>> rejected;
  private final ErrorSink sink = new ErrorSink();

  private PropsPreflight(PlatformConfig config, List<ConfigError> loaderErrors) {
    this.config = config;
    this.rejected = loaderErrors.stream().collect(Collectors.groupingBy(ConfigError::file,
        Collectors.mapping(ConfigError::field, Collectors.toList())));
  }

  /**
   * Checks the props of every stack.
   *
   * @param config what the loader read
   * @param loaderErrors the loader's problems; entries they concern are skipped
   * @return the props problems, each tied to its file and field
   */
  public static List<ConfigError> check(PlatformConfig config, List<ConfigError> loaderErrors) {
    PropsPreflight preflight = new PropsPreflight(config, loaderErrors);
    config.environments().forEach(preflight::environment);
    preflight.repositories();
    return preflight.sink.errors();
  }

  private void environment(EnvironmentConfig env) {
    EnvironmentProps inputs = new EnvironmentProps(env, config);
    String file = inputs.file();
    // The backend's own rules first, as the stack applies them; then the stricter rules of the bucket itself.
    if (clean(file, "stateBucket", "region") && sink.attempt(StateBackends.environmentOrigin(env),
        () -> StateBackends.environment(env)) != null) {
      sink.attempt(PropsOrigin.of(file, "stateBucket").field("bucketName", "stateBucket"),
          () -> StateBackends.bucket(env.stateBucket()));
    }
    if (clean(file, "registry") && sink.attempt(StateBackends.registryOrigin(env),
        () -> StateBackends.registry(env.registry())) != null) {
      sink.attempt(PropsOrigin.of(file, "registry.stateBucket").field("bucketName", "registry.stateBucket"),
          () -> StateBackends.bucket(env.registry().stateBucket()));
    }
    if (clean(file, "network")) {
      sink.attempt(inputs.vpcOrigin(), inputs::vpc);
    }
    for (int i = 0; i < env.clusters().size(); i++) {
      EnvironmentConfig.ClusterConfig c = env.clusters().get(i);
      if (clean(file, "clusters[" + i + "]")) {
        sink.attempt(inputs.clusterOrigin(i), () -> inputs.cluster(c, VPC));
      }
    }
    Set<String> loadBalancers = new HashSet<>();
    for (int i = 0; i < env.loadBalancers().size(); i++) {
      EnvironmentConfig.LoadBalancerConfig lb = env.loadBalancers().get(i);
      loadBalancers.add(lb.name());
      if (clean(file, "loadBalancers[" + i + "]")) {
        sink.attempt(inputs.loadBalancerOrigin(i), () -> inputs.loadBalancer(lb, VPC));
      }
    }
    Map<String, ListenerRules> rules = new HashMap<>();
    for (int i = 0; i < env.services().size(); i++) {
      ServiceConfig s = env.services().get(i);
      String at = "services[" + i + "]";
      if (s.routing() != null && loadBalancers.contains(s.routing().loadBalancer())
          && clean(file, at + ".name", at + ".routing")) {
        ServiceRoutingProps routing = sink.attempt(inputs.routingOrigin(i), () -> inputs.routing(s, LOAD_BALANCER));
        if (routing != null) {
          ListenerRules listener = rules.computeIfAbsent(s.routing().loadBalancer(), ListenerRules::new);
          sink.attempt(inputs.routingOrigin(i), () -> listener.add(s.name(), routing));
        }
      }
      if (clean(file, at, "region", "registry") && hasMainContainer(inputs, s)) {
        ClusterRef cluster = new ClusterRef(inputs.awsName(s.cluster()), TOKEN, TOKEN, TOKEN);
        sink.attempt(inputs.serviceOrigin(i, s), () -> inputs.service(s, cluster, s.routing() == null ? null : TOKEN));
      }
    }
  }

  private void repositories() {
    EnvironmentConfig first = config.environments().isEmpty() ? null : config.environments().get(0);
    boolean accountsClean = config.environments().stream()
        .allMatch(env -> clean(PlatformConfig.fileOf(env), "accountId"));
    if (first == null || first.registry() == null || !accountsClean
        || !clean(PlatformConfig.fileOf(first), "registry")) {
      return;
    }
    List<String> pullAccounts = RegistryStack.pullAccounts(first.registry(), config);
    RegistryStack.repositories(config).forEach((name, origin) -> {
      if (clean(origin.file(), origin.at())) {
        sink.attempt(origin.props(), () -> RegistryStack.repositoryProps(name, pullAccounts));
      }
    });
  }

  private boolean hasMainContainer(EnvironmentProps inputs, ServiceConfig s) {
    TaskDefinitionFile task = inputs.taskDefinition(s);
    return task != null && s.name() != null && task.mainContainerIndex(s.name()) >= 0;
  }

  /**
   * Whether the loader accepted everything a step reads: nothing it rejected in {@code file} lies at, inside or
   * around one of {@code paths}, nor at the environment's name, which every AWS name is built from.
   */
  private boolean clean(String file, String... paths) {
    List<String> fields = rejected.getOrDefault(file, List.of());
    for (String field : fields) {
      if (FieldPaths.related(field, "name")) {
        return false;
      }
      for (String path : paths) {
        if (FieldPaths.related(field, path)) {
          return false;
        }
      }
    }
    return true;
  }
}
