package com.acme.platform.app.stacks;

import com.acme.platform.app.config.EnvironmentConfig;
import com.acme.platform.app.config.EnvironmentConfig.RegistryConfig;
import com.acme.platform.app.config.PlatformConfig;
import com.acme.platform.constructs.ecr.ServiceRepository;
import com.acme.platform.constructs.ecr.ServiceRepositoryProps;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.constructs.Construct;

/**
 * The image registry all environments share: one ECR repository per service of any environment, in one stack or,
 * with {@code registry.layout} {@value EnvironmentConfig.RegistryConfig#PER_SERVICE}, in one stack per repository
 * ({@link #stacks}).
 *
 * <p>Images are built once and promoted between environments, so repositories are not per environment
 * (DESIGN.md section 4). Accounts of environments other than the registry's own get pull access. A repository's
 * construct id (and so its Terraform address) is the same in either layout, which is what lets the README's runbook
 * move its state from one layout to the other without replacing it.
 */
public final class RegistryStack extends PlatformStack {
  /** The stack name of the single layout, and the prefix of the per-service stacks' names. */
  public static final String NAME = "registry";

  /**
   * Builds one registry stack.
   *
   * @param scope the app
   * @param stackName the stack name: {@value #NAME}, or {@link #perServiceName} of its one repository
   * @param repositoryNames the repositories this stack holds (names from {@link #stacks})
   * @param registry where the registry lives
   * @param config every environment (all of them, so that a repository never disappears when one is synthesized)
   * @param errors where props problems are recorded
   */
  public RegistryStack(Construct scope, String stackName, List<String> repositoryNames, RegistryConfig registry,
      PlatformConfig config, ErrorSink errors) {
    super(scope, stackName, registry.region(), registry.accountId(), Map.of("environment", "shared"));
    List<String> pullAccounts = pullAccounts(registry, config);
    Map<String, Origin> origins = repositories(config);
    StackOutputs outputs = new StackOutputs(this);
    for (String name : repositoryNames) {
      ServiceRepository repository = errors.attempt(origins.get(name).props(), () -> new ServiceRepository(this,
          "Repo" + Names.pascal(name), repositoryProps(name, pullAccounts, registry.kmsKeyArn())));
      if (repository != null) {
        outputs.add("repository", name, "url", repository.getRepositoryUrl(),
            "ECR repository URL of service " + name + " (push images here)");
      }
    }
  }

  /**
   * The registry's stacks and the repositories each holds, in the order they are synthesized: {@value #NAME} with
   * every repository, or {@code registry-<service>} with its service's repository alone.
   *
   * @param registry the registry (its {@code layout} decides)
   * @param config every environment
   * @return stack name to repository names, sorted by name
   */
  public static Map<String, List<String>> stacks(RegistryConfig registry, PlatformConfig config) {
    List<String> names = List.copyOf(repositories(config).keySet());
    if (!registry.perService()) {
      return Map.of(NAME, names);
    }
    Map<String, List<String>> stacks = new TreeMap<>();
    names.forEach(name -> stacks.put(perServiceName(name), List.of(name)));
    return stacks;
  }

  /**
   * The stack name of one repository in the per-service layout.
   *
   * @param service the service (and repository) name
   * @return {@code registry-<service>}
   */
  public static String perServiceName(String service) {
    return NAME + "-" + service;
  }

  /**
   * The registry stack that holds a resource of a repository, by the repository's construct id (the first part of
   * the resource's Terraform name, {@code Repo<Service>_...}).
   *
   * @param registry the registry (its {@code layout} decides)
   * @param config every environment
   * @param address a Terraform address such as {@code aws_ecr_repository.RepoApi_D0F812D5}
   * @return the stack's name; {@value #NAME} when no stack's repository matches (in the single layout always)
   */
  public static String stackHolding(RegistryConfig registry, PlatformConfig config, String address) {
    String name = address.substring(address.indexOf('.') + 1);
    Map<String, List<String>> stacks = stacks(registry, config);
    for (Map.Entry<String, List<String>> stack : stacks.entrySet()) {
      for (String repository : stack.getValue()) {
        if (name.startsWith("Repo" + Names.pascal(repository) + "_")) {
          return stack.getKey();
        }
      }
    }
    return stacks.keySet().iterator().next();
  }

  /** The accounts of environments other than the registry's own: they get pull access. */
  static List<String> pullAccounts(RegistryConfig registry, PlatformConfig config) {
    return config.environments().stream().map(EnvironmentConfig::accountId)
        .filter(Objects::nonNull).filter(id -> !id.equals(registry.accountId())).distinct().sorted().toList();
  }

  /**
   * One repository per service name of any environment, with where the name was first seen.
   *
   * <p>Sorted by name, so the stack does not change when environments list services in another order.
   */
  static Map<String, Origin> repositories(PlatformConfig config) {
    Map<String, Origin> firstSeen = new TreeMap<>();
    for (EnvironmentConfig env : config.environments()) {
      for (int i = 0; i < env.services().size(); i++) {
        String name = env.services().get(i).name();
        if (name != null) {
          firstSeen.putIfAbsent(name, new Origin(PlatformConfig.fileOf(env), "services[" + i + "].name"));
        }
      }
    }
    return firstSeen;
  }

  static ServiceRepositoryProps repositoryProps(String name, List<String> pullAccounts, String kmsKeyArn) {
    return ServiceRepositoryProps.builder().repositoryName(name).pullAccountIds(pullAccounts).kmsKeyArn(kmsKeyArn)
        .build();
  }

  /**
   * Where a service name was first seen: problems of its repository are reported there.
   *
   * @param file the environment file
   * @param at the name's field path
   */
  record Origin(String file, String at) {
    PropsOrigin props() {
      return PropsOrigin.of(file, at).field("repositoryName", at);
    }
  }
}
