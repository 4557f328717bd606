package org.polemos.io.scenario;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.model.Scenario;
import org.polemos.model.process.IntakeParameters;
import org.polemos.model.process.ProcessDefinition;
import org.polemos.model.process.ProcessParameters;
import org.polemos.model.process.ProcessProvider;
import org.polemos.model.process.Processes;
import org.polemos.model.validation.Checks;

/**
 * A section that an extension registers (through a services file, as an extension's jar would) is
 * read, located, suggested, defaulted, written and described in the schema exactly as the built-in
 * ones.
 */
class ExtensionSectionTest {
  @TempDir Path tmp;
  private final ScenarioReader reader = new ScenarioReader();

  /** The extension's parameters. */
  public record OutreachParameters(double ratePerYear, double share) implements ProcessParameters {
    @Override
    public void check(Checks c) {
      c.nonNegative(ratePerYear, "ratePerYear");
      c.fraction(share, "share");
    }
  }

  /** The extension's registration. */
  public static final class Provider implements ProcessProvider {
    @Override
    public List<ProcessDefinition<?>> processes() {
      return List.of(
          ProcessDefinition.of(
              "outreach", OutreachParameters.class, new OutreachParameters(2, 0.5)));
    }
  }

  private <T> T withExtension(Callable<T> body) throws Exception {
    Path services = Files.createDirectories(tmp.resolve("META-INF/services"));
    Files.writeString(
        services.resolve(ProcessProvider.class.getName()), Provider.class.getName() + "\n");
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, original)) {
      thread.setContextClassLoader(loader);
      return body.call();
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  /**
   * The bundled minimal scenario with {@code section} added under {@code processes:} (as line 102).
   */
  private static String minimalWith(String section) {
    String text = BundledScenarios.source("minimal");
    assertThat(text.split("\n", -1)[100]).isEqualTo("processes:");
    return text.replace("\nprocesses:\n", "\nprocesses:\n" + section);
  }

  private List<String> errors(String name, String text) {
    Throwable thrown = catchThrowable(() -> reader.read(name, text.getBytes(UTF_8)));
    assertThat(thrown).isInstanceOf(ScenarioFileException.class);
    return ((ScenarioFileException) thrown)
        .diagnostics().stream().map(Diagnostic::toString).toList();
  }

  @Test
  void aTypoInAnExtensionFieldIsLocatedWithADidYouMean() throws Exception {
    List<String> errors =
        withExtension(
            () ->
                errors(
                    "ext.yaml", minimalWith("  outreach:\n    ratePerYer: 3\n    share: 0.2\n")));
    assertThat(errors)
        .containsExactly(
            "ext.yaml:103:5 processes.outreach.ratePerYer: unknown field \"ratePerYer\" (did you mean \"ratePerYear\"?)");
  }

  @Test
  void anExtensionsOwnChecksAreLocated() throws Exception {
    List<String> errors =
        withExtension(
            () ->
                errors(
                    "ext.yaml", minimalWith("  outreach:\n    ratePerYear: 3\n    share: 1.2\n")));
    assertThat(errors)
        .containsExactly("ext.yaml:104:12 processes.outreach.share: must be in [0, 1], was 1.2");
  }

  @Test
  void anUnknownSectionIsSuggestedAmongBuiltInAndExtensionSections() throws Exception {
    assertThat(withExtension(() -> errors("ext.yaml", minimalWith("  outrech:\n    share: 0.2\n"))))
        .containsExactly(
            "ext.yaml:102:3 processes.outrech: unknown field \"outrech\" (did you mean \"outreach\"?)");
    assertThat(errors("plain.yaml", minimalWith("  outreach:\n    share: 0.2\n")))
        .singleElement()
        .asString()
        .startsWith(
            "plain.yaml:102:3 processes.outreach: unknown field \"outreach\"; expected one of:"
                + " recruitment, intake, localRecruitment, combat");
  }

  @Test
  void anOmittedSectionTakesItsDefaultsAndAGivenOneIsWrittenBack() throws Exception {
    withExtension(
        () -> {
          Scenario plain =
              reader.read("minimal.yaml", BundledScenarios.source("minimal").getBytes(UTF_8));
          assertThat(plain.processes().get(OutreachParameters.class))
              .isEqualTo(new OutreachParameters(2, 0.5));
          Scenario given =
              reader.read(
                  "ext.yaml",
                  minimalWith("  outreach:\n    ratePerYear: 3\n    share: 0.25\n")
                      .getBytes(UTF_8));
          assertThat(given.processes().get(OutreachParameters.class))
              .isEqualTo(new OutreachParameters(3, 0.25));
          assertThat(given.getDouble("processes.outreach.share")).isEqualTo(0.25);
          String written = new ScenarioWriter().toYaml(given);
          assertThat(written).contains("  outreach:\n    ratePerYear: 3.0\n    share: 0.25\n");
          assertThat(reader.read("again.yaml", written.getBytes(UTF_8))).isEqualTo(given);
          return null;
        });
  }

  @Test
  void builtInSectionsMayAlsoBeOmitted() {
    String text = BundledScenarios.source("minimal");
    int start = text.indexOf("  intake:\n");
    int end = text.indexOf("  localRecruitment:\n");
    Scenario s =
        reader.read(
            "nointake.yaml", (text.substring(0, start) + text.substring(end)).getBytes(UTF_8));
    assertThat(s.processes().get(IntakeParameters.class))
        .isEqualTo(Processes.defaults().get(IntakeParameters.class));
  }

  @Test
  void theSchemaDescribesTheExtensionsSection() throws Exception {
    JsonNode schema = withExtension(ScenarioSchema::tree);
    JsonNode processes = schema.get("$defs").get("Processes");
    assertThat(processes.get("properties").get("outreach").get("$ref").asText())
        .isEqualTo("#/$defs/OutreachParameters");
    assertThat(schema.get("$defs").get("OutreachParameters").get("properties").fieldNames())
        .toIterable()
        .containsExactly("ratePerYear", "share");
    assertThat(
            ScenarioSchema.tree().get("$defs").get("Processes").get("properties").has("outreach"))
        .isFalse();
  }
}
