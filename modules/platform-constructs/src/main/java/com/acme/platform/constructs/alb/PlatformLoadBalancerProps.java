package com.acme.platform.constructs.alb;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.Ipv4Cidr;
import com.acme.platform.constructs.network.VpcRef;
import com.acme.platform.constructs.s3.BucketBaseline;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Properties for {@link PlatformLoadBalancer}.
 *
 * <p>Create with {@link #builder()}; derive a modified copy with {@link #toBuilder()}. Instances are immutable
 * values: two props with equal values are equal.
 */
public final class PlatformLoadBalancerProps {

  /** The security policies {@link #sslPolicy()} accepts: all negotiate TLS 1.2 or newer only. */
  public static final List<String> ALLOWED_SSL_POLICIES = List.of(
      "ELBSecurityPolicy-TLS13-1-2-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
      "ELBSecurityPolicy-TLS13-1-3-2021-06",
      "ELBSecurityPolicy-TLS-1-2-2017-01",
      "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
      "ELBSecurityPolicy-FS-1-2-Res-2020-10");

  /** The security policy used when {@link #sslPolicy()} is not given. */
  public static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

  /** The desync mitigation modes {@link #desyncMitigationMode()} accepts (not {@code monitor}). */
  public static final List<String> DESYNC_MITIGATION_MODES = List.of("defensive", "strictest");

  /** Load balancer and target group names: letters, digits and hyphens, no hyphen at either end. */
  static final Pattern ELB_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
  static final Pattern ACM_CERTIFICATE_ARN =
      Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/.+");

  private final String name;
  private final VpcRef vpc;
  private final Boolean internal;
  private final String certificateArn;
  private final String sslPolicy;
  private final Boolean deletionProtection;
  private final Integer idleTimeoutSeconds;
  private final List<String> ingressCidrs;
  private final String desyncMitigationMode;
  private final Boolean accessLogs;
  private final String accessLogBucket;

  /**
   * Applies defaults and checks every value, reporting all problems at once (see {@link Builder#build()}).
   * The builder is read into locals named like the properties so that the defaults and checks read as rules
   * about the properties; the fields are assigned only once every check has passed.
   */
  private PlatformLoadBalancerProps(Builder builder) {
    String name = builder.name;
    VpcRef vpc = builder.vpc;
    Boolean internal = builder.internal;
    String certificateArn = builder.certificateArn;
    String sslPolicy = builder.sslPolicy;
    Boolean deletionProtection = builder.deletionProtection;
    Integer idleTimeoutSeconds = builder.idleTimeoutSeconds;
    List<String> ingressCidrs = builder.ingressCidrs;
    String desyncMitigationMode = builder.desyncMitigationMode != null ? builder.desyncMitigationMode : "defensive";
    Boolean accessLogs = builder.accessLogs != null ? builder.accessLogs : true;
    String accessLogBucket = builder.accessLogBucket;
    internal = internal != null ? internal : false;
    sslPolicy = sslPolicy != null ? sslPolicy : DEFAULT_SSL_POLICY;
    deletionProtection = deletionProtection != null ? deletionProtection : false;
    idleTimeoutSeconds = idleTimeoutSeconds != null ? idleTimeoutSeconds : 60;
    Checks checks = Checks.of("PlatformLoadBalancerProps");
    // Only an internet-facing load balancer is open to the internet by default; an internal one to its VPC.
    ingressCidrs = ingressCidrs != null ? copyWithoutNulls(ingressCidrs, "ingressCidrs", checks)
        : internal && vpc != null ? List.of(vpc.cidrBlock()) : List.of("0.0.0.0/0");

    if (checks.required("name", name)) {
      checkElbName(checks, "name", name);
      checks.check(Checks.isToken(name) || !name.startsWith("internal-"), "name",
          "must not begin with \"internal-\", got " + Checks.quote(name));
      checks.check(Checks.isToken(name) || !name.toLowerCase(java.util.Locale.ROOT).startsWith("sg-"), "name",
          "must not begin with \"sg-\" because the security group name starts with the load balancer name and EC2"
              + " reserves that prefix, got " + Checks.quote(name));
    }
    if (checks.required("vpc", vpc)) {
      String field = internal ? "vpc.privateSubnetIds" : "vpc.publicSubnetIds";
      List<String> subnets = internal ? vpc.privateSubnetIds() : vpc.publicSubnetIds();
      checks.check(subnets.size() >= 2, field, "must have at least 2 entries for "
          + (internal ? "an internal" : "an internet-facing")
          + " load balancer (subnets in two Availability Zones), got " + subnets.size());
    }
    checks.matches("certificateArn", certificateArn, ACM_CERTIFICATE_ARN,
        "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)");
    checks.oneOf("sslPolicy", sslPolicy, ALLOWED_SSL_POLICIES);
    checks.between("idleTimeoutSeconds", idleTimeoutSeconds, 1, 4000);
    checks.check(!ingressCidrs.isEmpty(), "ingressCidrs",
        "must have at least one entry (an empty list would admit no client), got none");
    for (int i = 0; i < ingressCidrs.size(); i++) {
      String cidr = ingressCidrs.get(i);
      checks.check(Checks.isToken(cidr) || isIpv4NetworkCidr(cidr), "ingressCidrs[" + i + "]",
          "must be an IPv4 CIDR block in network form such as 10.0.0.0/16, got " + Checks.quote(cidr));
      int first = ingressCidrs.indexOf(cidr);
      checks.check(first == i, "ingressCidrs[" + i + "]",
          "duplicates ingressCidrs[" + first + "], got " + Checks.quote(cidr));
    }
    checks.oneOf("desyncMitigationMode", desyncMitigationMode, DESYNC_MITIGATION_MODES);
    if (accessLogs) {
      if (accessLogBucket != null) {
        BucketBaseline.checkBucketName(checks, "accessLogBucket", accessLogBucket);
      }
    } else {
      checks.check(accessLogBucket == null, "accessLogs",
          "is false, so accessLogBucket has nothing to configure; remove it or turn access logs on");
    }
    checks.throwIfAny();
    this.name = name;
    this.vpc = vpc;
    this.internal = internal;
    this.certificateArn = certificateArn;
    this.sslPolicy = sslPolicy;
    this.deletionProtection = deletionProtection;
    this.idleTimeoutSeconds = idleTimeoutSeconds;
    this.ingressCidrs = ingressCidrs;
    this.desyncMitigationMode = desyncMitigationMode;
    this.accessLogs = accessLogs;
    this.accessLogBucket = accessLogBucket;
  }

  /**
   * {@return the load balancer name, for example {@code orders-public}} Required. 1-32 characters: letters, digits
   * and hyphens; must not begin or end with a hyphen and must not begin with {@code internal-}. See
   * <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html">CreateLoadBalancer</a>.
   */
  public String name() {
    return name;
  }

  /**
   * {@return the VPC the load balancer runs in} Required. An internet-facing load balancer is placed in
   * {@link VpcRef#publicSubnetIds()}, an internal one in {@link VpcRef#privateSubnetIds()}; the chosen list must hold
   * at least two subnets (one per Availability Zone).
   */
  public VpcRef vpc() {
    return vpc;
  }

  /**
   * {@return whether the load balancer is internal (private addresses only) rather than internet-facing} Default:
   * {@code false}, an internet-facing load balancer in the public subnets.
   */
  public Boolean internal() {
    return internal;
  }

  /**
   * {@return the ACM certificate for the HTTPS listener, for example
   * {@code arn:aws:acm:eu-west-1:111111111111:certificate/abcd}} Default: no certificate, the load balancer serves
   * plain HTTP on port 80 only. When set, port 80 redirects to HTTPS on port 443.
   */
  public String certificateArn() {
    return certificateArn;
  }

  /**
   * {@return the security policy of the HTTPS listener; one of {@link #ALLOWED_SSL_POLICIES} (TLS 1.2 or newer)}
   * Ignored without a certificate. Default: {@code ELBSecurityPolicy-TLS13-1-2-2021-06} (TLS 1.3 and 1.2). See
   * <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html">Security
   * policies</a>.
   */
  public String sslPolicy() {
    return sslPolicy;
  }

  /**
   * {@return whether AWS refuses to delete the load balancer until protection is turned off} Default: {@code false},
   * the load balancer can be destroyed.
   */
  public Boolean deletionProtection() {
    return deletionProtection;
  }

  /**
   * {@return seconds a connection may stay idle before the load balancer closes it; 1-4000} Default: {@code 60}.
   */
  public Integer idleTimeoutSeconds() {
    return idleTimeoutSeconds;
  }

  /**
   * {@return IPv4 CIDR blocks allowed to connect on port 80 (and 443 with a certificate); at least one, no
   * duplicates, each in network form such as {@code 10.0.0.0/16}} Default: {@code ["0.0.0.0/0"]}, anyone, for an
   * internet-facing load balancer; the VPC's CIDR block for an internal one.
   */
  public List<String> ingressCidrs() {
    return ingressCidrs;
  }

  /**
   * {@return how the load balancer treats requests that could desynchronize it from its targets (HTTP request
   * smuggling): {@code defensive} or {@code strictest}} {@code monitor} is refused (checkov CKV_AWS_328). Default:
   * {@code defensive}. See <a
   * href="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode">Desync
   * mitigation mode</a>.
   */
  public String desyncMitigationMode() {
    return desyncMitigationMode;
  }

  /**
   * {@return whether the load balancer writes access logs to S3 (checkov CKV_AWS_91)} Default: {@code true}: to
   * {@link #accessLogBucket()}, or else to the stack's {@link com.acme.platform.constructs.s3.AccessLogBucket}; with
   * neither, no access logs are written. Turn them off only where something else records the requests.
   */
  public Boolean accessLogs() {
    return accessLogs;
  }

  /**
   * {@return the bucket the access logs go to, under the prefix {@code <name>/}} The bucket must be in the load
   * balancer's region and let the region's log delivery write (as
   * {@link com.acme.platform.constructs.s3.AccessLogBucket} does). Default: the stack's
   * {@link com.acme.platform.constructs.s3.AccessLogBucket}.
   */
  public String accessLogBucket() {
    return accessLogBucket;
  }

  /**
   * Checks an Elastic Load Balancing name (load balancer or target group): 1-32 characters, letters, digits and
   * hyphens, no hyphen at either end. Tokens are not checked.
   */
  static void checkElbName(Checks checks, String field, String value) {
    if (Checks.isToken(value)) {
      return;
    }
    checks.check(value.length() <= 32, field,
        "must be 1 to 32 characters long, got " + value.length() + " (" + Checks.quote(value) + ")");
    checks.matches(field, value, ELB_NAME, "letters, digits and hyphens, not beginning or ending with a hyphen");
  }

  /** Copies a list, recording a problem for each {@code null} element instead of failing with a bare NPE. */
  static List<String> copyWithoutNulls(List<String> values, String field, Checks checks) {
    List<String> copy = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (checks.required(field + "[" + i + "]", value)) {
        copy.add(value);
      }
    }
    return List.copyOf(copy);
  }

  /** Whether {@code value} is {@code a.b.c.d/n} with no address bits beyond the prefix. */
  static boolean isIpv4NetworkCidr(String value) {
    Ipv4Cidr cidr = Ipv4Cidr.parse(value);
    return cidr != null && cidr.isNetworkAddress();
  }

  /**
   * Props with only the required values and every default: an internet-facing, HTTP-only load balancer.
   *
   * @param name the load balancer name
   * @param vpc the VPC
   * @return the props
   */
  public static PlatformLoadBalancerProps of(String name, VpcRef vpc) {
    return builder().name(name).vpc(vpc).build();
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
        .name(name)
        .vpc(vpc)
        .internal(internal)
        .certificateArn(certificateArn)
        .sslPolicy(sslPolicy)
        .deletionProtection(deletionProtection)
        .idleTimeoutSeconds(idleTimeoutSeconds)
        .ingressCidrs(ingressCidrs)
        .desyncMitigationMode(desyncMitigationMode)
        .accessLogs(accessLogs)
        .accessLogBucket(accessLogBucket);
  }

  /**
   * Value equality over every property, as a record has.
   *
   * @param o the object to compare with
   * @return whether {@code o} is a {@code PlatformLoadBalancerProps} with equal values
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof PlatformLoadBalancerProps other
        && Objects.equals(name, other.name)
        && Objects.equals(vpc, other.vpc)
        && Objects.equals(internal, other.internal)
        && Objects.equals(certificateArn, other.certificateArn)
        && Objects.equals(sslPolicy, other.sslPolicy)
        && Objects.equals(deletionProtection, other.deletionProtection)
        && Objects.equals(idleTimeoutSeconds, other.idleTimeoutSeconds)
        && Objects.equals(ingressCidrs, other.ingressCidrs)
        && Objects.equals(desyncMitigationMode, other.desyncMitigationMode)
        && Objects.equals(accessLogs, other.accessLogs)
        && Objects.equals(accessLogBucket, other.accessLogBucket);
  }

  /**
   * A hash code over every property, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(name, vpc, internal, certificateArn, sslPolicy, deletionProtection, idleTimeoutSeconds,
        ingressCidrs, desyncMitigationMode, accessLogs, accessLogBucket);
  }

  /**
   * Every property, in the form a record prints.
   *
   * @return for example {@code PlatformLoadBalancerProps[name=..., ...]}
   */
  @Override
  public String toString() {
    return "PlatformLoadBalancerProps[name=" + name + ", vpc=" + vpc + ", internal=" + internal
        + ", certificateArn=" + certificateArn + ", sslPolicy=" + sslPolicy
        + ", deletionProtection=" + deletionProtection + ", idleTimeoutSeconds=" + idleTimeoutSeconds
        + ", ingressCidrs=" + ingressCidrs + ", desyncMitigationMode=" + desyncMitigationMode
        + ", accessLogs=" + accessLogs + ", accessLogBucket=" + accessLogBucket + "]";
  }

  /** Builder for {@link PlatformLoadBalancerProps}. */
  public static final class Builder {
    private String name;
    private VpcRef vpc;
    private Boolean internal;
    private String certificateArn;
    private String sslPolicy;
    private Boolean deletionProtection;
    private Integer idleTimeoutSeconds;
    private List<String> ingressCidrs;
    private String desyncMitigationMode;
    private Boolean accessLogs;
    private String accessLogBucket;

    private Builder() {}

    /**
     * Sets {@link PlatformLoadBalancerProps#name()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder name(String v) { this.name = v; return this; }
    /**
     * Sets {@link PlatformLoadBalancerProps#vpc()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder vpc(VpcRef v) { this.vpc = v; return this; }
    /**
     * Sets {@link PlatformLoadBalancerProps#internal()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder internal(Boolean v) { this.internal = v; return this; }
    /**
     * Sets {@link PlatformLoadBalancerProps#certificateArn()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder certificateArn(String v) { this.certificateArn = v; return this; }
    /**
     * Sets {@link PlatformLoadBalancerProps#sslPolicy()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder sslPolicy(String v) { this.sslPolicy = v; return this; }
    /**
     * Sets {@link PlatformLoadBalancerProps#deletionProtection()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder deletionProtection(Boolean v) { this.deletionProtection = v; return this; }
    /**
     * Sets {@link PlatformLoadBalancerProps#idleTimeoutSeconds()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder idleTimeoutSeconds(Integer v) { this.idleTimeoutSeconds = v; return this; }
    /**
     * Sets {@link PlatformLoadBalancerProps#ingressCidrs()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder ingressCidrs(List<String> v) { this.ingressCidrs = v; return this; }
    /**
     * Sets {@link PlatformLoadBalancerProps#desyncMitigationMode()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder desyncMitigationMode(String v) { this.desyncMitigationMode = v; return this; }
    /**
     * Sets {@link PlatformLoadBalancerProps#accessLogs()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder accessLogs(Boolean v) { this.accessLogs = v; return this; }
    /**
     * Sets {@link PlatformLoadBalancerProps#accessLogBucket()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder accessLogBucket(String v) { this.accessLogBucket = v; return this; }

    /**
     * Builds the props, applying defaults and checking every value.
     *
     * @return the validated props
     * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing or invalid;
     *     it lists every problem, not only the first
     */
    public PlatformLoadBalancerProps build() {
      return new PlatformLoadBalancerProps(this);
    }
  }
}
