package com.acme.platform.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4CidrTest {

  @Test
  void parse_validBlock_roundTrips() {
    Ipv4Cidr cidr = Ipv4Cidr.parse("10.1.2.0/24");

    assertThat(cidr).isNotNull();
    assertThat(cidr.prefixLength()).isEqualTo(24);
    assertThat(cidr.address()).isEqualTo(10L << 24 | 1L << 16 | 2L << 8);
    assertThat(cidr).hasToString("10.1.2.0/24");
  }

  @Test
  void parse_highAddress_staysUnsigned() {
    assertThat(Ipv4Cidr.parse("255.255.255.255/32")).hasToString("255.255.255.255/32");
    assertThat(Ipv4Cidr.parse("0.0.0.0/0")).hasToString("0.0.0.0/0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10.0.0.0", "10.0.0/16", "10.0.0.0/33", "256.0.0.0/16", "10.0.0.0/016",
      "010.0.0.0/16", "10.0.0.0/-1", " 10.0.0.0/16", "a.b.c.d/16", "10.0.0.0/16/1"})
  void parse_invalidText_returnsNull(String text) {
    assertThat(Ipv4Cidr.parse(text)).isNull();
  }

  @Test
  void parse_null_returnsNull() {
    assertThat(Ipv4Cidr.parse(null)).isNull();
  }

  @Test
  void isNetworkAddress_hostBitsSet_false() {
    assertThat(Ipv4Cidr.parse("10.0.0.0/16").isNetworkAddress()).isTrue();
    assertThat(Ipv4Cidr.parse("10.0.0.1/16").isNetworkAddress()).isFalse();
    assertThat(Ipv4Cidr.parse("10.0.128.0/17").isNetworkAddress()).isTrue();
    assertThat(Ipv4Cidr.parse("10.0.128.0/16").isNetworkAddress()).isFalse();
  }

  @Test
  void network_hostBitsSet_cleared() {
    assertThat(Ipv4Cidr.parse("10.0.200.7/16").network()).hasToString("10.0.0.0/16");
    assertThat(Ipv4Cidr.parse("192.168.1.77/26").network()).hasToString("192.168.1.64/26");
  }

  @Test
  void subnet_slash16FourNewBits_twentiesInOrder() {
    Ipv4Cidr vpc = Ipv4Cidr.parse("10.0.0.0/16");

    assertThat(vpc.subnet(4, 0)).hasToString("10.0.0.0/20");
    assertThat(vpc.subnet(4, 1)).hasToString("10.0.16.0/20");
    assertThat(vpc.subnet(4, 8)).hasToString("10.0.128.0/20");
    assertThat(vpc.subnet(4, 15)).hasToString("10.0.240.0/20");
  }

  @Test
  void subnet_acrossOctets_matchesCidrsubnet() {
    // Same as Terraform: cidrsubnet("172.16.0.0/20", 3, 5) = "172.16.10.0/23"
    assertThat(Ipv4Cidr.parse("172.16.0.0/20").subnet(3, 5)).hasToString("172.16.10.0/23");
    // cidrsubnet("10.0.0.0/24", 4, 15) = "10.0.0.240/28"
    assertThat(Ipv4Cidr.parse("10.0.0.0/24").subnet(4, 15)).hasToString("10.0.0.240/28");
    // cidrsubnet("192.168.0.0/16", 8, 255) = "192.168.255.0/24"
    assertThat(Ipv4Cidr.parse("192.168.0.0/16").subnet(8, 255)).hasToString("192.168.255.0/24");
  }

  @Test
  void subnet_zeroNewBits_sameBlock() {
    assertThat(Ipv4Cidr.parse("10.0.0.0/16").subnet(0, 0)).hasToString("10.0.0.0/16");
  }

  @Test
  void fails_subnet_indexOutOfRange() {
    assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.0.0/16").subnet(2, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index must be between 0 and 3 for 2 new bits, got 4");
  }

  @Test
  void fails_subnet_prefixBeyond32() {
    assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.0.0/30").subnet(3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("newBits must be between 0 and 2 for /30, got 3");
  }

  @Test
  void overlaps_adjacentAndNested_detected() {
    Ipv4Cidr a = Ipv4Cidr.parse("10.0.0.0/20");
    Ipv4Cidr b = Ipv4Cidr.parse("10.0.16.0/20");
    Ipv4Cidr inA = Ipv4Cidr.parse("10.0.15.0/24");
    Ipv4Cidr vpc = Ipv4Cidr.parse("10.0.0.0/16");

    assertThat(a.overlaps(b)).isFalse();
    assertThat(b.overlaps(a)).isFalse();
    assertThat(a.overlaps(inA)).isTrue();
    assertThat(inA.overlaps(a)).isTrue();
    assertThat(vpc.overlaps(b)).isTrue();
  }

  @Test
  void subnet_allBlocks_doNotOverlap() {
    Ipv4Cidr vpc = Ipv4Cidr.parse("10.20.0.0/18");
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 8; j++) {
        assertThat(vpc.subnet(3, i).overlaps(vpc.subnet(3, j))).as("%d vs %d", i, j).isEqualTo(i == j);
      }
    }
  }
}
