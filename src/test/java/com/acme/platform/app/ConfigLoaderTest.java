package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.app.config.ConfigException;
import com.acme.platform.app.config.ConfigLoader;
import com.acme.platform.app.config.EnvironmentConfig;
import com.acme.platform.app.config.PlatformConfig;
import com.acme.platform.app.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
  @TempDir
  Path tmp;

  @Test
  void load_repository_bothEnvironmentsAndEveryTaskDefinition() {
    PlatformConfig config = new ConfigLoader(Repo.root()).load();
    assertThat(config.environments()).extracting(EnvironmentConfig::name).containsExactly("production", "staging");
    assertThat(config.taskDefinitions()).containsOnlyKeys("admin", "api", "web", "worker");
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void load_environment_fourServicesOnTwoClusters(String name) {
    EnvironmentConfig env = load(name);
    assertThat(env.services()).extracting(EnvironmentConfig.ServiceConfig::name)
        .containsExactly("web", "api", "admin", "worker");
    assertThat(env.clusters()).extracting(EnvironmentConfig.ClusterConfig::name).containsExactly("apps", "workers");
    assertThat(env.services().stream().filter(s -> s.routing() != null).count()).isEqualTo(3);
  }

  @Test
  void load_production_largerThanStagingWithDeletionProtection() {
    EnvironmentConfig staging = load("staging");
    EnvironmentConfig production = load("production");
    assertThat(production.clusters().get(0).maxSize()).isGreaterThan(staging.clusters().get(0).maxSize());
    assertThat(production.services().get(0).minCapacity()).isGreaterThan(staging.services().get(0).minCapacity());
    assertThat(production.loadBalancers().get(0).deletionProtection()).isTrue();
    assertThat(staging.loadBalancers().get(0).deletionProtection()).isFalse();
  }

  @Test
  void fails_unknownKeyNamesFileFieldAndAllowedKeys() throws IOException {
    Path repo = Repo.copyInputs(tmp);
    replace(repo.resolve("environments/staging.json"), "\"natGateways\"", "\"natGateway\"");
    assertThatThrownBy(() -> new ConfigLoader(repo).load())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environments/staging.json: network.natGateway: unknown field 'natGateway' (line ")
        .hasMessageContaining("allowed fields: [availabilityZones, cidr, flowLogRetentionDays, flowLogs, natGateways]");
  }

  @Test
  void fails_duplicateKeyWithLineAndColumn() throws IOException {
    Path repo = Repo.copyInputs(tmp);
    replace(repo.resolve("environments/staging.json"), "\"region\": \"eu-west-1\",",
        "\"region\": \"eu-west-1\", \"region\": \"eu-west-2\",");
    assertThatThrownBy(() -> new ConfigLoader(repo).load())
        .hasMessageContaining("environments/staging.json: duplicate key 'region' (line 4, column ");
  }

  @Test
  void fails_wrongTypeSaysWhatWasExpected() throws IOException {
    Path repo = Repo.copyInputs(tmp);
    replace(repo.resolve("environments/production.json"), "\"minSize\": 3", "\"minSize\": \"3\"");
    assertThatThrownBy(() -> new ConfigLoader(repo).load())
        .hasMessageContaining("environments/production.json: clusters[0].minSize: expected a whole number, got \"3\""
            + " (line 24, column ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("java.", "Exception"));
  }

  @Test
  void fails_nameDiffersFromFileName() throws IOException {
    Path repo = Repo.copyInputs(tmp);
    Files.move(repo.resolve("environments/staging.json"), repo.resolve("environments/qa.json"));
    assertThatThrownBy(() -> new ConfigLoader(repo).load())
        .hasMessageContaining("environments/qa.json: name: must equal the file name \"qa\", got \"staging\"");
  }

  @Test
  void fails_unknownClusterAndMissingTaskDefinitionReportedTogether() throws IOException {
    Path repo = Repo.copyInputs(tmp);
    replace(repo.resolve("environments/staging.json"), "\"cluster\": \"workers\"", "\"cluster\": \"batch\"");
    Files.delete(repo.resolve("task-definitions/admin.json"));
    assertThatThrownBy(() -> new ConfigLoader(repo).load())
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getErrors()).extracting(Object::toString)
            .containsExactly(
                "environments/production.json: services[2].name: has no task definition file"
                    + " task-definitions/admin.json",
                "environments/staging.json: services[2].name: has no task definition file"
                    + " task-definitions/admin.json",
                "environments/staging.json: services[3].cluster: must name a cluster of this file [apps, workers],"
                    + " got \"batch\""));
  }

  @Test
  void fails_imageOfServiceContainerSetInTaskDefinition() throws IOException {
    Path repo = Repo.copyInputs(tmp);
    replace(repo.resolve("task-definitions/web.json"), "\"name\": \"web\",",
        "\"name\": \"web\", \"image\": \"nginx:latest\",");
    assertThatThrownBy(() -> new ConfigLoader(repo).load())
        .hasMessageContaining("environments/staging.json: services[0].name: task-definitions/web.json sets \"image\""
            + " on container \"web\"; remove it: the platform sets it from the service's ECR repository and"
            + " imageTag");
  }

  @Test
  void fails_malformedJsonWithLineAndColumn() throws IOException {
    Path repo = Repo.copyInputs(tmp);
    Files.writeString(repo.resolve("task-definitions/worker.json"), "[\n  { \"name\": \"worker\" \n]\n");
    assertThatThrownBy(() -> new ConfigLoader(repo).load())
        .hasMessageContaining("task-definitions/worker.json: malformed JSON (line 3, column ");
  }

  @Test
  void fails_registriesDiffer() throws IOException {
    Path repo = Repo.copyInputs(tmp);
    replace(repo.resolve("environments/staging.json"), "\"accountId\": \"200000000001\"",
        "\"accountId\": \"200000000002\"");
    assertThatThrownBy(() -> new ConfigLoader(repo).load())
        .hasMessageContaining("environments/staging.json: registry: must equal the registry of"
            + " environments/production.json (every environment shares one image registry)");
  }

  private static EnvironmentConfig load(String name) {
    return new ConfigLoader(Repo.root()).load().environments().stream().filter(e -> e.name().equals(name))
        .findFirst().orElseThrow();
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }
}
