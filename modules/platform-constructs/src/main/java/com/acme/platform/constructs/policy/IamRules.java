package com.acme.platform.constructs.policy;

import static com.acme.platform.constructs.policy.JsonValues.allows;
import static com.acme.platform.constructs.policy.JsonValues.blocks;
import static com.acme.platform.constructs.policy.JsonValues.statements;
import static com.acme.platform.constructs.policy.JsonValues.strings;
import static com.acme.platform.constructs.policy.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/** The IAM rules: permission policies (inline, managed, attached) and trust policies of roles. */
final class IamRules {
  /** Resources that carry a permission policy document in {@code policy}; roles carry theirs in inline_policy. */
  private static final String[] POLICY_HOLDERS = {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy",
      "aws_iam_group_policy", "aws_iam_role"};
  /** Action names (after the service prefix) that only read. */
  private static final Pattern READ_ONLY = Pattern.compile("(Get|List|Describe|BatchGet|BatchCheck|Head|View"
      + "|Lookup|Search)[A-Za-z*]*");
  private static final Pattern ADMIN_POLICY = Pattern.compile("arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess");

  private IamRules() {}

  static List<PolicyRule> rules() {
    return List.of(
        PolicyRule.builder().id("iam-no-wildcard-action").checkovId("CKV_AWS_63")
            .tfsecId("aws-iam-no-policy-wildcards").trivyId("AVD-AWS-0057")
            .title("IAM policies name their actions: no `*` or `service:*`, no Allow with NotAction")
            .fix("list the actions the principal calls, for example \"s3:GetObject\"")
            .resourceTypes(POLICY_HOLDERS)
            .check((r, s) -> eachAllow(r, (statement, where) -> {
              List<String> out = new ArrayList<>();
              List<String> wild = strings(statement.get("Action")).stream()
                  .filter(a -> "*".equals(a) || a.endsWith(":*")).toList();
              if (!wild.isEmpty()) {
                out.add(where + "allows " + quoted(wild));
              }
              if (statement.has("NotAction")) {
                out.add(where + "allows every action except " + quoted(strings(statement.get("NotAction"))));
              }
              return out;
            })).build(),
        PolicyRule.builder().id("iam-no-wildcard-resource-write").checkovId("CKV_AWS_355")
            .tfsecId("aws-iam-no-policy-wildcards").trivyId("AVD-AWS-0057")
            .title("IAM policies allow actions that change something only on named resources, not on `*`")
            .fix("replace the resource \"*\" with the ARNs the actions need")
            .resourceTypes(POLICY_HOLDERS)
            .check((r, s) -> eachAllow(r, (statement, where) -> {
              if (!strings(statement.get("Resource")).contains("*")) {
                return List.of();
              }
              List<String> writes = strings(statement.get("Action")).stream().filter(a -> !isReadOnly(a)).toList();
              return writes.isEmpty() ? List.of()
                  : List.of(where + "allows " + quoted(writes) + " on the resource \"*\"");
            })).build(),
        PolicyRule.builder().id("iam-no-passrole-wildcard")
            .tfsecId("aws-iam-filter-passrole-access").trivyId("AVD-AWS-0342")
            .title("iam:PassRole is allowed only for named roles")
            .fix("name the role ARNs that may be passed, and the service they are passed to (iam:PassedToService)")
            .resourceTypes(POLICY_HOLDERS)
            .check((r, s) -> eachAllow(r, (statement, where) -> {
              boolean passRole = strings(statement.get("Action")).stream()
                  .anyMatch(a -> "*".equals(a) || "iam:*".equalsIgnoreCase(a) || "iam:passrole".equalsIgnoreCase(a)
                      || "iam:pass*".equalsIgnoreCase(a));
              return passRole && strings(statement.get("Resource")).contains("*")
                  ? List.of(where + "allows iam:PassRole on the resource \"*\"") : List.of();
            })).build(),
        PolicyRule.builder().id("iam-trust-one-service").checkovId("CKV_AWS_60")
            .title("Role trust policies let exactly one AWS service assume the role")
            .fix("trust one service principal (for example ecs-tasks.amazonaws.com) in one Allow statement; give "
                + "another service its own role")
            .resourceTypes("aws_iam_role")
            .check((r, s) -> {
              JsonNode trust = JsonValues.embedded(r.config(), "assume_role_policy");
              if (trust == null) {
                return List.of();
              }
              List<JsonNode> all = statements(trust);
              List<JsonNode> allowing = all.stream().filter(JsonValues::allows).toList();
              if (allowing.size() != 1) {
                return List.of("the trust policy has " + allowing.size() + " Allow statements");
              }
              JsonNode principal = allowing.get(0).get("Principal");
              List<String> services = principal == null ? List.of() : strings(principal.get("Service"));
              List<String> others = new ArrayList<>();
              if (principal != null && principal.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> kinds = principal.fields();
                while (kinds.hasNext()) {
                  Map.Entry<String, JsonNode> kind = kinds.next();
                  if (!"Service".equals(kind.getKey())) {
                    strings(kind.getValue()).forEach(p -> others.add(kind.getKey() + " " + p));
                  }
                }
              } else if (principal != null) {
                strings(principal).forEach(p -> others.add(p));
              }
              if (!others.isEmpty()) {
                return List.of("the role trusts " + quoted(others) + ", not a service");
              }
              return services.size() == 1 ? List.of()
                  : List.of("the role trusts " + services.size() + " services " + quoted(services));
            }).build(),
        PolicyRule.builder().id("iam-no-admin-policy").checkovId("CKV_AWS_274")
            .title("No role, user or group gets the AdministratorAccess managed policy")
            .fix("attach a policy with the permissions the principal needs")
            .resourceTypes("aws_iam_role_policy_attachment", "aws_iam_policy_attachment",
                "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_role")
            .check((r, s) -> {
              List<String> arns = new ArrayList<>(strings(r.config().get("policy_arn")));
              arns.addAll(strings(r.config().get("managed_policy_arns")));
              return arns.stream().anyMatch(a -> ADMIN_POLICY.matcher(a).matches())
                  ? List.of("AdministratorAccess is attached") : List.of();
            }).build());
  }

  /**
   * The principals of a statement as plain strings: {@code "*"} for {@code "Principal": "*"} and for
   * {@code {"AWS": "*"}}, else the values of every principal kind.
   */
  static List<String> principals(JsonNode statement) {
    JsonNode principal = statement.get("Principal");
    List<String> out = new ArrayList<>();
    if (principal == null) {
      return out;
    }
    if (principal.isObject()) {
      principal.fields().forEachRemaining(kind -> out.addAll(strings(kind.getValue())));
    } else {
      out.addAll(strings(principal));
    }
    return out;
  }

  /** Runs a statement check over every Allow statement of every policy document the resource holds. */
  private static List<String> eachAllow(StackResource r, BiFunction<JsonNode, String, List<String>> check) {
    List<JsonNode> documents = new ArrayList<>();
    if ("aws_iam_role".equals(r.type())) {
      for (JsonNode inline : blocks(r.config(), "inline_policy")) {
        documents.add(JsonValues.embedded(inline, "policy"));
      }
    } else {
      documents.add(JsonValues.embedded(r.config(), "policy"));
    }
    List<String> out = new ArrayList<>();
    for (JsonNode document : documents) {
      List<JsonNode> statements = statements(document);
      for (int i = 0; i < statements.size(); i++) {
        JsonNode statement = statements.get(i);
        if (allows(statement)) {
          String sid = text(statement, "Sid");
          out.addAll(check.apply(statement, "statement " + (sid != null ? sid : String.valueOf(i)) + " "));
        }
      }
    }
    return out;
  }

  private static boolean isReadOnly(String action) {
    int colon = action.indexOf(':');
    return colon > 0 && READ_ONLY.matcher(action.substring(colon + 1)).matches();
  }

  private static String quoted(List<String> values) {
    TreeSet<String> sorted = new TreeSet<>(values);
    List<String> out = new ArrayList<>();
    sorted.forEach(v -> out.add("\"" + v + "\""));
    return String.join(", ", out);
  }
}
