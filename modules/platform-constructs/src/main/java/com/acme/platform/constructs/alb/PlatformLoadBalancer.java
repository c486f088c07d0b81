package com.acme.platform.constructs.alb;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.ConstructIds;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53Record;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordAlias;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Pattern;
import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.core.Problem;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.acme.platform.constructs.s3.AccessLogBucket;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb.LbAccessLogs;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionFixedResponse;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionRedirect;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.constructs.Construct;

/**
 * An application load balancer in front of the platform's services: a security group, the load balancer, and
 * listeners that answer {@code 404 Not Found} to every request no service rule matches.
 *
 * <p>Without a certificate it serves plain HTTP on port 80. With a certificate, port 80 redirects to HTTPS
 * ({@code HTTP_301}, checkov CKV2_AWS_20) and port 443 terminates TLS with a TLS 1.2+ security policy (checkov
 * CKV_AWS_2, CKV_AWS_103); service rules then go on the HTTPS listener. The load balancer drops requests with
 * invalid header fields (checkov CKV_AWS_131), refuses requests that could desynchronize it from its targets
 * (checkov CKV_AWS_328), writes access logs to S3 by default (checkov CKV_AWS_91, see
 * {@link PlatformLoadBalancerProps#accessLogs()}), and keeps deletion protection as the props say (checkov
 * CKV_AWS_150). Only an internet-facing load balancer admits {@code 0.0.0.0/0}, and only on ports 80 and 443.
 *
 * <p>Services are attached with {@link #addServiceRouting(String, ServiceRoutingProps)}, which keeps listener rule
 * priorities and conditions unique across all services of this load balancer.
 *
 * <p>Creates {@code aws_security_group}, {@code aws_vpc_security_group_ingress_rule} (per ingress CIDR: port 80, and
 * 443 with a certificate), {@code aws_vpc_security_group_egress_rule} (all traffic to the VPC CIDR), {@code aws_lb},
 * and {@code aws_lb_listener} (HTTP, plus HTTPS with a certificate). See
 * <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/introduction.html">What is an
 * Application Load Balancer?</a>
 */
public final class PlatformLoadBalancer extends Construct {
  private final PlatformLoadBalancerProps props;
  private final SecurityGroup securityGroup;
  private final Lb loadBalancer;
  // Attribute tokens read once: listeners, rules, DNS records and the ref need them again, each read a round trip
  // to jsii.
  private final String securityGroupId;
  private final String loadBalancerArn;
  private final String dnsName;
  private String zoneId;
  private String arnSuffix;
  private final LbListener httpListener;
  private final LbListener httpsListener;
  private final LoadBalancerRef ref;
  private final List<ServiceRouting> serviceRoutings = new ArrayList<>();
  private final ListenerRules listenerRules;

  /**
   * Creates the load balancer, its security group and its listeners.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the load balancer's properties
   */
  public PlatformLoadBalancer(Construct scope, String id, PlatformLoadBalancerProps props) {
    super(scope, id);
    this.props = Objects.requireNonNull(props, "props");
    this.listenerRules = new ListenerRules("PlatformLoadBalancer '" + id + "'");
    boolean https = props.certificateArn() != null;

    // A name prefix lets Terraform create a replacement group before it deletes the one the load balancer still uses.
    this.securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
        .namePrefix(props.name() + "-alb-")
        .description("Application load balancer " + props.name())
        .vpcId(props.vpc().vpcId())
        .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build())
        .build();
    this.securityGroupId = securityGroup.getId();
    for (int i = 0; i < props.ingressCidrs().size(); i++) {
      String cidr = props.ingressCidrs().get(i);
      // Ids derive from the CIDR, so reordering ingressCidrs does not replace rules.
      String suffix = Checks.isToken(cidr) ? String.valueOf(i) : cidr.replace('.', '-').replace('/', '-');
      ingress("IngressHttp-" + suffix, cidr, 80, "HTTP");
      if (https) {
        ingress("IngressHttps-" + suffix, cidr, 443, "HTTPS");
      }
    }
    VpcSecurityGroupEgressRule.Builder.create(this, "EgressToVpc")
        .securityGroupId(securityGroupId)
        .ipProtocol("-1")
        .cidrIpv4(props.vpc().cidrBlock())
        .description("To targets in the VPC")
        .build();

    this.loadBalancer = Lb.Builder.create(this, "Resource")
        .name(props.name())
        .loadBalancerType("application")
        .internal(props.internal())
        .subnets(props.internal() ? props.vpc().privateSubnetIds() : props.vpc().publicSubnetIds())
        .securityGroups(List.of(securityGroupId))
        // checkov CKV_AWS_131: requests with header names that are not valid HTTP are dropped, not forwarded.
        .dropInvalidHeaderFields(true)
        // checkov CKV_AWS_328: requests that could desynchronize the load balancer and a target are refused.
        .desyncMitigationMode(props.desyncMitigationMode())
        .enableDeletionProtection(props.deletionProtection())
        .idleTimeout(props.idleTimeoutSeconds())
        .accessLogs(accessLogs(props))
        .dependsOn(accessLogBucketDependency(props))
        .build();
    this.loadBalancerArn = loadBalancer.getArn();

    LbListenerDefaultAction notFound = LbListenerDefaultAction.builder()
        .type("fixed-response")
        .fixedResponse(LbListenerDefaultActionFixedResponse.builder()
            .statusCode("404").contentType("text/plain").messageBody("Not Found").build())
        .build();
    LbListenerDefaultAction redirectToHttps = LbListenerDefaultAction.builder()
        .type("redirect")
        .redirect(LbListenerDefaultActionRedirect.builder()
            .protocol("HTTPS").port("443").statusCode("HTTP_301").build())
        .build();
    this.httpListener = LbListener.Builder.create(this, "HttpListener")
        .loadBalancerArn(loadBalancerArn)
        .port(80)
        .protocol("HTTP")
        .defaultAction(List.of(https ? redirectToHttps : notFound))
        .build();
    this.httpsListener = !https ? null : LbListener.Builder.create(this, "HttpsListener")
        .loadBalancerArn(loadBalancerArn)
        .port(443)
        .protocol("HTTPS")
        .sslPolicy(props.sslPolicy())
        .certificateArn(props.certificateArn())
        .defaultAction(List.of(notFound))
        .build();

    this.dnsName = loadBalancer.getDnsName();
    this.ref = new LoadBalancerRef(props.name(), loadBalancerArn, dnsName,
        (https ? httpsListener : httpListener).getArn(), securityGroupId, props.vpc().vpcId());
  }

  /** The explicit bucket, else the stack's {@link AccessLogBucket}, else none: see the props' Javadoc. */
  private LbAccessLogs accessLogs(PlatformLoadBalancerProps props) {
    if (!props.accessLogs()) {
      return null;
    }
    AccessLogBucket stackBucket = props.accessLogBucket() == null ? AccessLogBucket.find(this) : null;
    String bucket = props.accessLogBucket() != null ? props.accessLogBucket()
        : stackBucket != null ? stackBucket.getBucketName() : null;
    return bucket == null ? null
        : LbAccessLogs.builder().bucket(bucket).prefix(props.name()).enabled(true).build();
  }

  /** ELB checks that it may write when access logs are turned on: the stack's bucket policy must exist first. */
  private List<ITerraformDependable> accessLogBucketDependency(PlatformLoadBalancerProps props) {
    AccessLogBucket stackBucket = props.accessLogs() && props.accessLogBucket() == null
        ? AccessLogBucket.find(this) : null;
    return stackBucket == null ? null : List.of(stackBucket.getPolicy());
  }

  private void ingress(String id, String cidr, int port, String protocol) {
    VpcSecurityGroupIngressRule.Builder.create(this, id)
        .securityGroupId(securityGroupId)
        .ipProtocol("tcp")
        .fromPort(port)
        .toPort(port)
        .cidrIpv4(cidr)
        .description(protocol + " from " + cidr)
        .build();
  }

  /**
   * Routes requests from this load balancer to a service: creates a {@link ServiceRouting} under this load balancer
   * and checks it against every routing added here before.
   *
   * <p>Priorities: an explicit {@link ServiceRoutingProps#priority()} is used as given and stays stable however
   * routings are added. Without one, the routing gets the lowest multiple of 10 (10, 20, 30, ...) not yet used on
   * this load balancer at the time of the call. For example, adding A (none), B (30), C (none), D (15), E (none)
   * gives 10, 30, 20, 15, 40. Automatic priorities therefore depend on the order of the calls: give explicit ones
   * where rule order matters or where a reordering must not rewrite rules.
   *
   * <p>Only routings added through this method are checked ({@link ListenerRules} does the bookkeeping); rules
   * created elsewhere on the same listener are not.
   *
   * @param id the routing's construct id, for example the service name
   * @param props the routing's properties; {@link ServiceRoutingProps#loadBalancer()} must be this load balancer's
   *     {@link #ref()} (the same listener)
   * @return the routing
   * @throws InvalidPropsException when the props name another listener, when the priority is already used by another
   *     routing of this load balancer, or when another routing has the same host headers and path patterns
   */
  public ServiceRouting addServiceRouting(String id, ServiceRoutingProps props) {
    Objects.requireNonNull(props, "props");
    if (!ref.listenerArn().equals(props.loadBalancer().listenerArn())) {
      throw new InvalidPropsException("PlatformLoadBalancer '" + getNode().getId() + "'", List.of(
          new Problem("listenerRules", "routing '" + id + "' names another listener in"
              + " ServiceRoutingProps.loadBalancer; pass this load balancer's ref()")));
    }
    int priority = listenerRules.add(id, props);
    ServiceRouting routing = new ServiceRouting(this, id,
        props.priority() != null ? props : props.withPriority(priority));
    serviceRoutings.add(routing);
    return routing;
  }

  /**
   * Points host names at this load balancer with Route 53 alias {@code A} records (the load balancer is IPv4 only,
   * so there are no {@code AAAA} records). Call it after the routings: every name must be a host that a routing of
   * this load balancer routes (a host header, wildcards included), so a record never sends clients to a load
   * balancer that answers them with its default 404.
   *
   * <p>Creates one {@code aws_route53_record} per name, with construct ids derived from the name, so adding or
   * removing one name never replaces the others.
   *
   * @param id names the records' group (construct id {@code Dns<id>}), for example the service's routing id
   * @param props the hosted zone and the names
   * @return the records, in the order of {@link AliasRecordsProps#recordNames()}
   * @throws InvalidPropsException naming every record name that no routing of this load balancer routes
   */
  public List<Route53Record> addAliasRecords(String id, AliasRecordsProps props) {
    Objects.requireNonNull(props, "props");
    List<String> routed = serviceRoutings.stream().flatMap(r -> r.getProps().hostHeaders().stream())
        .map(h -> h.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < props.recordNames().size(); i++) {
      String name = props.recordNames().get(i);
      if (routed.stream().noneMatch(header -> hostMatches(header, name))) {
        problems.add(new Problem("aliasRecords.recordNames[" + i + "]", Checks.quote(name)
            + " is not a host this load balancer routes (host headers of its routings: " + routed
            + "); add it to a routing's hostHeaders or remove the record"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPropsException("PlatformLoadBalancer '" + getNode().getId() + "'", problems);
    }
    // Prefixed, so that the records of a service can share its routing's id ("Web" and "DnsWeb").
    Construct group = new Construct(this, "Dns" + id);
    List<Route53Record> records = new ArrayList<>();
    for (String name : props.recordNames()) {
      records.add(Route53Record.Builder.create(group, ConstructIds.forValue("A", name))
          .zoneId(props.hostedZoneId())
          .name(name)
          .type("A")
          .alias(Route53RecordAlias.builder()
              .name(dnsName)
              .zoneId(getZoneId())
              .evaluateTargetHealth(props.evaluateTargetHealth())
              .build())
          .build());
    }
    return records;
  }

  /** An ALB host header condition: {@code *} matches any characters, {@code ?} one; case does not matter. */
  static boolean hostMatches(String header, String host) {
    StringBuilder regex = new StringBuilder();
    for (char c : header.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return host.matches(regex.toString());
  }

  /**
   * What service routing needs to know about this load balancer. Its listener is the HTTPS listener when a
   * certificate is configured, else the HTTP listener.
   *
   * @return the reference; the same object on every call
   */
  public LoadBalancerRef ref() {
    return ref;
  }

  /**
   * The props this load balancer was built from.
   *
   * @return the props
   */
  public PlatformLoadBalancerProps getProps() {
    return props;
  }

  /**
   * The underlying load balancer, for escape hatches such as {@code addOverride}.
   *
   * @return the load balancer
   */
  public Lb getLoadBalancer() {
    return loadBalancer;
  }

  /**
   * The load balancer ARN; a token until apply.
   *
   * @return the ARN
   */
  public String getLoadBalancerArn() {
    return loadBalancerArn;
  }

  /**
   * The load balancer's DNS name, for DNS alias records; a token until apply.
   *
   * @return the DNS name
   */
  public String getDnsName() {
    return dnsName;
  }

  /**
   * The load balancer's canonical hosted zone id, for Route 53 alias records; a token until apply.
   *
   * @return the hosted zone id
   */
  public String getZoneId() {
    // Read on first use (alias records), then kept: each read is a round trip to jsii.
    if (zoneId == null) {
      zoneId = loadBalancer.getZoneId();
    }
    return zoneId;
  }

  /**
   * The load balancer's ARN suffix ({@code app/<name>/<id>}), the {@code LoadBalancer} dimension of its CloudWatch
   * metrics and the first half of a request-count scaling label; a token until apply.
   *
   * @return the ARN suffix
   */
  public String getArnSuffix() {
    // Read on first use (alarms, scaling), then kept: each read is a round trip to jsii.
    if (arnSuffix == null) {
      arnSuffix = loadBalancer.getArnSuffix();
    }
    return arnSuffix;
  }

  /**
   * The ARN of the listener that carries the service rules: HTTPS when a certificate is configured, else HTTP; a
   * token until apply.
   *
   * @return the listener ARN
   */
  public String getListenerArn() {
    return ref.listenerArn();
  }

  /**
   * The port 80 listener. Without a certificate it carries the service rules; with one it only redirects to HTTPS.
   *
   * @return the HTTP listener
   */
  public LbListener getHttpListener() {
    return httpListener;
  }

  /**
   * The port 443 listener that carries the service rules when a certificate is configured.
   *
   * @return the HTTPS listener, or {@code null} when {@link PlatformLoadBalancerProps#certificateArn()} is not set
   */
  public LbListener getHttpsListener() {
    return httpsListener;
  }

  /**
   * The load balancer's security group; container instances admit traffic from it.
   *
   * @return the security group
   */
  public SecurityGroup getSecurityGroup() {
    return securityGroup;
  }

  /**
   * The routings added with {@link #addServiceRouting(String, ServiceRoutingProps)}, in the order they were added.
   *
   * @return an immutable copy
   */
  public List<ServiceRouting> getServiceRoutings() {
    return List.copyOf(serviceRoutings);
  }
}
