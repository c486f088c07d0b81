package com.acme.platform.constructs.ecr;

import com.acme.platform.constructs.core.AwsPatterns;
import com.acme.platform.constructs.core.Checks;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Properties for {@link ServiceRepository}.
 *
 * <p>Create with {@link #builder()}; derive a modified copy with {@link #toBuilder()}. Instances are immutable
 * values: two props with equal values are equal.
 */
public final class ServiceRepositoryProps {

  /** ECR repository names: lowercase segments separated by '.', '_', '-' or '/'. */
  static final Pattern NAME = Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
  static final Pattern ACCOUNT_ID = AwsPatterns.ACCOUNT_ID;

  private final String repositoryName;
  private final Boolean immutableTags;
  private final Boolean scanOnPush;
  private final Integer keepLastImages;
  private final Integer untaggedExpiryDays;
  private final String kmsKeyArn;
  private final List<String> pullAccountIds;

  /**
   * Applies defaults and checks every value, reporting all problems at once (see {@link Builder#build()}).
   * The builder is read into locals named like the properties so that the defaults and checks read as rules
   * about the properties; the fields are assigned only once every check has passed.
   */
  private ServiceRepositoryProps(Builder builder) {
    String repositoryName = builder.repositoryName;
    Boolean immutableTags = builder.immutableTags;
    Boolean scanOnPush = builder.scanOnPush;
    Integer keepLastImages = builder.keepLastImages;
    Integer untaggedExpiryDays = builder.untaggedExpiryDays;
    String kmsKeyArn = builder.kmsKeyArn;
    List<String> pullAccountIds = builder.pullAccountIds;
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
    checks.kmsKeyArn("kmsKeyArn", kmsKeyArn);
    for (int i = 0; i < pullAccountIds.size(); i++) {
      checks.matches("pullAccountIds[" + i + "]", pullAccountIds.get(i), ACCOUNT_ID, "a 12-digit AWS account id");
    }
    checks.throwIfAny();
    this.repositoryName = repositoryName;
    this.immutableTags = immutableTags;
    this.scanOnPush = scanOnPush;
    this.keepLastImages = keepLastImages;
    this.untaggedExpiryDays = untaggedExpiryDays;
    this.kmsKeyArn = kmsKeyArn;
    this.pullAccountIds = pullAccountIds;
  }

  /**
   * {@return the repository name, for example {@code orders-api}} Required. 2-256 characters: lowercase letters,
   * digits, and {@code . _ - /} between them. See
   * <a href="https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html">CreateRepository</a>.
   */
  public String repositoryName() {
    return repositoryName;
  }

  /**
   * {@return whether a pushed tag can never be overwritten} Default: {@code true}.
   */
  public Boolean immutableTags() {
    return immutableTags;
  }

  /**
   * {@return whether each pushed image is scanned for vulnerabilities} Default: {@code true}.
   */
  public Boolean scanOnPush() {
    return scanOnPush;
  }

  /**
   * {@return how many images the lifecycle policy keeps; older ones expire} Default: {@code 30}.
   */
  public Integer keepLastImages() {
    return keepLastImages;
  }

  /**
   * {@return days after which untagged images expire} Default: {@code 7}.
   */
  public Integer untaggedExpiryDays() {
    return untaggedExpiryDays;
  }

  /**
   * {@return the ARN of a KMS key to encrypt images with} A key ARN, not an alias ARN: ECR reports the key's own ARN
   * back, so with an alias every plan would replace the repository and delete its images. Default: AES256 encryption
   * with an AWS-owned key.
   */
  public String kmsKeyArn() {
    return kmsKeyArn;
  }

  /**
   * {@return other AWS accounts allowed to pull images (cross-account pull policy)} Default: no repository policy,
   * only the owning account can pull.
   */
  public List<String> pullAccountIds() {
    return pullAccountIds;
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

  /**
   * A builder holding this object's values, defaults included, for a modified copy; this object is unchanged.
   *
   * @return a new builder; {@code toBuilder().build()} equals this object
   */
  public Builder toBuilder() {
    return builder()
        .repositoryName(repositoryName)
        .immutableTags(immutableTags)
        .scanOnPush(scanOnPush)
        .keepLastImages(keepLastImages)
        .untaggedExpiryDays(untaggedExpiryDays)
        .kmsKeyArn(kmsKeyArn)
        .pullAccountIds(pullAccountIds);
  }

  /**
   * Value equality over every property, as a record has.
   *
   * @param o the object to compare with
   * @return whether {@code o} is a {@code ServiceRepositoryProps} with equal values
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof ServiceRepositoryProps other
        && Objects.equals(repositoryName, other.repositoryName)
        && Objects.equals(immutableTags, other.immutableTags)
        && Objects.equals(scanOnPush, other.scanOnPush)
        && Objects.equals(keepLastImages, other.keepLastImages)
        && Objects.equals(untaggedExpiryDays, other.untaggedExpiryDays)
        && Objects.equals(kmsKeyArn, other.kmsKeyArn)
        && Objects.equals(pullAccountIds, other.pullAccountIds);
  }

  /**
   * A hash code over every property, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(repositoryName, immutableTags, scanOnPush, keepLastImages, untaggedExpiryDays, kmsKeyArn,
        pullAccountIds);
  }

  /**
   * Every property, in the form a record prints.
   *
   * @return for example {@code ServiceRepositoryProps[repositoryName=..., ...]}
   */
  @Override
  public String toString() {
    return "ServiceRepositoryProps[repositoryName=" + repositoryName + ", immutableTags=" + immutableTags
        + ", scanOnPush=" + scanOnPush + ", keepLastImages=" + keepLastImages
        + ", untaggedExpiryDays=" + untaggedExpiryDays + ", kmsKeyArn=" + kmsKeyArn
        + ", pullAccountIds=" + pullAccountIds + "]";
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
      return new ServiceRepositoryProps(this);
    }
  }
}
