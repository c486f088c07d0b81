/**
 * Networking: a VPC laid out over the availability zones given in configuration.
 *
 * <p>{@link com.acme.platform.constructs.network.PlatformVpc} creates:
 * <ul>
 *   <li>{@code aws_vpc} with DNS support and DNS hostnames enabled</li>
 *   <li>{@code aws_internet_gateway}</li>
 *   <li>one public {@code aws_subnet} per availability zone (public IPv4 addresses on launch)</li>
 *   <li>one private {@code aws_subnet} per availability zone</li>
 *   <li>a public {@code aws_route_table} with an {@code aws_route} {@code 0.0.0.0/0} to the internet gateway, and an
 *       {@code aws_route_table_association} per public subnet</li>
 *   <li>private {@code aws_route_table}s (one per zone for {@code PER_AZ}, otherwise one shared), each with an
 *       {@code aws_route} {@code 0.0.0.0/0} to a NAT gateway unless NAT is {@code NONE}, and an
 *       {@code aws_route_table_association} per private subnet</li>
 *   <li>per NAT gateway (none, one, or one per zone): an {@code aws_eip} and an {@code aws_nat_gateway} in a public
 *       subnet</li>
 * </ul>
 *
 * <p>{@link com.acme.platform.constructs.network.VpcRef} is how other constructs take a VPC, whether built here or
 * existing. Nothing in this package reads a data source, so stacks plan offline.
 */
package com.acme.platform.constructs.network;
