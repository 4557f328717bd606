package org.polemos.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, "give every numeric field bounds that keep a run finite (documented in the schema)":
 * every numeric field of the places (regions and their localities) and of the territory rules has a
 * {@code maximum} in the published schema; so has every numeric field of external operations and
 * its exit routes (issue 14).
 */
class SchemaBoundsTest {

  private static List<String> unbounded(JsonNode definitions, String type) {
    List<String> missing = new ArrayList<>();
    JsonNode properties = definitions.get(type).get("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode p = e.getValue();
      JsonNode target = p.has("additionalProperties") ? p.get("additionalProperties") : p;
      String t = target.path("type").asText();
      if ((t.equals("number") || t.equals("integer")) && !target.has("maximum")) {
        missing.add(type + "." + e.getKey());
      }
    }
    return missing;
  }

  @Test
  void everyNumericFieldOfPlacesAndTerritoryHasAMaximum() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(ScenarioSchema.json());
    JsonNode definitions = schema.has("$defs") ? schema.get("$defs") : schema.get("definitions");
    assertThat(definitions).as("the schema's definitions").isNotNull();
    List<String> missing = new ArrayList<>();
    for (String type :
        List.of(
            "Region",
            "Locality",
            "TerritoryParameters",
            "ExternalOperationsParameters",
            "ExitRoute")) {
      assertThat(definitions.has(type)).as(type).isTrue();
      missing.addAll(unbounded(definitions, type));
    }
    assertThat(missing).isEmpty();
  }
}
