package org.polemos.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/scenario.schema.json is generated from the records ({@link ScenarioSchema}) and must stay
 * equal to it; run with {@code -Dpolemos.updateSchema=true} to rewrite it. Bundled scenarios
 * validate against it; broken ones fail.
 */
class ScenarioSchemaTest {

  private static final Path SCHEMA_FILE = root().resolve("docs/scenario.schema.json");

  private static Path root() {
    String root = System.getProperty("polemos.root");
    return root != null ? Path.of(root) : Path.of("..");
  }

  private static JsonSchema schema() {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(ScenarioSchema.json());
  }

  @Test
  void publishedSchemaIsUpToDate() throws Exception {
    String generated = ScenarioSchema.json();
    if (Boolean.getBoolean("polemos.updateSchema")) {
      Files.createDirectories(SCHEMA_FILE.getParent());
      Files.writeString(SCHEMA_FILE, generated);
    }
    assertThat(SCHEMA_FILE).exists();
    assertThat(Files.readString(SCHEMA_FILE))
        .as(
            "docs/scenario.schema.json is stale; rerun the io tests with "
                + "-Dpolemos.updateSchema=true")
        .isEqualTo(generated);
  }

  static Stream<String> bundled() {
    return BundledScenarios.ids().stream();
  }

  @ParameterizedTest
  @MethodSource("bundled")
  void bundledScenariosValidate(String id) throws Exception {
    JsonNode raw = new YAMLMapper().readTree(BundledScenarios.source(id));
    assertThat(schema().validate(raw)).isEmpty();
    JsonNode written =
        new ObjectMapper().readTree(new ScenarioWriter().toJson(BundledScenarios.load(id)));
    assertThat(schema().validate(written)).isEmpty();
  }

  @Test
  void brokenScenariosAreRejected() throws Exception {
    String minimal = BundledScenarios.source("minimal");
    assertThat(errors(minimal.replace("areaKm2: 19600", "areaKm: 19600"))).isNotEmpty();
    assertThat(errors(minimal.replace("kind: state", "kind: nonstate"))).isNotEmpty();
    assertThat(errors(minimal.replace("type: lognormal", "type: lognorml"))).isNotEmpty();
    assertThat(errors(minimal.replace("interdiction: 0.1", "interdiction: 1.5"))).isNotEmpty();
    assertThat(errors(minimal.replace("schemaVersion: 1", "schemaVersion: 2"))).isNotEmpty();
    assertThat(errors(minimal.replace("    hub: Gaziantep\n", ""))).isNotEmpty();
  }

  private static Set<ValidationMessage> errors(String yaml) throws Exception {
    JsonNode tree = new YAMLMapper().readTree(yaml.getBytes(StandardCharsets.UTF_8));
    return schema().validate(tree);
  }
}
