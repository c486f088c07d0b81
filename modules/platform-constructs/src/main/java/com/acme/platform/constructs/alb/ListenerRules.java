package com.acme.platform.constructs.alb;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The service rules of one load balancer listener, as far as routing needs them: which priorities and which
 * conditions (host headers and path patterns) are taken, and by whom.
 *
 * <p>{@link PlatformLoadBalancer#addServiceRouting(String, ServiceRoutingProps)} keeps one of these. It is pure Java
 * (no constructs, no Terraform), so an application can also feed it every routing of a load balancer before it
 * builds anything, and report clashes together with its other input problems.
 *
 * <p>Priorities: an explicit {@link ServiceRoutingProps#priority()} is used as given. Without one, a rule gets the
 * lowest multiple of 10 (10, 20, 30, ...) not yet taken at the time it is added.
 */
public final class ListenerRules {
  private static final int PRIORITY_STEP = 10;
  private static final int MAX_PRIORITY = 50_000;

  private final String subject;
  private final List<Rule> rules = new ArrayList<>();

  /**
   * Starts an empty set of rules.
   *
   * @param subject what the rules belong to, used as the subject of every problem, for example
   *     {@code PlatformLoadBalancer 'Public'}
   */
  public ListenerRules(String subject) {
    this.subject = Objects.requireNonNull(subject, "subject");
  }

  /**
   * Adds the rule of one routing, after checking it against every rule added before.
   *
   * @param id who the rule belongs to, for example a service name; unique within this set
   * @param props the routing's properties
   * @return the rule's priority: the explicit one, or the one assigned
   * @throws InvalidPropsException (field {@code listenerRules}) when the id is taken, when the priority is used by
   *     another rule, when another rule has the same host headers and path patterns, or when no priority is free
   */
  public int add(String id, ServiceRoutingProps props) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(props, "props");
    if (rules.stream().anyMatch(r -> r.id().equals(id))) {
      throw problem("routing id '" + id + "' is already used; give each routing a distinct id");
    }
    int priority = props.priority() != null ? props.priority() : nextFreePriority(id);
    List<String> conditions = conditionKey(props);
    for (Rule existing : rules) {
      if (existing.priority() == priority) {
        throw problem("priority " + priority + " is used by both target groups '" + existing.targetGroupName()
            + "' and '" + props.targetGroupName() + "';"
            + " give each service a distinct priority");
      }
      if (existing.conditions().equals(conditions)) {
        throw problem("conditions (host headers " + conditions.get(0) + ", path patterns " + conditions.get(1)
            + ") are used by both target groups '" + existing.targetGroupName() + "' and '" + props.targetGroupName()
            + "';"
            + " give each service a distinct host header or path pattern");
      }
    }
    rules.add(new Rule(id, props.targetGroupName(), priority, conditions));
    return priority;
  }

  private int nextFreePriority(String id) {
    for (int candidate = PRIORITY_STEP; candidate <= MAX_PRIORITY; candidate += PRIORITY_STEP) {
      int c = candidate;
      if (rules.stream().noneMatch(r -> r.priority() == c)) {
        return candidate;
      }
    }
    throw problem("no multiple of " + PRIORITY_STEP + " up to " + MAX_PRIORITY + " is free for routing '" + id
        + "'; give it an explicit priority");
  }

  private InvalidPropsException problem(String message) {
    return new InvalidPropsException(subject, List.of(new Problem("listenerRules", message)));
  }

  /** Host headers (case-insensitive, as ALB matches them) and path patterns, each sorted, as two list strings. */
  private static List<String> conditionKey(ServiceRoutingProps props) {
    TreeSet<String> hosts = new TreeSet<>();
    props.hostHeaders().forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
    return List.of(hosts.toString(), new TreeSet<>(props.pathPatterns()).toString());
  }

  /** One rule: its owner, priority and condition key. */
  /** One rule; messages name its target group, which users know by name (the id is a construct id). */
  private record Rule(String id, String targetGroupName, int priority, List<String> conditions) {}
}
