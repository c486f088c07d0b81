package com.acme.platform.constructs.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads values of synthesized resources the way Terraform does: booleans and numbers may be written as strings
 * ({@code "true"}, {@code "1"}), a block may be one object or a list of objects, and policy documents and container
 * definitions are JSON held in a string.
 */
final class JsonValues {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonValues() {}

  /** Whether a value is {@code true} or {@code "true"}. */
  static boolean isTrue(JsonNode value) {
    return value != null && (value.isBoolean() ? value.asBoolean()
        : value.isTextual() && "true".equalsIgnoreCase(value.asText()));
  }

  /** Whether a value is {@code false} or {@code "false"}; a missing value is neither true nor false. */
  static boolean isFalse(JsonNode value) {
    return value != null && (value.isBoolean() ? !value.asBoolean()
        : value.isTextual() && "false".equalsIgnoreCase(value.asText()));
  }

  /** A field's text, or null when it is missing, null or blank. */
  static String text(JsonNode config, String field) {
    JsonNode value = config == null ? null : config.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText();
    return text.isBlank() ? null : text;
  }

  /** A whole number written as a number or a string, or null. */
  static Long number(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.asLong();
    }
    try {
      return value.isTextual() ? Long.valueOf(value.asText().trim()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The objects of a block: the list's objects, or the one object; empty when the block is missing. */
  static List<JsonNode> blocks(JsonNode config, String field) {
    JsonNode value = config == null ? null : config.get(field);
    List<JsonNode> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (value.isArray()) {
      value.forEach(v -> {
        if (v.isObject()) {
          out.add(v);
        }
      });
    } else if (value.isObject()) {
      out.add(value);
    }
    return out;
  }

  /** The first object of a block, or a missing node. */
  static JsonNode block(JsonNode config, String field) {
    List<JsonNode> found = blocks(config, field);
    return found.isEmpty() ? MAPPER.missingNode() : found.get(0);
  }

  /** A string or a list of strings, as a list; numbers and booleans as their text. */
  static List<String> strings(JsonNode value) {
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isArray()) {
      value.forEach(v -> {
        if (v.isValueNode()) {
          out.add(v.asText());
        }
      });
    } else if (value.isValueNode()) {
      out.add(value.asText());
    }
    return out;
  }

  /**
   * Parses JSON held in a string field (a policy document, container definitions).
   *
   * @return the parsed value, or null when the field is missing or is not JSON (for example a reference such as
   *     {@code ${data.aws_iam_policy_document.x.json}}, which only Terraform can resolve)
   */
  static JsonNode embedded(JsonNode config, String field) {
    String text = text(config, field);
    if (text == null) {
      return null;
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The statements of a policy document: its {@code Statement} object or list. */
  static List<JsonNode> statements(JsonNode document) {
    return document == null ? List.of() : blocks(document, "Statement");
  }

  /** Whether a statement allows (an absent effect is not an allow: IAM requires one). */
  static boolean allows(JsonNode statement) {
    return "Allow".equals(text(statement, "Effect"));
  }
}
