package com.acme.platform.constructs.ecr;

import com.acme.platform.constructs.core.JsonDocs;
import com.hashicorp.cdktf.providers.aws.ecr_lifecycle_policy.EcrLifecyclePolicy;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepository;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepositoryEncryptionConfiguration;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepositoryImageScanningConfiguration;
import com.hashicorp.cdktf.providers.aws.ecr_repository_policy.EcrRepositoryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import com.acme.platform.constructs.core.ConstructIds;
import com.acme.platform.constructs.core.PolicyStatement;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import software.constructs.Construct;

/**
 * An ECR repository for one service's images: immutable tags, scan on push, encryption and a lifecycle policy that
 * expires untagged images and keeps the last N.
 *
 * <p>Creates {@code aws_ecr_repository}, {@code aws_ecr_lifecycle_policy} and, when other accounts may pull,
 * {@code aws_ecr_repository_policy}.
 */
public final class ServiceRepository extends Construct {
  private final ServiceRepositoryProps props;
  private final EcrRepository repository;
  private final EcrLifecyclePolicy lifecyclePolicy;
  private final EcrRepositoryPolicy repositoryPolicy;

  /**
   * Creates the repository.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the repository's properties
   */
  public ServiceRepository(Construct scope, String id, ServiceRepositoryProps props) {
    super(scope, id);
    this.props = Objects.requireNonNull(props, "props");
    EcrRepositoryEncryptionConfiguration encryption = props.kmsKeyArn() == null
        ? EcrRepositoryEncryptionConfiguration.builder().encryptionType("AES256").build()
        : EcrRepositoryEncryptionConfiguration.builder().encryptionType("KMS").kmsKey(props.kmsKeyArn()).build();
    this.repository = EcrRepository.Builder.create(this, "Resource")
        .name(props.repositoryName())
        .imageTagMutability(props.immutableTags() ? "IMMUTABLE" : "MUTABLE")
        .imageScanningConfiguration(EcrRepositoryImageScanningConfiguration.builder()
            .scanOnPush(props.scanOnPush()).build())
        .encryptionConfiguration(List.of(encryption))
        .build();
    String repositoryRef = repository.getName();
    this.lifecyclePolicy = EcrLifecyclePolicy.Builder.create(this, "Lifecycle")
        .repository(repositoryRef)
        .policy(JsonDocs.toJson(lifecycleRules(props)))
        .build();
    this.repositoryPolicy = props.pullAccountIds().isEmpty() ? null
        : EcrRepositoryPolicy.Builder.create(this, "Policy")
            .repository(repositoryRef)
            .policy(JsonDocs.toJson(pullPolicy(props.pullAccountIds())))
            .build();
  }

  /**
   * Creates a repository with every default.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param repositoryName the repository name
   */
  public ServiceRepository(Construct scope, String id, String repositoryName) {
    this(scope, id, ServiceRepositoryProps.of(repositoryName));
  }

  /**
   * The URL of a repository computed from its account, region and name, without reading any state.
   *
   * <p>Stacks that run a service from a repository owned by another stack use this instead of a remote-state lookup,
   * so that every stack plans on its own (DESIGN.md section 4).
   *
   * @param accountId the 12-digit account that owns the repository
   * @param region the repository's region, for example {@code eu-west-1}
   * @param repositoryName the repository name
   * @return {@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME}
   */
  public static String repositoryUrl(String accountId, String region, String repositoryName) {
    return accountId + ".dkr.ecr." + region + ".amazonaws.com/" + repositoryName;
  }

  private static Map<String, Object> lifecycleRules(ServiceRepositoryProps props) {
    // Untagged images go first (priority 1) so that they never count against the tagged images kept by rule 2.
    Map<String, Object> untagged = Map.of(
        "rulePriority", 1,
        "description", "Expire untagged images after " + props.untaggedExpiryDays() + " days",
        "selection", Map.of("tagStatus", "untagged", "countType", "sinceImagePushed", "countUnit", "days",
            "countNumber", props.untaggedExpiryDays()),
        "action", Map.of("type", "expire"));
    Map<String, Object> keepLast = Map.of(
        "rulePriority", 2,
        "description", "Keep the last " + props.keepLastImages() + " images",
        "selection", Map.of("tagStatus", "any", "countType", "imageCountMoreThan",
            "countNumber", props.keepLastImages()),
        "action", Map.of("type", "expire"));
    return Map.of("rules", List.of(untagged, keepLast));
  }

  private static Map<String, Object> pullPolicy(List<String> accountIds) {
    // Account ids rather than root ARNs: IAM stores them as arn:<partition>:iam::<id>:root, the provider's policy
    // comparison treats both forms as equal (no perpetual diff), and an id holds in every partition (aws-cn,
    // aws-us-gov), where an arn:aws: principal would be rejected.
    List<String> principals = accountIds.stream().sorted().toList();
    return Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
        "Sid", "CrossAccountPull",
        "Effect", "Allow",
        "Principal", Map.of("AWS", principals),
        "Action", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"))));
  }

  /** What pulling an image needs on the repository itself. */
  static final List<String> PULL_ACTIONS = List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer");
  /** What pushing needs on top of pulling. */
  static final List<String> PUSH_ACTIONS = List.of("ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload",
      "ecr:PutImage", "ecr:UploadLayerPart");

  /**
   * Lets a role pull images from this repository: an inline policy on the role with the pull actions on this
   * repository, and {@code ecr:GetAuthorizationToken}, which IAM only grants on {@code *} (it is read-only).
   *
   * @param role a role in the same stack as this repository
   * @return the inline policy created
   * @throws IllegalArgumentException when the role is in another stack (grant through the repository policy's
   *     {@code pullAccountIds} instead)
   */
  public IamRolePolicy grantPull(IamRole role) {
    return grant("Pull", role, PULL_ACTIONS);
  }

  /**
   * Lets a role push (and pull) images: like {@link #grantPull(IamRole)} plus the layer upload and
   * {@code ecr:PutImage} actions on this repository.
   *
   * @param role a role in the same stack as this repository
   * @return the inline policy created
   * @throws IllegalArgumentException when the role is in another stack
   */
  public IamRolePolicy grantPush(IamRole role) {
    List<String> actions = new ArrayList<>(PULL_ACTIONS);
    actions.addAll(PUSH_ACTIONS);
    return grant("Push", role, actions);
  }

  private IamRolePolicy grant(String kind, IamRole role, List<String> actions) {
    Objects.requireNonNull(role, "role");
    String rolePath = role.getNode().getPath();
    if (TerraformStack.of(role) != TerraformStack.of(this)) {
      throw new IllegalArgumentException("ServiceRepository '" + getNode().getPath() + "'.grant" + kind
          + ": role '" + rolePath + "' is in another stack; grant across stacks or accounts with"
          + " ServiceRepositoryProps.pullAccountIds and a policy on the role's side");
    }
    // The id derives from the role's path, so granting another role never replaces this grant.
    return IamRolePolicy.Builder.create(this, ConstructIds.forValue(kind, rolePath))
        .namePrefix("ecr-" + kind.toLowerCase(java.util.Locale.ROOT) + "-")
        .role(role.getName())
        .policy(PolicyStatement.document(List.of(
            PolicyStatement.builder().sid("Repository").actions(actions).resources(List.of(getRepositoryArn()))
                .build(),
            PolicyStatement.builder().sid("AuthorizationToken").actions(List.of("ecr:GetAuthorizationToken"))
                .resources(List.of("*")).build())))
        .build();
  }

  /**
   * The props this repository was built from.
   *
   * @return the validated props
   */
  public ServiceRepositoryProps getProps() {
    return props;
  }

  /**
   * The underlying repository, for escape hatches such as {@code addOverride}.
   *
   * @return the {@code aws_ecr_repository} resource
   */
  public EcrRepository getRepository() {
    return repository;
  }

  /**
   * The lifecycle policy attached to the repository.
   *
   * @return the {@code aws_ecr_lifecycle_policy} resource
   */
  public EcrLifecyclePolicy getLifecyclePolicy() {
    return lifecyclePolicy;
  }

  /**
   * The cross-account pull policy, or {@code null} when {@code pullAccountIds} is empty.
   *
   * @return the {@code aws_ecr_repository_policy} resource, or {@code null}
   */
  public EcrRepositoryPolicy getRepositoryPolicy() {
    return repositoryPolicy;
  }

  /**
   * The repository name (a plain string, known at synth).
   *
   * @return the repository name
   */
  public String getRepositoryName() {
    return props.repositoryName();
  }

  /**
   * {@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME}; a token until apply.
   *
   * @return the repository URL, for image references
   */
  public String getRepositoryUrl() {
    return repository.getRepositoryUrl();
  }

  /**
   * The repository ARN; a token until apply.
   *
   * @return the repository ARN
   */
  public String getRepositoryArn() {
    return repository.getArn();
  }
}
