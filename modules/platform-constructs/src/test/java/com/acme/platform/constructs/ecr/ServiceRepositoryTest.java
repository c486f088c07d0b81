package com.acme.platform.constructs.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceRepositoryTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private Synth defaults;
  private Synth allOptions;

  @BeforeAll
  void synth() {
    defaults = Synth.stack(stack -> new ServiceRepository(stack, "Orders", "orders-api"));
    allOptions = Synth.stack(stack -> new ServiceRepository(stack, "Orders", allOptionsProps()));
  }

  private static ServiceRepositoryProps allOptionsProps() {
    return ServiceRepositoryProps.builder()
        .repositoryName("team/orders-api")
        .immutableTags(false)
        .scanOnPush(false)
        .keepLastImages(5)
        .untaggedExpiryDays(2)
        .kmsKeyArn("arn:aws:kms:eu-west-1:111111111111:key/abcd")
        .pullAccountIds(List.of("333333333333", "222222222222"))
        .build();
  }

  @Test
  void repository_defaults_immutableScannedAes256() {
    defaults.assertHasResourceWithProperties("aws_ecr_repository", Map.of(
        "name", "orders-api",
        "image_tag_mutability", "IMMUTABLE",
        "image_scanning_configuration", Map.of("scan_on_push", true),
        "encryption_configuration", List.of(Map.of("encryption_type", "AES256"))));
    assertThat(defaults.count("aws_ecr_repository_policy")).isZero();
  }

  @Test
  void lifecycle_defaults_expireUntaggedAfter7DaysAndKeepLast30() throws Exception {
    JsonNode policy = MAPPER.readTree(defaults.only("aws_ecr_lifecycle_policy").get("policy").asText());
    JsonNode rules = policy.get("rules");
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).get("selection").get("tagStatus").asText()).isEqualTo("untagged");
    assertThat(rules.get(0).get("selection").get("countNumber").asInt()).isEqualTo(7);
    assertThat(rules.get(1).get("selection").get("countType").asText()).isEqualTo("imageCountMoreThan");
    assertThat(rules.get(1).get("selection").get("countNumber").asInt()).isEqualTo(30);
  }

  @Test
  void repository_allOptions_mutableKmsAndCrossAccountPull() throws Exception {
    allOptions.assertHasResourceWithProperties("aws_ecr_repository", Map.of(
        "name", "team/orders-api",
        "image_tag_mutability", "MUTABLE",
        "image_scanning_configuration", Map.of("scan_on_push", false),
        "encryption_configuration", List.of(Map.of("encryption_type", "KMS",
            "kms_key", "arn:aws:kms:eu-west-1:111111111111:key/abcd"))));
    JsonNode policy = MAPPER.readTree(allOptions.only("aws_ecr_repository_policy").get("policy").asText());
    assertThat(policy.at("/Statement/0/Principal/AWS").toString())
        // Account ids, valid in every partition (IAM and the provider's policy comparison read them as :root).
        .isEqualTo("[\"222222222222\",\"333333333333\"]");
    JsonNode rules = MAPPER.readTree(allOptions.only("aws_ecr_lifecycle_policy").get("policy").asText()).get("rules");
    assertThat(rules.get(0).at("/selection/countNumber").asInt()).isEqualTo(2);
    assertThat(rules.get(1).at("/selection/countNumber").asInt()).isEqualTo(5);
  }

  @Test
  void repositoryUrl_computedFromAccountRegionName() {
    assertThat(ServiceRepository.repositoryUrl("111111111111", "eu-west-1", "orders-api"))
        .isEqualTo("111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders-api");
  }

  @Test
  void fails_missingName() {
    assertThatThrownBy(() -> ServiceRepositoryProps.builder().build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("ServiceRepositoryProps.repositoryName is required");
  }

  @Test
  void fails_uppercaseName() {
    assertThatThrownBy(() -> ServiceRepositoryProps.of("Orders"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ServiceRepositoryProps.repositoryName must be lowercase letters and digits,"
            + " separated by single '.', '_', '-' or '/', got \"Orders\"");
  }

  @Test
  void fails_everyProblemReportedTogether() {
    assertThatThrownBy(() -> ServiceRepositoryProps.builder().repositoryName("a").keepLastImages(0)
        .untaggedExpiryDays(0).kmsKeyArn("arn:aws:kms:eu-west-1:111111111111:alias/ecr")
        .pullAccountIds(List.of("123")).build())
        .isInstanceOfSatisfying(InvalidPropsException.class, e -> assertThat(e.getProblems()).extracting(p -> p.toString())
            .containsExactly(
                "repositoryName must be 2 to 256 characters long, got 1 (\"a\")",
                "keepLastImages must be between 1 and 10000, got 0",
                "untaggedExpiryDays must be between 1 and 3650, got 0",
                "kmsKeyArn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>); an alias ARN"
                    + " does not work here, got \"arn:aws:kms:eu-west-1:111111111111:alias/ecr\"",
                "pullAccountIds[0] must be a 12-digit AWS account id, got \"123\""));
  }

  @Test
  void toBuilder_unchanged_buildsEqualProps() {
    ServiceRepositoryProps props = allOptionsProps();
    assertThat(props.toBuilder().build()).isEqualTo(props).hasSameHashCodeAs(props);
  }

  @Test
  void toBuilder_modified_leavesOriginalUnchanged() {
    ServiceRepositoryProps props = ServiceRepositoryProps.of("orders-api");
    ServiceRepositoryProps copy = props.toBuilder().pullAccountIds(List.of("222222222222")).build();
    assertThat(copy.pullAccountIds()).containsExactly("222222222222");
    assertThat(props.pullAccountIds()).isEmpty();
    assertThat(copy).isNotEqualTo(props);
  }
}
