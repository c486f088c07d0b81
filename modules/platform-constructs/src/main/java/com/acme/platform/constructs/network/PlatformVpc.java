package com.acme.platform.constructs.network;

import com.acme.platform.constructs.core.Ipv4Cidr;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.aws.default_security_group.DefaultSecurityGroup;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGateway;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import com.hashicorp.cdktf.providers.aws.route.Route;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTable;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociation;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.constructs.Construct;

/**
 * A VPC with one public and one private subnet in each configured availability zone, an internet gateway and,
 * optionally, NAT gateways for the private subnets' egress.
 *
 * <p><b>Subnet layout.</b> The layout is deterministic and depends only on the props. The VPC range is cut into
 * {@code N = 2^subnetNewBits} equal blocks of prefix {@code cidr prefix + subnetNewBits}, numbered from the lowest
 * address. For the availability zone at index {@code i} of {@code availabilityZones}:
 * <ul>
 *   <li>the public subnet is block {@code i};</li>
 *   <li>the private subnet is block {@code N/2 + i}.</li>
 * </ul>
 * Public subnets therefore fill the lower half of the range and private subnets the upper half. For example
 * {@code 10.0.0.0/16} with the default 4 new bits and three zones gives public subnets {@code 10.0.0.0/20},
 * {@code 10.0.16.0/20}, {@code 10.0.32.0/20} and private subnets {@code 10.0.128.0/20}, {@code 10.0.144.0/20},
 * {@code 10.0.160.0/20}. Appending a zone adds subnets without moving the existing ones; reordering or removing zones
 * moves subnets and replaces them.
 *
 * <p><b>Routing.</b> Public subnets do not give instances public IPv4 addresses (checkov CKV_AWS_130): only the
 * load balancers and NAT gateways placed there are reachable from the internet, through their own addresses.
 * They share one route table whose
 * default route ({@code 0.0.0.0/0}) goes to the internet gateway. Private subnets use one route table per zone with
 * {@link NatGateways#PER_AZ} (default route to the NAT gateway of the same zone), otherwise one shared route table
 * (default route to the single NAT gateway with {@link NatGateways#SINGLE}). With {@link NatGateways#NONE} private
 * subnets have no internet egress at all: instances there then need VPC endpoints (ECR, ECS, CloudWatch Logs, S3) to
 * pull images and register with ECS.
 *
 * <p><b>Secure defaults.</b> The VPC's default security group is managed with no rules at all, so that nothing
 * placed in it by mistake can talk (checkov CKV2_AWS_12); and the VPC has flow logs to CloudWatch Logs
 * ({@link VpcFlowLog}, checkov CKV2_AWS_11) unless {@link PlatformVpcProps#flowLogs()} is {@code false}.
 *
 * <p>Creates {@code aws_vpc} (DNS support and DNS hostnames on), {@code aws_default_security_group} (no rules),
 * a {@link VpcFlowLog}, {@code aws_internet_gateway}, one public and one
 * private {@code aws_subnet} per zone, {@code aws_route_table}, {@code aws_route} and
 * {@code aws_route_table_association} resources, and per NAT gateway an {@code aws_eip} and an
 * {@code aws_nat_gateway} in a public subnet. Every resource has a {@code Name} tag starting with {@code name}. No
 * data source is read. See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html">Subnets
 * for your VPC</a>.
 */
public final class PlatformVpc extends Construct {
  private static final String ANYWHERE = "0.0.0.0/0";

  private final PlatformVpcProps props;
  private final Vpc vpc;
  // Attribute tokens read once: each read is a round trip to jsii's Node.js process, and every subnet, route table,
  // gateway and consumer of ref() needs them.
  private final String vpcId;
  private final List<String> publicSubnetIds = new ArrayList<>();
  private final List<String> privateSubnetIds = new ArrayList<>();
  private final InternetGateway internetGateway;
  private final DefaultSecurityGroup defaultSecurityGroup;
  private final VpcFlowLog flowLog;
  private final List<Subnet> publicSubnets = new ArrayList<>();
  private final List<Subnet> privateSubnets = new ArrayList<>();
  private final List<String> publicSubnetCidrs;
  private final List<String> privateSubnetCidrs;
  private final RouteTable publicRouteTable;
  private final List<RouteTable> privateRouteTables = new ArrayList<>();
  private final List<Eip> natEips = new ArrayList<>();
  private final List<NatGateway> natGateways = new ArrayList<>();

  /**
   * Creates the VPC and its subnets, gateways and routes.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the VPC's properties
   */
  public PlatformVpc(Construct scope, String id, PlatformVpcProps props) {
    super(scope, id);
    this.props = Objects.requireNonNull(props, "props");
    String name = props.name();
    List<String> zones = props.availabilityZones();
    this.publicSubnetCidrs = subnetCidrs(props, 0);
    this.privateSubnetCidrs = subnetCidrs(props, (1 << props.subnetNewBits()) / 2);

    this.vpc = Vpc.Builder.create(this, "Resource")
        .cidrBlock(props.cidrBlock())
        .enableDnsSupport(true)
        .enableDnsHostnames(true)
        .tags(nameTag(name))
        .build();
    this.vpcId = vpc.getId();
    // Declared without ingress or egress blocks: Terraform removes every rule AWS put in the default group.
    this.defaultSecurityGroup = DefaultSecurityGroup.Builder.create(this, "DefaultSecurityGroup")
        .vpcId(vpcId)
        .tags(nameTag(name + "-default-no-rules"))
        .build();
    this.flowLog = !props.flowLogs() ? null : new VpcFlowLog(this, "FlowLog", VpcFlowLogProps.builder()
        .name(name)
        .vpcId(vpcId)
        .retentionDays(props.flowLogRetentionDays())
        .kmsKeyArn(props.flowLogKmsKeyArn())
        .build());
    this.internetGateway = InternetGateway.Builder.create(this, "InternetGateway")
        .vpcId(vpcId)
        .tags(nameTag(name + "-igw"))
        .build();

    this.publicRouteTable = RouteTable.Builder.create(this, "PublicRouteTable")
        .vpcId(vpcId)
        .tags(nameTag(name + "-public"))
        .build();
    String publicRouteTableId = publicRouteTable.getId();
    Route.Builder.create(this, "PublicDefaultRoute")
        .routeTableId(publicRouteTableId)
        .destinationCidrBlock(ANYWHERE)
        .gatewayId(internetGateway.getId())
        .build();

    for (int i = 0; i < zones.size(); i++) {
      String zone = zones.get(i);
      Subnet subnet = Subnet.Builder.create(this, "PublicSubnet" + i)
          .vpcId(vpcId)
          .availabilityZone(zone)
          .cidrBlock(publicSubnetCidrs.get(i))
          .mapPublicIpOnLaunch(false)
          .tags(nameTag(name + "-public-" + zone))
          .build();
      publicSubnets.add(subnet);
      publicSubnetIds.add(subnet.getId());
      RouteTableAssociation.Builder.create(this, "PublicRouteTableAssociation" + i)
          .subnetId(publicSubnetIds.get(i))
          .routeTableId(publicRouteTableId)
          .build();
    }

    int natCount = switch (props.natGateways()) {
      case NONE -> 0;
      case SINGLE -> 1;
      case PER_AZ -> zones.size();
    };
    List<ITerraformDependable> afterGateway = List.of(internetGateway);
    for (int i = 0; i < natCount; i++) {
      String zone = zones.get(i);
      Eip eip = Eip.Builder.create(this, "NatEip" + i)
          .domain("vpc")
          .tags(nameTag(name + "-nat-" + zone))
          .dependsOn(afterGateway)
          .build();
      natEips.add(eip);
      natGateways.add(NatGateway.Builder.create(this, "NatGateway" + i)
          .allocationId(eip.getId())
          .subnetId(publicSubnetIds.get(i))
          .tags(nameTag(name + "-nat-" + zone))
          .dependsOn(afterGateway)
          .build());
    }

    int routeTableCount = props.natGateways() == NatGateways.PER_AZ ? zones.size() : 1;
    List<String> privateRouteTableIds = new ArrayList<>();
    for (int t = 0; t < routeTableCount; t++) {
      String tableName = routeTableCount == 1 ? name + "-private" : name + "-private-" + zones.get(t);
      RouteTable table = RouteTable.Builder.create(this, "PrivateRouteTable" + t)
          .vpcId(vpcId)
          .tags(nameTag(tableName))
          .build();
      privateRouteTables.add(table);
      privateRouteTableIds.add(table.getId());
      if (natCount > 0) {
        Route.Builder.create(this, "PrivateDefaultRoute" + t)
            .routeTableId(privateRouteTableIds.get(t))
            .destinationCidrBlock(ANYWHERE)
            .natGatewayId(natGateways.get(t).getId())
            .build();
      }
    }

    for (int i = 0; i < zones.size(); i++) {
      String zone = zones.get(i);
      Subnet subnet = Subnet.Builder.create(this, "PrivateSubnet" + i)
          .vpcId(vpcId)
          .availabilityZone(zone)
          .cidrBlock(privateSubnetCidrs.get(i))
          .mapPublicIpOnLaunch(false)
          .tags(nameTag(name + "-private-" + zone))
          .build();
      privateSubnets.add(subnet);
      privateSubnetIds.add(subnet.getId());
      RouteTableAssociation.Builder.create(this, "PrivateRouteTableAssociation" + i)
          .subnetId(privateSubnetIds.get(i))
          .routeTableId(privateRouteTableIds.get(routeTableCount == 1 ? 0 : i))
          .build();
    }
  }

  /**
   * The subnet CIDR blocks for every zone, starting at block {@code firstBlock}.
   *
   * @param props validated props
   * @param firstBlock the block of the first zone
   * @return one CIDR block per zone
   */
  static List<String> subnetCidrs(PlatformVpcProps props, int firstBlock) {
    Ipv4Cidr vpcCidr = Ipv4Cidr.parse(props.cidrBlock());
    List<String> cidrs = new ArrayList<>();
    for (int i = 0; i < props.availabilityZones().size(); i++) {
      cidrs.add(vpcCidr.subnet(props.subnetNewBits(), firstBlock + i).toString());
    }
    return List.copyOf(cidrs);
  }

  private static Map<String, String> nameTag(String value) {
    return Map.of("Name", value);
  }

  /**
   * What other constructs need to know about this VPC: its id, CIDR block and subnet ids (tokens until apply,
   * except the CIDR block).
   *
   * @return the reference
   */
  public VpcRef ref() {
    return new VpcRef(getVpcId(), props.cidrBlock(), getPublicSubnetIds(), getPrivateSubnetIds());
  }

  /**
   * The props this VPC was built from.
   *
   * @return the validated props
   */
  public PlatformVpcProps getProps() {
    return props;
  }

  /**
   * The underlying VPC, for escape hatches such as {@code addOverride}.
   *
   * @return the {@code aws_vpc} resource
   */
  public Vpc getVpc() {
    return vpc;
  }

  /**
   * The VPC id; a token until apply.
   *
   * @return the VPC id
   */
  public String getVpcId() {
    return vpcId;
  }

  /**
   * The VPC's IPv4 CIDR block (a plain string, known at synth).
   *
   * @return the VPC's CIDR block
   */
  public String getVpcCidrBlock() {
    return props.cidrBlock();
  }

  /**
   * The VPC's default security group, managed so that it has no rules.
   *
   * @return the {@code aws_default_security_group} resource
   */
  public DefaultSecurityGroup getDefaultSecurityGroup() {
    return defaultSecurityGroup;
  }

  /**
   * The VPC's flow log.
   *
   * @return the flow log, or {@code null} when {@link PlatformVpcProps#flowLogs()} is {@code false}
   */
  public VpcFlowLog getFlowLog() {
    return flowLog;
  }

  /**
   * The internet gateway attached to the VPC.
   *
   * @return the {@code aws_internet_gateway} resource
   */
  public InternetGateway getInternetGateway() {
    return internetGateway;
  }

  /**
   * The public subnets, in the order of {@code availabilityZones}.
   *
   * @return the public subnets; an unmodifiable list
   */
  public List<Subnet> getPublicSubnets() {
    return List.copyOf(publicSubnets);
  }

  /**
   * The private subnets, in the order of {@code availabilityZones}.
   *
   * @return the private subnets; an unmodifiable list
   */
  public List<Subnet> getPrivateSubnets() {
    return List.copyOf(privateSubnets);
  }

  /**
   * The public subnet ids, in the order of {@code availabilityZones}; tokens until apply.
   *
   * @return the public subnet ids
   */
  public List<String> getPublicSubnetIds() {
    return List.copyOf(publicSubnetIds);
  }

  /**
   * The private subnet ids, in the order of {@code availabilityZones}; tokens until apply.
   *
   * @return the private subnet ids
   */
  public List<String> getPrivateSubnetIds() {
    return List.copyOf(privateSubnetIds);
  }

  /**
   * The public subnets' CIDR blocks (plain strings), in the order of {@code availabilityZones}.
   *
   * @return the public subnets' CIDR blocks
   */
  public List<String> getPublicSubnetCidrs() {
    return publicSubnetCidrs;
  }

  /**
   * The private subnets' CIDR blocks (plain strings), in the order of {@code availabilityZones}.
   *
   * @return the private subnets' CIDR blocks
   */
  public List<String> getPrivateSubnetCidrs() {
    return privateSubnetCidrs;
  }

  /**
   * The route table shared by all public subnets.
   *
   * @return the public {@code aws_route_table} resource
   */
  public RouteTable getPublicRouteTable() {
    return publicRouteTable;
  }

  /**
   * The private route tables: one per zone with {@link NatGateways#PER_AZ}, otherwise one shared table.
   *
   * @return the private route tables; an unmodifiable list
   */
  public List<RouteTable> getPrivateRouteTables() {
    return List.copyOf(privateRouteTables);
  }

  /**
   * The NAT gateways: none, one, or one per zone (in zone order), as {@code natGateways} says.
   *
   * @return the NAT gateways; an unmodifiable list, empty without NAT gateways
   */
  public List<NatGateway> getNatGateways() {
    return List.copyOf(natGateways);
  }

  /**
   * The elastic IP addresses of the NAT gateways, in the same order.
   *
   * @return the NAT gateways' elastic IPs; an unmodifiable list
   */
  public List<Eip> getNatEips() {
    return List.copyOf(natEips);
  }
}
