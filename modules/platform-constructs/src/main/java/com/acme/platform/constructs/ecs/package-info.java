/**
 * Amazon ECS on EC2: clusters with Auto Scaling capacity, and the services that run on them.
 *
 * <p>{@link com.acme.platform.constructs.ecs.Ec2Cluster} creates:
 * <ul>
 *   <li>{@code aws_ecs_cluster} (Container Insights enabled by default)</li>
 *   <li>{@code aws_iam_role} for the container instances, with {@code aws_iam_role_policy_attachment}s for
 *       {@code AmazonEC2ContainerServiceforEC2Role}, {@code AmazonSSMManagedInstanceCore} and any extra policies</li>
 *   <li>{@code aws_iam_instance_profile}</li>
 *   <li>{@code aws_security_group} for the instances, with an {@code aws_vpc_security_group_egress_rule} allowing all
 *       egress, and an {@code aws_vpc_security_group_ingress_rule} per {@code allowIngressFrom} call</li>
 *   <li>{@code aws_launch_template}: ECS-optimized Amazon Linux 2023 AMI through {@code resolve:ssm:}, IMDSv2
 *       required, encrypted gp3 root volume, user data that joins the cluster</li>
 *   <li>{@code aws_autoscaling_group} in the VPC's private subnets ({@code desired_capacity} ignored: the capacity
 *       provider owns it)</li>
 *   <li>{@code aws_ecs_capacity_provider} {@code <clusterName>-ec2} with managed scaling and managed termination
 *       protection</li>
 *   <li>{@code aws_ecs_cluster_capacity_providers} making that capacity provider the cluster's default</li>
 *   <li>per {@code addPersistentVolume} call, a {@link com.acme.platform.constructs.ecs.PersistentVolume}: an
 *       encrypted gp3 {@code aws_ebs_volume} that the instances attach and mount at boot, and the instance role's
 *       inline {@code aws_iam_role_policy} that may attach it; the group then runs in the volume's subnet only</li>
 * </ul>
 *
 * <p>{@link com.acme.platform.constructs.ecs.Ec2Service} creates:
 * <ul>
 *   <li>{@code aws_cloudwatch_log_group} {@code /ecs/<serviceName>}</li>
 *   <li>{@code aws_iam_role} for task execution (with {@code AmazonECSTaskExecutionRolePolicy} and, for secrets, an
 *       inline {@code aws_iam_role_policy}) and {@code aws_iam_role} for the task</li>
 *   <li>{@code aws_ecs_task_definition} (bridge network mode, containers from the given definitions)</li>
 *   <li>{@code aws_ecs_service} on the cluster's capacity provider, rolling deployment with circuit breaker and
 *       rollback, optional load balancer attachment</li>
 *   <li>{@code aws_appautoscaling_target} and a target-tracking {@code aws_appautoscaling_policy} when
 *       {@code maxCapacity > minCapacity}</li>
 *   <li>per {@code mountPersistentVolume} call, a host volume of the task definition, a container mount point and
 *       a placement constraint on the instance that holds the volume</li>
 * </ul>
 *
 * <p>{@link com.acme.platform.constructs.ecs.ClusterRef} is how services take a cluster. Nothing in this package
 * reads a data source, so stacks plan offline.
 */
package com.acme.platform.constructs.ecs;
