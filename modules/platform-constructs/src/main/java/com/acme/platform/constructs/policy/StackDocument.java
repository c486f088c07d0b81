package com.acme.platform.constructs.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The resources of one synthesized stack (its Terraform JSON's {@code resource} object), sorted by address so that
 * the check's output does not depend on the order cdktf wrote them in.
 */
public final class StackDocument {
  private final String stackName;
  private final Map<String, StackResource> byAddress;

  private StackDocument(String stackName, Map<String, StackResource> byAddress) {
    this.stackName = stackName;
    this.byAddress = Collections.unmodifiableMap(byAddress);
  }

  /**
   * Reads the resources of a Terraform JSON document.
   *
   * @param stackName the stack's name, used in messages
   * @param terraformJson the whole document (with {@code resource}, {@code provider}, ...)
   * @return the document's resources
   */
  public static StackDocument of(String stackName, JsonNode terraformJson) {
    Objects.requireNonNull(stackName, "stackName");
    Objects.requireNonNull(terraformJson, "terraformJson");
    Map<String, StackResource> resources = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> types = terraformJson.path("resource").fields();
    while (types.hasNext()) {
      Map.Entry<String, JsonNode> type = types.next();
      Iterator<Map.Entry<String, JsonNode>> names = type.getValue().fields();
      while (names.hasNext()) {
        Map.Entry<String, JsonNode> named = names.next();
        StackResource resource = new StackResource(type.getKey(), named.getKey(), named.getValue());
        resources.put(resource.address(), resource);
      }
    }
    return new StackDocument(stackName, resources);
  }

  /**
   * The stack's name.
   *
   * @return the name given to {@link #of}
   */
  public String stackName() {
    return stackName;
  }

  /**
   * Every resource, sorted by address.
   *
   * @return the resources
   */
  public List<StackResource> resources() {
    return List.copyOf(byAddress.values());
  }

  /**
   * The resource at an address.
   *
   * @param address {@code <type>.<name>}
   * @return the resource, or empty when the stack has none there
   */
  public Optional<StackResource> find(String address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  /**
   * The resources of some types, sorted by address.
   *
   * @param types Terraform resource types
   * @return the resources of any of the types
   */
  public List<StackResource> ofType(String... types) {
    List<String> wanted = Arrays.asList(types);
    List<StackResource> found = new ArrayList<>();
    for (StackResource r : byAddress.values()) {
      if (wanted.contains(r.type())) {
        found.add(r);
      }
    }
    return found;
  }

  /**
   * The resources of some types whose {@code field} refers to {@code target}: a Terraform reference to it, or, for
   * a target with a literal {@code nameField}, that literal name (a bucket policy naming its bucket directly).
   *
   * @param target the resource referred to
   * @param field the referring resources' field, for example {@code bucket} or {@code vpc_id}
   * @param nameField the target's field that holds its literal name, for example {@code bucket}; null for none
   * @param types the referring resources' types
   * @return the referring resources, sorted by address
   */
  public List<StackResource> referring(StackResource target, String field, String nameField, String... types) {
    JsonNode literal = nameField == null ? null : target.config().get(nameField);
    List<StackResource> found = new ArrayList<>();
    for (StackResource r : ofType(types)) {
      JsonNode value = r.config().get(field);
      boolean byName = literal != null && literal.isTextual() && value != null && value.isTextual()
          && !literal.asText().contains("${") && literal.asText().equals(value.asText());
      if (target.isReferencedBy(value) || byName) {
        found.add(r);
      }
    }
    return found;
  }
}
