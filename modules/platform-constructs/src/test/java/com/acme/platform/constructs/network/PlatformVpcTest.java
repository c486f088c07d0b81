package com.acme.platform.constructs.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.core.Problem;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformVpcTest {
  private static final List<String> THREE_ZONES = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c");

  private Synth defaults;
  private Synth perAz;
  private Synth noNat;
  private PlatformVpc defaultsVpc;

  @BeforeAll
  void synth() {
    defaults = Synth.stack(stack ->
        defaultsVpc = new PlatformVpc(stack, "Network", PlatformVpcProps.of("platform", "10.0.0.0/16", THREE_ZONES)));
    perAz = Synth.stack(stack -> new PlatformVpc(stack, "Network", perAzProps()));
    noNat = Synth.stack(stack -> new PlatformVpc(stack, "Network", PlatformVpcProps.builder()
        .name("isolated")
        .cidrBlock("10.9.0.0/24")
        .availabilityZones(List.of("eu-central-1a", "eu-central-1b"))
        .subnetNewBits(2)
        .natGateways(NatGateways.NONE)
        .build()));
  }

  private static PlatformVpcProps perAzProps() {
    return PlatformVpcProps.builder()
        .name("edge")
        .cidrBlock("172.16.0.0/20")
        .availabilityZones(List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"))
        .subnetNewBits(3)
        .natGateways(NatGateways.PER_AZ)
        .build();
  }

  // ---- defaults: /16, three zones, 4 new bits, one NAT gateway ----

  @Test
  void vpc_defaults_dnsEnabledAndNamed() {
    defaults.assertHasResourceWithProperties("aws_vpc", Map.of(
        "cidr_block", "10.0.0.0/16",
        "enable_dns_hostnames", true,
        "enable_dns_support", true,
        "tags", Map.of("Name", "platform")));
    defaults.assertHasResourceWithProperties("aws_internet_gateway", Map.of(
        "tags", Map.of("Name", "platform-igw")));
    assertThat(defaults.only("aws_internet_gateway").get("vpc_id").asText()).startsWith("${aws_vpc.");
  }

  @Test
  void subnets_defaults_publicLowerHalfPrivateUpperHalf() {
    assertThat(defaults.count("aws_subnet")).isEqualTo(6);
    String[][] expected = {
        {"eu-west-1a", "10.0.0.0/20", "10.0.128.0/20"},
        {"eu-west-1b", "10.0.16.0/20", "10.0.144.0/20"},
        {"eu-west-1c", "10.0.32.0/20", "10.0.160.0/20"}};
    for (String[] row : expected) {
      defaults.assertHasResourceWithProperties("aws_subnet", Map.of(
          "availability_zone", row[0], "cidr_block", row[1], "map_public_ip_on_launch", false,
          "tags", Map.of("Name", "platform-public-" + row[0])));
      defaults.assertHasResourceWithProperties("aws_subnet", Map.of(
          "availability_zone", row[0], "cidr_block", row[2], "map_public_ip_on_launch", false,
          "tags", Map.of("Name", "platform-private-" + row[0])));
    }
    assertThat(defaultsVpc.getPublicSubnetCidrs()).containsExactly("10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20");
    assertThat(defaultsVpc.getPrivateSubnetCidrs())
        .containsExactly("10.0.128.0/20", "10.0.144.0/20", "10.0.160.0/20");
  }

  @Test
  void routing_defaults_publicToIgwPrivateToSingleNat() {
    assertThat(defaults.count("aws_route_table")).isEqualTo(2);
    defaults.assertHasResourceWithProperties("aws_route_table", Map.of("tags", Map.of("Name", "platform-public")));
    defaults.assertHasResourceWithProperties("aws_route_table", Map.of("tags", Map.of("Name", "platform-private")));
    List<JsonNode> routes = defaults.resources("aws_route");
    assertThat(routes).hasSize(2);
    assertThat(routes).allSatisfy(r -> assertThat(r.get("destination_cidr_block").asText()).isEqualTo("0.0.0.0/0"));
    assertThat(routes).filteredOn(r -> r.has("gateway_id"))
        .singleElement().satisfies(r -> assertThat(r.get("gateway_id").asText()).startsWith("${aws_internet_gateway."));
    assertThat(routes).filteredOn(r -> r.has("nat_gateway_id"))
        .singleElement().satisfies(r -> assertThat(r.get("nat_gateway_id").asText()).startsWith("${aws_nat_gateway."));
    assertThat(defaults.count("aws_route_table_association")).isEqualTo(6);
  }

  @Test
  void nat_defaults_singleGatewayInFirstPublicSubnet() {
    JsonNode eip = defaults.only("aws_eip");
    assertThat(eip.get("domain").asText()).isEqualTo("vpc");
    assertThat(eip.at("/tags/Name").asText()).isEqualTo("platform-nat-eu-west-1a");
    JsonNode nat = defaults.only("aws_nat_gateway");
    assertThat(nat.get("allocation_id").asText()).startsWith("${aws_eip.");
    assertThat(nat.get("subnet_id").asText()).contains("PublicSubnet0");
    assertThat(nat.get("depends_on").toString()).contains("aws_internet_gateway.");
    assertThat(defaultsVpc.getNatGateways()).hasSize(1);
  }

  @Test
  void ref_defaults_plainCidrAndSubnetIdsInZoneOrder() {
    VpcRef ref = defaultsVpc.ref();

    assertThat(ref.cidrBlock()).isEqualTo("10.0.0.0/16");
    assertThat(Checks.isToken(ref.vpcId())).isTrue();
    assertThat(ref.publicSubnetIds()).hasSize(3).allMatch(Checks::isToken);
    assertThat(ref.privateSubnetIds()).hasSize(3).allMatch(Checks::isToken);
    assertThat(defaultsVpc.getPublicSubnets()).hasSize(3);
    assertThat(defaultsVpc.getPrivateSubnets()).hasSize(3);
    assertThat(defaultsVpc.getVpc()).isNotNull();
  }

  @Test
  void props_defaults_fourNewBitsSingleNat() {
    PlatformVpcProps props = PlatformVpcProps.of("platform", "10.0.0.0/16", THREE_ZONES);

    assertThat(props.subnetNewBits()).isEqualTo(4);
    assertThat(props.natGateways()).isEqualTo(NatGateways.SINGLE);
  }

  // ---- all options: PER_AZ, /20, four zones, 3 new bits ----

  @Test
  void subnets_allOptions_slash23BlocksAcrossOctets() {
    assertThat(perAz.count("aws_subnet")).isEqualTo(8);
    String[][] expected = {
        {"us-east-1a", "172.16.0.0/23", "172.16.8.0/23"},
        {"us-east-1b", "172.16.2.0/23", "172.16.10.0/23"},
        {"us-east-1c", "172.16.4.0/23", "172.16.12.0/23"},
        {"us-east-1d", "172.16.6.0/23", "172.16.14.0/23"}};
    for (String[] row : expected) {
      perAz.assertHasResourceWithProperties("aws_subnet", Map.of(
          "availability_zone", row[0], "cidr_block", row[1], "map_public_ip_on_launch", false));
      perAz.assertHasResourceWithProperties("aws_subnet", Map.of(
          "availability_zone", row[0], "cidr_block", row[2], "map_public_ip_on_launch", false));
    }
  }

  @Test
  void nat_allOptions_onePerZoneWithOwnPrivateRouteTable() {
    assertThat(perAz.count("aws_eip")).isEqualTo(4);
    assertThat(perAz.count("aws_nat_gateway")).isEqualTo(4);
    assertThat(perAz.count("aws_route_table")).isEqualTo(5);
    for (String zone : List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d")) {
      perAz.assertHasResourceWithProperties("aws_nat_gateway", Map.of("tags", Map.of("Name", "edge-nat-" + zone)));
      perAz.assertHasResourceWithProperties("aws_route_table", Map.of(
          "tags", Map.of("Name", "edge-private-" + zone)));
    }
    List<JsonNode> natRoutes = perAz.resources("aws_route").stream().filter(r -> r.has("nat_gateway_id")).toList();
    assertThat(natRoutes).hasSize(4);
    for (int i = 0; i < 4; i++) {
      int index = i;
      assertThat(natRoutes).anySatisfy(r -> {
        assertThat(r.get("nat_gateway_id").asText()).contains("NatGateway" + index);
        assertThat(r.get("route_table_id").asText()).contains("PrivateRouteTable" + index);
      });
    }
    List<JsonNode> privateAssociations = perAz.resources("aws_route_table_association").stream()
        .filter(a -> a.get("subnet_id").asText().contains("PrivateSubnet")).toList();
    for (int i = 0; i < 4; i++) {
      int index = i;
      assertThat(privateAssociations).anySatisfy(a -> {
        assertThat(a.get("subnet_id").asText()).contains("PrivateSubnet" + index);
        assertThat(a.get("route_table_id").asText()).contains("PrivateRouteTable" + index);
      });
    }
  }

  @Test
  void nat_none_noEgressFromPrivateSubnets() {
    assertThat(noNat.count("aws_eip")).isZero();
    assertThat(noNat.count("aws_nat_gateway")).isZero();
    assertThat(noNat.count("aws_route_table")).isEqualTo(2);
    JsonNode route = noNat.only("aws_route");
    assertThat(route.get("gateway_id").asText()).startsWith("${aws_internet_gateway.");
    assertThat(noNat.count("aws_route_table_association")).isEqualTo(4);
    noNat.assertHasResourceWithProperties("aws_subnet", Map.of("cidr_block", "10.9.0.0/26"));
    noNat.assertHasResourceWithProperties("aws_subnet", Map.of("cidr_block", "10.9.0.64/26"));
    noNat.assertHasResourceWithProperties("aws_subnet", Map.of("cidr_block", "10.9.0.128/26"));
    noNat.assertHasResourceWithProperties("aws_subnet", Map.of("cidr_block", "10.9.0.192/26"));
  }

  // ---- validation ----

  @Test
  void fails_missingRequired() {
    assertThatThrownBy(() -> PlatformVpcProps.builder().build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PlatformVpcProps.name is required\n"
            + "PlatformVpcProps.cidrBlock is required\n"
            + "PlatformVpcProps.availabilityZones is required");
  }

  @Test
  void fails_badName() {
    assertThatThrownBy(() -> PlatformVpcProps.of("Platform_1", "10.0.0.0/16", THREE_ZONES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PlatformVpcProps.name must be 1 to 32 lowercase letters, digits or '-', got \"Platform_1\"");
    assertThatThrownBy(() -> PlatformVpcProps.of("a".repeat(33), "10.0.0.0/16", THREE_ZONES))
        .hasMessageContaining("PlatformVpcProps.name must be 1 to 32 lowercase letters, digits or '-'");
  }

  @Test
  void fails_invalidCidr() {
    assertThatThrownBy(() -> PlatformVpcProps.of("platform", "10.0.0/16", THREE_ZONES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PlatformVpcProps.cidrBlock must be an IPv4 CIDR block such as \"10.0.0.0/16\","
            + " got \"10.0.0/16\"");
    assertThatThrownBy(() -> PlatformVpcProps.of("platform", "10.0.300.0/16", THREE_ZONES))
        .hasMessageContaining("cidrBlock must be an IPv4 CIDR block");
  }

  @Test
  void fails_cidrPrefixOutOfRange() {
    assertThatThrownBy(() -> PlatformVpcProps.of("platform", "10.0.0.0/12", THREE_ZONES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PlatformVpcProps.cidrBlock must have a prefix length between /16 and /24, got \"10.0.0.0/12\"");
    assertThatThrownBy(() -> PlatformVpcProps.of("platform", "10.0.0.0/25", THREE_ZONES))
        .hasMessageContaining("cidrBlock must have a prefix length between /16 and /24, got \"10.0.0.0/25\"");
  }

  @Test
  void fails_cidrNotNetworkAddress() {
    assertThatThrownBy(() -> PlatformVpcProps.of("platform", "10.0.0.1/16", THREE_ZONES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PlatformVpcProps.cidrBlock must be the network address of its range (host bits zero),"
            + " for example \"10.0.0.0/16\", got \"10.0.0.1/16\"");
  }

  @Test
  void fails_tooFewZones() {
    assertThatThrownBy(() -> PlatformVpcProps.of("platform", "10.0.0.0/16", List.of("eu-west-1a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PlatformVpcProps.availabilityZones must have between 2 and 6 entries, got 1 [eu-west-1a]");
  }

  @Test
  void fails_tooManyZones() {
    List<String> seven = List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e",
        "us-east-1f", "us-east-1g");
    assertThatThrownBy(() -> PlatformVpcProps.of("platform", "10.0.0.0/16", seven))
        .hasMessageContaining("PlatformVpcProps.availabilityZones must have between 2 and 6 entries, got 7");
  }

  @Test
  void fails_duplicateZones() {
    assertThatThrownBy(() -> PlatformVpcProps.of("platform", "10.0.0.0/16",
        List.of("eu-west-1a", "eu-west-1b", "eu-west-1a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PlatformVpcProps.availabilityZones must be distinct, got [\"eu-west-1a\"] more than once in"
            + " [eu-west-1a, eu-west-1b, eu-west-1a]");
  }

  @Test
  void fails_badZoneNames() {
    assertThatThrownBy(() -> PlatformVpcProps.of("platform", "10.0.0.0/16",
        Arrays.asList("eu-west-1", null, "euw1-az1")))
        .isInstanceOfSatisfying(InvalidPropsException.class, e -> assertThat(e.getProblems())
            .extracting(Problem::toString)
            .containsExactly(
                "availabilityZones[0] must be an availability zone name such as \"eu-west-1a\", got \"eu-west-1\"",
                "availabilityZones[1] is required",
                "availabilityZones[2] must be an availability zone name such as \"eu-west-1a\", got \"euw1-az1\""));
  }

  @Test
  void zones_govCloud_accepted() {
    PlatformVpcProps props = PlatformVpcProps.of("gov", "10.0.0.0/16", List.of("us-gov-west-1a", "us-gov-west-1b"));

    assertThat(props.availabilityZones()).containsExactly("us-gov-west-1a", "us-gov-west-1b");
  }

  @Test
  void fails_zonesOfTwoRegions() {
    assertThatThrownBy(() -> PlatformVpcProps.of("platform", "10.0.0.0/16", List.of("eu-west-1a", "eu-west-2b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PlatformVpcProps.availabilityZones must all be in one region, got zones of [eu-west-1, eu-west-2]");
  }

  @Test
  void fails_subnetsSmallerThanSlash28() {
    assertThatThrownBy(() -> PlatformVpcProps.builder().name("platform").cidrBlock("10.0.0.0/24")
        .availabilityZones(THREE_ZONES).subnetNewBits(5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PlatformVpcProps.subnetNewBits must keep subnets at /28 or larger: /24 + 5 = /29, got 5");
  }

  @Test
  void fails_subnetsOverlapWhenTooFewBlocks() {
    assertThatThrownBy(() -> PlatformVpcProps.builder().name("platform").cidrBlock("10.0.0.0/16")
        .availabilityZones(THREE_ZONES).subnetNewBits(2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PlatformVpcProps.subnetNewBits must cut the VPC into at least 6 blocks (a public and a private"
            + " subnet for each of 3 zones) so that subnets do not overlap, but 2^2 = 4, got 2");
  }

  @Test
  void fails_subnetNewBitsOutOfRange() {
    assertThatThrownBy(() -> PlatformVpcProps.builder().name("platform").cidrBlock("10.0.0.0/16")
        .availabilityZones(THREE_ZONES).subnetNewBits(0).build())
        .hasMessage("PlatformVpcProps.subnetNewBits must be between 1 and 12, got 0");
  }

  @Test
  void fails_everyProblemReportedTogether() {
    assertThatThrownBy(() -> PlatformVpcProps.builder().name("").cidrBlock("10.0.0.1/8")
        .availabilityZones(List.of("eu-west-1a")).subnetNewBits(13).build())
        .isInstanceOfSatisfying(InvalidPropsException.class, e -> assertThat(e.getProblems())
            .extracting(Problem::toString)
            .containsExactly(
                "name is required",
                "cidrBlock must have a prefix length between /16 and /24, got \"10.0.0.1/8\"",
                "cidrBlock must be the network address of its range (host bits zero), for example \"10.0.0.0/8\","
                    + " got \"10.0.0.1/8\"",
                "availabilityZones must have between 2 and 6 entries, got 1 [eu-west-1a]",
                "subnetNewBits must be between 1 and 12, got 13"));
  }

  // ---- toBuilder ----

  @Test
  void toBuilder_unchanged_buildsEqualProps() {
    PlatformVpcProps props = perAzProps();
    assertThat(props.toBuilder().build()).isEqualTo(props).hasSameHashCodeAs(props);
  }

  @Test
  void toBuilder_modified_leavesOriginalUnchanged() {
    PlatformVpcProps props = PlatformVpcProps.of("platform", "10.0.0.0/16", THREE_ZONES);
    PlatformVpcProps copy = props.toBuilder().natGateways(NatGateways.PER_AZ).build();
    assertThat(copy.natGateways()).isEqualTo(NatGateways.PER_AZ);
    assertThat(props.natGateways()).isEqualTo(NatGateways.SINGLE);
    assertThat(copy.availabilityZones()).isEqualTo(THREE_ZONES);
    assertThat(copy).isNotEqualTo(props);
  }

  @Test
  void availabilityZones_callerListChangedAfterBuild_propsUnchanged() {
    List<String> zones = new ArrayList<>(THREE_ZONES);
    PlatformVpcProps props = PlatformVpcProps.of("platform", "10.0.0.0/16", zones);
    zones.add("eu-west-1d");
    assertThat(props.availabilityZones()).isEqualTo(THREE_ZONES);
    assertThatThrownBy(() -> props.availabilityZones().add("eu-west-1d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
