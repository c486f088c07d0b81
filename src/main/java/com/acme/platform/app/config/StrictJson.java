package com.acme.platform.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict JSON binding for hand-edited files, and Jackson's wording turned into the user's words: line and column,
 * field paths as users write them ({@code services[1].routing.containerPort}), never Java type or exception names.
 *
 * <p>{@link JsonShape} checks a document before it is bound, so binding failures are a safety net: they are still
 * reported as a problem of the file, not as a stack trace.
 */
final class StrictJson {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build();

  private static final Pattern CHARACTER_CODE = Pattern.compile("\\s*\\(code \\d+(?: / 0x[0-9a-fA-F]+)?\\)");
  private static final Pattern START_MARKER = Pattern.compile("start marker at .*?line: (\\d+), column: (\\d+)");
  private static final Pattern JAVA_DETAIL = Pattern.compile("\\s*\\(?\\[Source: .*|[:;,]?\\s*(?:enable|disable)?"
      + "\\s*`[^`]*`.*|\\s*\\(for .*|\\s*\\(not recognized as one since Feature.*");

  private StrictJson() {}

  /**
   * Describes a failure to bind a checked document as a problem in {@code file}.
   *
   * @param file the file, relative to the repository root
   * @param e what Jackson threw
   * @return the problem in the user's words
   */
  static ConfigError describe(String file, JsonProcessingException e) {
    // Jackson's binding messages name Java types, so only the place is taken from them.
    String field = e instanceof JsonMappingException m ? path(m) : "";
    return new ConfigError(file, field, "invalid value" + at(e.getLocation()));
  }

  /**
   * A location for messages.
   *
   * @param location a parser location, or {@code null}
   * @return {@code " (line L, column C)"}, or an empty string when unknown
   */
  static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /**
   * Jackson's description of a syntax error, without what only a Java developer can use: character codes, source
   * descriptions and names of parser features.
   *
   * @param original Jackson's original message
   * @return one readable line
   */
  static String readable(String original) {
    if (original == null || original.isBlank()) {
      return "unreadable";
    }
    String line = firstLine(original);
    if (line.startsWith("Unexpected end-of-input")) {
      Matcher start = START_MARKER.matcher(original);
      String what = line.contains("Array") ? "list" : "object";
      if (start.find()) {
        return "the file ends before the " + what + " opened at line " + start.group(1) + ", column "
            + start.group(2) + " is closed";
      }
      return line.contains("string") || line.contains("quote") ? "the file ends inside a string"
          : "the file ends before the JSON value is complete";
    }
    if (line.contains("maybe a (non-standard) comment")) {
      return "comments are not allowed in JSON";
    }
    if (line.contains("CTRL-CHAR, code 10") || line.contains("CTRL-CHAR, code 13")) {
      return "a string is not closed on its line: add the closing '\"' (a line break inside a string is written \\n)";
    }
    if (line.contains("CTRL-CHAR")) {
      return "a control character (such as a tab) inside a string must be escaped, for example \\t";
    }
    String cleaned = JAVA_DETAIL.matcher(CHARACTER_CODE.matcher(line).replaceAll("")).replaceAll("");
    return cleaned.isBlank() ? "unreadable" : cleaned.trim();
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

  private static String firstLine(String s) {
    int newline = s.indexOf('\n');
    return newline < 0 ? s : s.substring(0, newline);
  }
}
