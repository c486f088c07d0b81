package com.acme.platform.constructs.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 CIDR block and the arithmetic constructs need: parsing, network addresses, cutting into subnets.
 *
 * <p>Pure Java, no cdktf: it is unit-tested on its own.
 *
 * @param address the 32-bit address as an unsigned value (0 to 2^32 - 1)
 * @param prefixLength the prefix length, 0 to 32
 */
public record Ipv4Cidr(long address, int prefixLength) {
  private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
  private static final long ALL_ONES = 0xFFFF_FFFFL;

  /**
   * Checks the ranges.
   *
   * @param address see {@link Ipv4Cidr#address()}
   * @param prefixLength see {@link Ipv4Cidr#prefixLength()}
   * @throws IllegalArgumentException if the address or the prefix length is out of range
   */
  public Ipv4Cidr {
    if (address < 0 || address > ALL_ONES) {
      throw new IllegalArgumentException("address must be between 0 and 2^32 - 1, got " + address);
    }
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefixLength must be between 0 and 32, got " + prefixLength);
    }
  }

  /**
   * Parses {@code a.b.c.d/n}. Octets must be 0-255 without leading zeros, the prefix 0-32.
   *
   * @param text the CIDR text
   * @return the block, or {@code null} when the text is not an IPv4 CIDR block
   */
  public static Ipv4Cidr parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = CIDR.matcher(text);
    if (!m.matches()) {
      return null;
    }
    long address = 0;
    for (int i = 1; i <= 4; i++) {
      String octet = m.group(i);
      int value = Integer.parseInt(octet);
      if (value > 255 || octet.length() > 1 && octet.charAt(0) == '0') {
        return null;
      }
      address = address << 8 | value;
    }
    String prefix = m.group(5);
    int prefixLength = Integer.parseInt(prefix);
    if (prefixLength > 32 || prefix.length() > 1 && prefix.charAt(0) == '0') {
      return null;
    }
    return new Ipv4Cidr(address, prefixLength);
  }

  /**
   * The netmask as an unsigned 32-bit value.
   *
   * @return the netmask, 0 to 2^32 - 1
   */
  public long netmask() {
    return prefixLength == 0 ? 0 : ALL_ONES << (32 - prefixLength) & ALL_ONES;
  }

  /**
   * Whether all host bits are zero, that is, the address is the first address of the block.
   *
   * @return {@code true} when the address is the first address of the block
   */
  public boolean isNetworkAddress() {
    return (address & ~netmask() & ALL_ONES) == 0;
  }

  /**
   * The same block with its host bits cleared, for example {@code 10.0.0.0/16} for {@code 10.0.0.1/16}.
   *
   * @return the network block, with the same prefix length
   */
  public Ipv4Cidr network() {
    return new Ipv4Cidr(address & netmask(), prefixLength);
  }

  /**
   * How many addresses the block holds.
   *
   * @return the number of addresses, 2^(32 - prefixLength)
   */
  public long size() {
    return 1L << (32 - prefixLength);
  }

  /**
   * Block {@code index} when this block is cut into {@code 2^newBits} equal blocks of prefix
   * {@code prefixLength + newBits}, counted from the lowest address (like Terraform's {@code cidrsubnet}).
   *
   * @param newBits how many bits to add to the prefix; at least 0, and the result's prefix at most 32
   * @param index which block, 0 to {@code 2^newBits - 1}
   * @return the subnet block
   */
  public Ipv4Cidr subnet(int newBits, int index) {
    if (newBits < 0 || prefixLength + newBits > 32) {
      throw new IllegalArgumentException("newBits must be between 0 and " + (32 - prefixLength) + " for /"
          + prefixLength + ", got " + newBits);
    }
    long blocks = 1L << newBits;
    if (index < 0 || index >= blocks) {
      throw new IllegalArgumentException("index must be between 0 and " + (blocks - 1) + " for " + newBits
          + " new bits, got " + index);
    }
    int newPrefix = prefixLength + newBits;
    long blockSize = 1L << (32 - newPrefix);
    return new Ipv4Cidr((address & netmask()) + index * blockSize, newPrefix);
  }

  /**
   * Whether the two blocks share at least one address.
   *
   * @param other another block
   * @return true when they overlap
   */
  public boolean overlaps(Ipv4Cidr other) {
    long start = network().address();
    long end = start + size() - 1;
    long otherStart = other.network().address();
    long otherEnd = otherStart + other.size() - 1;
    return start <= otherEnd && otherStart <= end;
  }

  /** The block as {@code a.b.c.d/n}. */
  @Override
  public String toString() {
    return (address >> 24 & 0xFF) + "." + (address >> 16 & 0xFF) + "." + (address >> 8 & 0xFF) + "."
        + (address & 0xFF) + "/" + prefixLength;
  }
}
