package com.acme.platform.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Strict JSON reading for hand-edited files: unknown keys, duplicate keys, nulls for numbers and type coercions are
 * errors, and every error is turned into a {@link ConfigError} in the user's words (field path, line and column, the
 * expected kind of value) rather than Java type or exception names.
 */
final class StrictJson {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private StrictJson() {}

  /**
   * Describes a Jackson failure as a problem in {@code file}.
   *
   * @param file the file, relative to the repository root
   * @param e what Jackson threw
   * @return the problem in the user's words
   */
  static ConfigError describe(String file, JsonProcessingException e) {
    String where = at(e.getLocation());
    if (e instanceof UnrecognizedPropertyException u) {
      return new ConfigError(file, path(u), "unknown field " + quote(u.getPropertyName()) + where
          + "; allowed fields: " + known(u.getKnownPropertyIds()));
    }
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      return new ConfigError(file, path(m), "expected " + kind(m.getTargetType()) + where);
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return new ConfigError(file, path(m), "invalid value" + where);
    }
    String original = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    if (original.startsWith("Duplicate field")) {
      return new ConfigError(file, "", "duplicate key " + original.substring("Duplicate field ".length()) + where);
    }
    if (e instanceof MismatchedInputException m) {
      return new ConfigError(file, "", "expected " + kind(m.getTargetType()) + " at the top level" + where);
    }
    return new ConfigError(file, "", "malformed JSON" + where + ": " + firstLine(original));
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** The field path in the form users write it: {@code services[1].routing.containerPort}. */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String kind(Class<?> type) {
    if (type == null) {
      return "a different kind of value";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object of string values";
    }
    return "an object";
  }

  private static String known(Collection<Object> ids) {
    return ids == null ? "[]" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ", "[", "]"));
  }

  private static String quote(String s) {
    return "'" + s + "'";
  }

  private static String firstLine(String s) {
    int newline = s.indexOf('\n');
    return newline < 0 ? s : s.substring(0, newline);
  }
}
