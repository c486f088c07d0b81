package com.acme.platform.constructs.policy;

import static com.acme.platform.constructs.policy.JsonValues.block;
import static com.acme.platform.constructs.policy.JsonValues.blocks;
import static com.acme.platform.constructs.policy.JsonValues.isTrue;
import static com.acme.platform.constructs.policy.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The ECS rules: clusters, task definitions (their containers) and services. */
final class EcsRules {
  private static final String TASK_DEFINITION = "aws_ecs_task_definition";

  private EcsRules() {}

  static List<PolicyRule> rules() {
    return List.of(
        PolicyRule.builder().id("ecs-container-insights").checkovId("CKV_AWS_65")
            .tfsecId("aws-ecs-enable-container-insight").trivyId("AVD-AWS-0034")
            .title("ECS clusters have Container Insights enabled")
            .fix("set the cluster setting containerInsights to \"enabled\"")
            .resourceTypes("aws_ecs_cluster")
            .check((r, s) -> {
              for (JsonNode setting : blocks(r.config(), "setting")) {
                if ("containerInsights".equals(text(setting, "name"))) {
                  String value = text(setting, "value");
                  return "enabled".equals(value) || "enhanced".equals(value) ? List.of()
                      : List.of("Container Insights is \"" + value + "\"");
                }
              }
              return List.of("Container Insights is not enabled (no containerInsights setting)");
            }).build(),
        PolicyRule.builder().id("ecs-read-only-root-filesystem").checkovId("CKV_AWS_336")
            .title("ECS containers have a read-only root filesystem")
            .fix("set readonlyRootFilesystem to true on every container; give a container that must write a volume "
                + "(mountPoints) for that path")
            .resourceTypes(TASK_DEFINITION)
            .check((r, s) -> containers(r, c -> !isTrue(c.get("readonlyRootFilesystem")),
                "a writable root filesystem (readonlyRootFilesystem is not true)"))
            .build(),
        PolicyRule.builder().id("ecs-no-privileged-containers").checkovId("CKV_AWS_334")
            .title("ECS containers do not run privileged")
            .fix("remove privileged from the container definition")
            .resourceTypes(TASK_DEFINITION)
            .check((r, s) -> containers(r, c -> isTrue(c.get("privileged")), "privileged set to true"))
            .build(),
        PolicyRule.builder().id("ecs-no-host-network-mode")
            .title("ECS task definitions do not use the host network mode")
            .fix("use network_mode \"bridge\" or \"awsvpc\"")
            .resourceTypes(TASK_DEFINITION)
            .check((r, s) -> "host".equals(text(r.config(), "network_mode"))
                ? List.of("network_mode is \"host\": containers share the instance's network stack") : List.of())
            .build(),
        PolicyRule.builder().id("ecs-no-host-pid-mode").checkovId("CKV_AWS_335")
            .title("ECS task definitions do not share the host's process namespace")
            .fix("remove pid_mode \"host\" (or set \"task\")")
            .resourceTypes(TASK_DEFINITION)
            .check((r, s) -> {
              List<String> out = new ArrayList<>();
              if ("host".equals(text(r.config(), "pid_mode"))) {
                out.add("pid_mode is \"host\"");
              }
              out.addAll(containers(r, c -> "host".equals(text(c, "pidMode")), "pidMode \"host\""));
              return out;
            }).build(),
        PolicyRule.builder().id("ecs-no-host-ipc-mode")
            .title("ECS task definitions do not share the host's IPC namespace")
            .fix("remove ipc_mode \"host\" (or set \"task\" or \"none\")")
            .resourceTypes(TASK_DEFINITION)
            .check((r, s) -> "host".equals(text(r.config(), "ipc_mode")) ? List.of("ipc_mode is \"host\"")
                : List.of())
            .build(),
        PolicyRule.builder().id("ecs-no-secrets-in-environment")
            .tfsecId("aws-ecs-no-plaintext-secrets").trivyId("AVD-AWS-0036")
            .title("ECS containers take secrets from Secrets Manager or SSM, not from plain environment variables")
            .fix("store the value in Secrets Manager or SSM Parameter Store and reference it in the container's "
                + "secrets (ContainerDefinition.secret; in an environment file, services[].secrets)")
            .resourceTypes(TASK_DEFINITION)
            .check((r, s) -> {
              List<String> out = new ArrayList<>();
              for (JsonNode c : containerList(r)) {
                for (JsonNode variable : blocks(c, "environment")) {
                  String name = text(variable, "name");
                  if (SecretLikeValues.looksSecret(name, text(variable, "value"))) {
                    out.add("container \"" + text(c, "name") + "\" sets " + name + " in plain environment");
                  }
                }
              }
              return out;
            }).build(),
        PolicyRule.builder().id("ecs-separate-execution-and-task-roles").checkovId("CKV_AWS_249")
            .title("ECS task definitions use different roles for the execution role and the task role")
            .fix("give the task its own task role; the execution role only pulls images, reads secrets and writes "
                + "logs")
            .resourceTypes(TASK_DEFINITION)
            .check((r, s) -> {
              String execution = text(r.config(), "execution_role_arn");
              return execution != null && execution.equals(text(r.config(), "task_role_arn"))
                  ? List.of("the execution role and the task role are the same (" + execution + ")") : List.of();
            }).build(),
        PolicyRule.builder().id("ecs-service-no-public-ip").checkovId("CKV_AWS_333")
            .title("ECS services do not assign public IP addresses to tasks")
            .fix("set network_configuration.assign_public_ip to false and run tasks in private subnets")
            .resourceTypes("aws_ecs_service")
            .check((r, s) -> isTrue(block(r.config(), "network_configuration").get("assign_public_ip"))
                ? List.of("tasks get public IP addresses (assign_public_ip is true)") : List.of())
            .build());
  }

  /** The containers of a task definition; empty when its definitions are not literal JSON. */
  static List<JsonNode> containerList(StackResource taskDefinition) {
    JsonNode parsed = JsonValues.embedded(taskDefinition.config(), "container_definitions");
    List<JsonNode> out = new ArrayList<>();
    if (parsed != null && parsed.isArray()) {
      parsed.forEach(c -> {
        if (c.isObject()) {
          out.add(c);
        }
      });
    }
    return out;
  }

  /** One problem naming every container that matches, or none. */
  private static List<String> containers(StackResource r, Predicate<JsonNode> bad, String what) {
    List<String> names = new ArrayList<>();
    for (JsonNode c : containerList(r)) {
      if (bad.test(c)) {
        names.add("\"" + text(c, "name") + "\"");
      }
    }
    if (names.isEmpty()) {
      return List.of();
    }
    return List.of((names.size() == 1 ? "container " : "containers ") + String.join(", ", names)
        + (names.size() == 1 ? " has " : " have ") + what);
  }
}
