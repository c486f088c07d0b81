package com.acme.platform.constructs.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Renders policy documents and other JSON strings embedded in resources.
 *
 * <p>Keys are sorted so that the same input always gives the same string: a reordered map must not show up as a
 * change in {@code terraform plan} or in a review diff.
 */
public final class JsonDocs {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private JsonDocs() {}

  /**
   * Serializes a value (maps, lists, strings, numbers, booleans) to compact JSON with sorted map keys.
   *
   * @param value the document
   * @return its JSON text
   */
  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot render JSON document: " + e.getOriginalMessage(), e);
    }
  }
}
