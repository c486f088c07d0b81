package com.acme.platform.constructs.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One resource of a synthesized stack, as the policy rules see it.
 *
 * @param type the Terraform resource type, for example {@code aws_lb}
 * @param name the resource's logical name in the stack, for example {@code LoadBalancerPublic_8B4D150F}
 * @param config the resource's body in the Terraform JSON (its arguments and blocks)
 */
public record StackResource(String type, String name, JsonNode config) {
  /**
   * Checks that every part is present.
   *
   * @param type see {@link StackResource#type()}
   * @param name see {@link StackResource#name()}
   * @param config see {@link StackResource#config()}
   */
  public StackResource {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
  }

  /**
   * The Terraform address, as scanners and {@code terraform plan} print it.
   *
   * @return {@code <type>.<name>}, for example {@code aws_lb.LoadBalancerPublic_8B4D150F}
   */
  public String address() {
    return type + "." + name;
  }

  /**
   * Whether a value of another resource refers to this one: a Terraform expression {@code ${<address>.<attribute>}}
   * inside it, as cdktf writes references between resources.
   *
   * @param value any JSON value; strings are searched, other values never refer
   * @return true when the value refers to this resource
   */
  public boolean isReferencedBy(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return false;
    }
    String text = value.asText();
    String marker = address() + ".";
    int at = text.indexOf(marker);
    while (at >= 0) {
      // The address must start an expression or follow a non-name character, so that aws_vpc.A does not match
      // inside aws_vpc.AB or xaws_vpc.A.
      boolean startsName = at == 0 || !isNameChar(text.charAt(at - 1));
      if (startsName && text.lastIndexOf("${", at) >= 0) {
        return true;
      }
      at = text.indexOf(marker, at + 1);
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
