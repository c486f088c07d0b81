package com.acme.platform.constructs.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One statement of an IAM policy: allow (or deny) some actions on some resources.
 *
 * <p>A small typed value, so that grants are built from intent rather than from JSON strings. Actions and resources
 * are kept sorted and without duplicates, so the same grant always renders the same document. Build one with
 * {@link #allow(List, List)} or {@link #builder()}.
 *
 * <p>See <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html">IAM JSON policy
 * elements</a>.
 */
public final class PolicyStatement {
  /** {@code service:Action}, where the action may contain {@code *} wildcards. */
  static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*]+");
  /**
   * Write actions that have no resource-level permissions, so AWS only accepts {@code "*"} as their resource.
   * Read actions ({@code Describe*}, {@code Get*}, {@code List*}) may use {@code "*"} too.
   */
  public static final List<String> RESOURCELESS_WRITE_ACTIONS = List.of("cloudwatch:PutMetricData",
      "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel", "xray:PutTelemetryRecords", "xray:PutTraceSegments");
  /** Statement ids are alphanumeric. */
  static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");

  private final String sid;
  private final boolean allow;
  private final List<String> actions;
  private final List<String> resources;

  private PolicyStatement(Builder b) {
    this.sid = b.sid;
    this.allow = b.allow;
    this.actions = b.actions == null ? List.of() : sortedDistinct(b.actions);
    this.resources = b.resources == null ? List.of() : sortedDistinct(b.resources);
    Checks checks = Checks.of("PolicyStatement");
    checks.matches("sid", sid, SID, "letters and digits only");
    checks.check(!actions.isEmpty(), "actions", "is required: at least one IAM action such as \"s3:GetObject\"");
    for (int i = 0; i < actions.size(); i++) {
      checks.required("actions[" + i + "]", actions.get(i));
      checks.matches("actions[" + i + "]", actions.get(i), ACTION,
          "an IAM action such as \"s3:GetObject\" (service prefix, ':', action name)");
    }
    checks.check(!resources.isEmpty(), "resources",
        "is required: at least one ARN, or \"*\" for actions without resource-level permissions");
    for (int i = 0; i < resources.size(); i++) {
      String resource = resources.get(i);
      checks.check(resource != null && !resource.isBlank(), "resources[" + i + "]",
          "must be an ARN or \"*\", got " + Checks.quote(resource));
    }
    if (allow && checks.isClean()) {
      checkLeastPrivilege(checks);
    }
    checks.throwIfAny();
  }

  /**
   * Least privilege for what an allow statement grants: no whole service ({@code s3:*}, checkov CKV_AWS_63 and
   * CKV_AWS_62 for {@code *}), no {@code iam:PassRole} on every role (CKV_AWS_286), and {@code "*"} as a resource
   * only for reads and for the write actions that AWS accepts nothing else for (CKV_AWS_355, CKV_AWS_290).
   */
  private void checkLeastPrivilege(Checks checks) {
    for (int i = 0; i < actions.size(); i++) {
      String action = actions.get(i);
      checks.check(!action.endsWith(":*"), "actions[" + i + "]", "must not allow every action of a service, got "
          + Checks.quote(action) + "; list the actions the application needs");
    }
    if (!resources.contains("*")) {
      return;
    }
    boolean passRole = actions.stream().anyMatch(a -> a.toLowerCase(java.util.Locale.ROOT).startsWith("iam:pass"));
    checks.check(!passRole, "resources", "must not be \"*\" with iam:PassRole: the role could hand any role of the"
        + " account to a service (privilege escalation); name the ARNs of the roles it may pass");
    List<String> writes = actions.stream().filter(a -> !a.toLowerCase(java.util.Locale.ROOT).startsWith("iam:pass"))
        .filter(a -> !isRead(a) && !RESOURCELESS_WRITE_ACTIONS.contains(a)).toList();
    checks.check(writes.isEmpty(), "resources", "must not be \"*\" with actions that change something (" + writes
        + "): \"*\" is only for reads (Describe*, Get*, List*) and for actions without resource-level permissions "
        + RESOURCELESS_WRITE_ACTIONS + "; name the ARNs they act on");
  }

  private static boolean isRead(String action) {
    String name = action.substring(action.indexOf(':') + 1);
    return name.startsWith("Describe") || name.startsWith("Get") || name.startsWith("List")
        || name.startsWith("BatchGet");
  }

  /** Sorted (missing entries first, so that they are reported) and without duplicates. */
  private static List<String> sortedDistinct(List<String> values) {
    return values.stream().distinct().sorted(Comparator.nullsFirst(Comparator.naturalOrder())).toList();
  }

  /**
   * A statement that allows {@code actions} on {@code resources}.
   *
   * @param actions IAM actions such as {@code s3:GetObject}; at least one
   * @param resources ARNs (or {@code *} for actions without resource-level permissions); at least one
   * @return the statement
   * @throws InvalidPropsException when an action or resource is missing or malformed
   */
  public static PolicyStatement allow(List<String> actions, List<String> resources) {
    return builder().actions(actions).resources(resources).build();
  }

  /**
   * Starts a builder; the effect defaults to {@code Allow}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder pre-filled with this statement's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder().sid(sid).allow(allow).actions(actions).resources(resources);
  }

  /**
   * The statement id. Default: none.
   *
   * @return the id, or {@code null} when none was given (it is then left out of the document)
   */
  public String sid() {
    return sid;
  }

  /**
   * Whether the statement allows (rather than denies). Default: {@code true}.
   *
   * @return {@code true} for {@code Allow}
   */
  public boolean allowEffect() {
    return allow;
  }

  /**
   * The actions, sorted and without duplicates.
   *
   * @return the actions
   */
  public List<String> actions() {
    return actions;
  }

  /**
   * The resources, sorted and without duplicates.
   *
   * @return the resources
   */
  public List<String> resources() {
    return resources;
  }

  /**
   * The statement as a policy-document element (a map for {@link JsonDocs#toJson(Object)}).
   *
   * @return the statement's JSON structure
   */
  public Map<String, Object> toDocumentElement() {
    Map<String, Object> element = new LinkedHashMap<>();
    if (sid != null) {
      element.put("Sid", sid);
    }
    element.put("Effect", allow ? "Allow" : "Deny");
    element.put("Action", actions.size() == 1 ? actions.get(0) : actions);
    element.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
    return element;
  }

  /**
   * A whole policy document of statements, as JSON with sorted keys.
   *
   * @param statements the statements, in order
   * @return the policy document's JSON text
   */
  public static String document(List<PolicyStatement> statements) {
    List<Map<String, Object>> elements = new ArrayList<>();
    statements.forEach(s -> elements.add(s.toDocumentElement()));
    return JsonDocs.toJson(Map.of("Version", "2012-10-17", "Statement", elements));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicyStatement s && Objects.equals(sid, s.sid) && allow == s.allow
        && actions.equals(s.actions) && resources.equals(s.resources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sid, allow, actions, resources);
  }

  @Override
  public String toString() {
    return "PolicyStatement[" + (allow ? "Allow " : "Deny ") + actions + " on " + resources + "]";
  }

  /** Builder for {@link PolicyStatement}. */
  public static final class Builder {
    private String sid;
    private boolean allow = true;
    private List<String> actions;
    private List<String> resources;

    private Builder() {}

    /**
     * Sets {@link PolicyStatement#sid()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder sid(String v) { this.sid = v; return this; }

    /**
     * Sets {@link PolicyStatement#allowEffect()}.
     *
     * @param v {@code true} for {@code Allow}, {@code false} for {@code Deny}
     * @return this builder
     */
    public Builder allow(boolean v) { this.allow = v; return this; }

    /**
     * Sets {@link PolicyStatement#actions()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder actions(List<String> v) { this.actions = v == null ? null : new ArrayList<>(v); return this; }

    /**
     * Sets {@link PolicyStatement#resources()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder resources(List<String> v) {
      this.resources = v == null ? null : new ArrayList<>(v);
      return this;
    }

    /**
     * Builds the statement, checking every value.
     *
     * @return the statement
     * @throws InvalidPropsException when an action or resource is missing or malformed
     */
    public PolicyStatement build() {
      return new PolicyStatement(this);
    }
  }
}
