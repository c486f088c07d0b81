/**
 * Application load balancer and per-service routing.
 *
 * <p>{@link com.acme.platform.constructs.alb.PlatformLoadBalancer} creates:
 * <ul>
 *   <li>{@code aws_security_group} for the load balancer (no inline rules)</li>
 *   <li>{@code aws_vpc_security_group_ingress_rule}: per ingress CIDR, TCP 80 and, with a certificate, TCP 443</li>
 *   <li>{@code aws_vpc_security_group_egress_rule}: all traffic to the VPC CIDR block</li>
 *   <li>{@code aws_lb}: an application load balancer that drops invalid header fields</li>
 *   <li>{@code aws_lb_listener}: HTTP on port 80 (default {@code 404 Not Found}, or a redirect to HTTPS when a
 *       certificate is configured) and, with a certificate, HTTPS on port 443 (default {@code 404 Not Found})</li>
 * </ul>
 *
 * <p>{@link com.acme.platform.constructs.alb.ServiceRouting} creates:
 * <ul>
 *   <li>{@code aws_lb_target_group}: HTTP, target type {@code instance}, with health check and stickiness settings</li>
 *   <li>{@code aws_lb_listener_rule}: forwards requests matching host headers and/or path patterns to the target
 *       group</li>
 * </ul>
 *
 * <p>{@link com.acme.platform.constructs.alb.ListenerRules} creates nothing: it assigns listener rule priorities and
 * rejects priority and condition clashes, for {@code PlatformLoadBalancer} and for applications that check their
 * routings before building constructs.
 *
 * <p>{@link com.acme.platform.constructs.alb.LoadBalancerRef} carries what routing needs from a load balancer, whether
 * created here or existing.
 */
package com.acme.platform.constructs.alb;
