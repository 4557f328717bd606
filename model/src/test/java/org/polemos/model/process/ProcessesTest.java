package org.polemos.model.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.model.Fixtures;
import org.polemos.model.Scenario;
import org.polemos.model.path.ScenarioPaths;
import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Problem;

/**
 * Mechanism-owned parameters: the registry, {@link Processes}, and an extension's section end to
 * end.
 */
class ProcessesTest {
  @TempDir Path tmp;

  static final List<String> BUILT_IN =
      List.of(
          "recruitment",
          "intake",
          "localRecruitment",
          "combat",
          "territory",
          "momentum",
          "economy",
          "attrition",
          "externalOperations",
          "families",
          "transit",
          "message");

  /**
   * Runs {@code body} with a context class loader whose services file registers {@link
   * OutreachParameters}.
   */
  static <T> T withOutreach(Path dir, Callable<T> body) throws Exception {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(
        services.resolve(ProcessProvider.class.getName()),
        OutreachParameters.Provider.class.getName() + "\n");
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, original)) {
      thread.setContextClassLoader(loader);
      return body.call();
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  @Test
  void builtInSectionsComeThroughTheServiceFileInDocumentOrderAndTheirDefaultsAreValid() {
    assertThat(ProcessRegistry.names()).containsExactlyElementsOf(BUILT_IN);
    Processes defaults = Processes.defaults();
    assertThat(defaults.asMap().keySet()).containsExactlyElementsOf(BUILT_IN);
    for (var section : defaults.asMap().entrySet()) {
      List<Problem> problems = new ArrayList<>();
      section.getValue().check(new Checks(problems, "processes." + section.getKey()));
      assertThat(problems).as(section.getKey()).isEmpty();
    }
  }

  @Test
  void sectionsAreFoundByTypeAndByNameAndReplacedOnlyByTheirOwnType() {
    Processes p = Processes.of(new LocalRecruitmentParameters(0.5, 0.25));
    assertThat(p.get(LocalRecruitmentParameters.class))
        .isEqualTo(new LocalRecruitmentParameters(0.5, 0.25));
    assertThat(p.get("localRecruitment")).isSameAs(p.get(LocalRecruitmentParameters.class));
    assertThat(p.get(CombatParameters.class))
        .isEqualTo(Processes.defaults().get(CombatParameters.class));
    assertThatThrownBy(() -> p.get("intke"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown process \"intke\"")
        .hasMessageContaining("did you mean \"intake\"");
    assertThatThrownBy(() -> p.with("intake", new LocalRecruitmentParameters(0, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("processes.intake must be a IntakeParameters, was LocalRecruitmentParameters");
    assertThatThrownBy(() -> p.with("intake", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.get(OutreachParameters.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("register it with a ProcessProvider");
  }

  @Test
  void twoProvidersOfOneNameOrOneTypeAreRefused() {
    ProcessProvider twice =
        () ->
            List.of(
                ProcessDefinition.of(
                    "outreach", OutreachParameters.class, new OutreachParameters(1, 0)));
    assertThatThrownBy(
            () -> ProcessRegistry.collect(List.of(new OutreachParameters.Provider(), twice)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two processes named \"outreach\"");
    ProcessProvider sameType =
        () ->
            List.of(
                ProcessDefinition.of(
                    "other", OutreachParameters.class, new OutreachParameters(1, 0)));
    assertThatThrownBy(
            () -> ProcessRegistry.collect(List.of(new OutreachParameters.Provider(), sameType)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("parameter type of two processes");
    assertThatThrownBy(
            () ->
                ProcessDefinition.of("a.b", OutreachParameters.class, new OutreachParameters(1, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builtInSectionsComeFirstWhateverTheProviderOrder() {
    var names =
        ProcessRegistry.collect(List.of(new OutreachParameters.Provider(), new BuiltInProcesses()))
            .keySet();
    List<String> expected = new ArrayList<>(BUILT_IN);
    expected.add("outreach");
    assertThat(names).containsExactlyElementsOf(expected);
  }

  @Test
  void anExtensionSectionHasDefaultsPathsAndItsOwnChecks() throws Exception {
    withOutreach(
        tmp,
        () -> {
          Scenario base = Fixtures.baseBuilder().build();
          assertThat(base.processes().get(OutreachParameters.class))
              .isEqualTo(new OutreachParameters(2, 0.5));
          assertThat(ScenarioPaths.numericPaths(base))
              .contains("processes.outreach.ratePerYear", "processes.outreach.share");
          Scenario changed = base.with("processes.outreach.ratePerYear", 7);
          assertThat(changed.getDouble("processes.outreach.ratePerYear")).isEqualTo(7.0);
          assertThat(base.getDouble("processes.outreach.ratePerYear")).isEqualTo(2.0);
          assertThat(changed.validate()).isEmpty();
          assertThat(base.with("processes.outreach.share", 1.5).validate())
              .containsExactly(
                  new Problem("processes.outreach.share", "must be in [0, 1], was 1.5"));
          assertThatThrownBy(() -> base.with("processes.outrech.share", 1))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("did you mean \"outreach\"");
          return null;
        });
  }
}
