package org.polemos.io.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polemos.model.Scenario;
import org.polemos.model.validation.Suggestions;

/**
 * The scenarios shipped with Polemos: classpath resources {@code
 * org/polemos/io/scenarios/<id>.yaml}, listed one id per line in {@code
 * org/polemos/io/scenarios/index.txt} (blank lines and {@code #} comments ignored). An id listed
 * without its resource is treated as absent.
 */
public final class BundledScenarios {

  private static final String DIR = "org/polemos/io/scenarios/";

  private BundledScenarios() {}

  /** The ids of the bundled scenarios, in index order. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (String id : indexed()) {
      if (resource(id) != null) {
        ids.add(id);
      }
    }
    return List.copyOf(ids);
  }

  /** Whether {@code id} names a bundled scenario. */
  public static boolean exists(String id) {
    return ids().contains(id);
  }

  /**
   * The bundled scenario {@code id}, read and validated.
   *
   * @throws IllegalArgumentException when there is no such scenario (with a did-you-mean)
   * @throws ScenarioFileException when the bundled file is broken (a bug, caught by the tests)
   */
  public static Scenario load(String id) {
    String text = source(id);
    return new ScenarioReader().read(id + ".yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The YAML text of bundled scenario {@code id}, comments included: a starting point to copy and
   * edit.
   *
   * @throws IllegalArgumentException when there is no such scenario (with a did-you-mean)
   */
  public static String source(String id) {
    URL url = id == null || !ids().contains(id) ? null : resource(id);
    if (url == null) {
      throw new IllegalArgumentException(unknown(id));
    }
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The message for an unknown id: {@code no bundled scenario "minmal" (did you mean "minimal"?);
   * ...}.
   */
  public static String unknown(String id) {
    List<String> ids = ids();
    Optional<String> suggestion = Suggestions.closest(id, ids);
    return "no bundled scenario \""
        + id
        + "\""
        + suggestion.map(s -> " (did you mean \"" + s + "\"?)").orElse("")
        + "; bundled: "
        + String.join(", ", ids);
  }

  private static List<String> indexed() {
    InputStream in = loader().getResourceAsStream(DIR + "index.txt");
    if (in == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String id = line.strip();
        if (!id.isEmpty() && !id.startsWith("#") && !ids.contains(id)) {
          ids.add(id);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  private static URL resource(String id) {
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      return null;
    }
    return loader().getResource(DIR + id + ".yaml");
  }

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : BundledScenarios.class.getClassLoader();
  }
}
