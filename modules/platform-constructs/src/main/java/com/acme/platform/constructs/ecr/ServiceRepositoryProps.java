package com.acme.platform.constructs.ecr;

import com.acme.platform.constructs.core.AwsPatterns;
import com.acme.platform.constructs.core.Checks;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Properties for {@link ServiceRepository}.
 *
 * @param repositoryName the repository name, for example {@code orders-api}. Required. 2-256 characters:
 *     lowercase letters, digits, and {@code . _ - /} between them. See
 *     <a href="https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html">CreateRepository</a>.
 * @param immutableTags whether a pushed tag can never be overwritten. Default: {@code true}.
 * @param scanOnPush whether each pushed image is scanned for vulnerabilities. Default: {@code true}.
 * @param keepLastImages how many images the lifecycle policy keeps; older ones expire. Default: {@code 30}.
 * @param untaggedExpiryDays days after which untagged images expire. Default: {@code 7}.
 * @param kmsKeyArn a KMS key to encrypt images with. Default: AES256 encryption with an AWS-owned key.
 * @param pullAccountIds other AWS accounts allowed to pull images (cross-account pull policy).
 *     Default: no repository policy, only the owning account can pull.
 */
public record ServiceRepositoryProps(
    String repositoryName,
    Boolean immutableTags,
    Boolean scanOnPush,
    Integer keepLastImages,
    Integer untaggedExpiryDays,
    String kmsKeyArn,
    List<String> pullAccountIds) {

  /** ECR repository names: lowercase segments separated by '.', '_', '-' or '/'. */
  static final Pattern NAME = Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
  static final Pattern ACCOUNT_ID = AwsPatterns.ACCOUNT_ID;
  static final Pattern KMS_KEY_ARN = AwsPatterns.KMS_KEY_ARN;

  /**
   * Applies defaults and checks every value; throws all problems at once.
   *
   * @param repositoryName see {@link ServiceRepositoryProps#repositoryName()}
   * @param immutableTags see {@link ServiceRepositoryProps#immutableTags()}
   * @param scanOnPush see {@link ServiceRepositoryProps#scanOnPush()}
   * @param keepLastImages see {@link ServiceRepositoryProps#keepLastImages()}
   * @param untaggedExpiryDays see {@link ServiceRepositoryProps#untaggedExpiryDays()}
   * @param kmsKeyArn see {@link ServiceRepositoryProps#kmsKeyArn()}
   * @param pullAccountIds see {@link ServiceRepositoryProps#pullAccountIds()}
   * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing or invalid;
   *     it lists every problem, not only the first
   */
  public ServiceRepositoryProps {
    immutableTags = immutableTags != null ? immutableTags : true;
    scanOnPush = scanOnPush != null ? scanOnPush : true;
    keepLastImages = keepLastImages != null ? keepLastImages : 30;
    untaggedExpiryDays = untaggedExpiryDays != null ? untaggedExpiryDays : 7;
    pullAccountIds = pullAccountIds != null ? List.copyOf(pullAccountIds) : List.of();
    Checks checks = Checks.of("ServiceRepositoryProps");
    if (checks.required("repositoryName", repositoryName)) {
      checks.check(Checks.isToken(repositoryName) || repositoryName.length() >= 2 && repositoryName.length() <= 256,
          "repositoryName", "must be 2 to 256 characters long, got " + repositoryName.length()
              + " (" + Checks.quote(repositoryName) + ")");
      checks.matches("repositoryName", repositoryName, NAME,
          "lowercase letters and digits, separated by single '.', '_', '-' or '/'");
    }
    checks.between("keepLastImages", keepLastImages, 1, 10_000);
    checks.between("untaggedExpiryDays", untaggedExpiryDays, 1, 3650);
    checks.matches("kmsKeyArn", kmsKeyArn, KMS_KEY_ARN, "a KMS key or alias ARN (arn:aws:kms:<region>:<account>:key/<id>)");
    for (int i = 0; i < pullAccountIds.size(); i++) {
      checks.matches("pullAccountIds[" + i + "]", pullAccountIds.get(i), ACCOUNT_ID, "a 12-digit AWS account id");
    }
    checks.throwIfAny();
  }

  /**
   * Props with only the required name and every default.
   *
   * @param repositoryName the repository name
   * @return the props
   */
  public static ServiceRepositoryProps of(String repositoryName) {
    return builder().repositoryName(repositoryName).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ServiceRepositoryProps}. */
  public static final class Builder {
    private String repositoryName;
    private Boolean immutableTags;
    private Boolean scanOnPush;
    private Integer keepLastImages;
    private Integer untaggedExpiryDays;
    private String kmsKeyArn;
    private List<String> pullAccountIds;

    private Builder() {}

    /**
     * Sets {@link ServiceRepositoryProps#repositoryName()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder repositoryName(String v) { this.repositoryName = v; return this; }
    /**
     * Sets {@link ServiceRepositoryProps#immutableTags()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder immutableTags(Boolean v) { this.immutableTags = v; return this; }
    /**
     * Sets {@link ServiceRepositoryProps#scanOnPush()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder scanOnPush(Boolean v) { this.scanOnPush = v; return this; }
    /**
     * Sets {@link ServiceRepositoryProps#keepLastImages()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder keepLastImages(Integer v) { this.keepLastImages = v; return this; }
    /**
     * Sets {@link ServiceRepositoryProps#untaggedExpiryDays()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder untaggedExpiryDays(Integer v) { this.untaggedExpiryDays = v; return this; }
    /**
     * Sets {@link ServiceRepositoryProps#kmsKeyArn()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder kmsKeyArn(String v) { this.kmsKeyArn = v; return this; }
    /**
     * Sets {@link ServiceRepositoryProps#pullAccountIds()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder pullAccountIds(List<String> v) { this.pullAccountIds = v; return this; }

    /**
     * Builds the props, applying defaults and checking every value.
     *
     * @return the validated props
     * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing or invalid;
     *     it lists every problem, not only the first
     */
    public ServiceRepositoryProps build() {
      return new ServiceRepositoryProps(repositoryName, immutableTags, scanOnPush, keepLastImages,
          untaggedExpiryDays, kmsKeyArn, pullAccountIds);
    }
  }
}
