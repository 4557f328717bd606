package org.polemos.io.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run directory holds and how to reproduce it: {@code manifest.json}.
 *
 * @param scenarioId id of the scenario run
 * @param scenarioSha256 SHA-256 of the scenario as canonical YAML, so edits are visible
 * @param seed the run seed
 * @param replications number of replications
 * @param threads worker threads used (outputs do not depend on it)
 * @param version Polemos version
 * @param command the command line, as arguments
 * @param startedAt ISO-8601 instant the run started
 * @param files output files of the run directory, by role
 * @param gitCommit the git commit of the code run ({@code +dirty} when tracked files differed from
 *     it), or null when the code was not run from a git work tree
 * @param codeSha256 SHA-256 of the jar run when there is no git commit, else null
 * @param javaVersion the Java runtime's version ({@code java.version})
 * @param wallTimeSeconds seconds from the start of the run to the manifest being written (NaN when
 *     unknown)
 * @param scenarioEdited true when the scenario run differs in content (seed aside) from the bundled
 *     scenario with the same id, e.g. an edited copy or {@code --set}; false when it equals it or
 *     no bundled scenario has its id; null when unknown (a manifest written before this field
 *     existed)
 */
public record RunManifest(
    String scenarioId,
    String scenarioSha256,
    long seed,
    int replications,
    int threads,
    String version,
    List<String> command,
    String startedAt,
    Map<String, String> files,
    String gitCommit,
    String codeSha256,
    String javaVersion,
    double wallTimeSeconds,
    Boolean scenarioEdited) {

  /** A manifest without the build, timing and edit fields (unknown). */
  public RunManifest(
      String scenarioId,
      String scenarioSha256,
      long seed,
      int replications,
      int threads,
      String version,
      List<String> command,
      String startedAt,
      Map<String, String> files) {
    this(
        scenarioId,
        scenarioSha256,
        seed,
        replications,
        threads,
        version,
        command,
        startedAt,
        files,
        null,
        null,
        null,
        Double.NaN,
        null);
  }

  /** The manifest as pretty-printed JSON. */
  public String toJson() {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text).useDefaultPrettyPrinter()) {
      json.writeStartObject();
      json.writeStringField("scenarioId", scenarioId);
      json.writeStringField("scenarioSha256", scenarioSha256);
      json.writeNumberField("seed", seed);
      json.writeNumberField("replications", replications);
      json.writeNumberField("threads", threads);
      json.writeStringField("version", version);
      json.writeArrayFieldStart("command");
      for (String argument : command) {
        json.writeString(argument);
      }
      json.writeEndArray();
      json.writeStringField("startedAt", startedAt);
      if (gitCommit != null) {
        json.writeStringField("gitCommit", gitCommit);
      }
      if (codeSha256 != null) {
        json.writeStringField("codeSha256", codeSha256);
      }
      if (javaVersion != null) {
        json.writeStringField("javaVersion", javaVersion);
      }
      if (!Double.isNaN(wallTimeSeconds)) {
        json.writeNumberField("wallTimeSeconds", Math.round(wallTimeSeconds * 1000) / 1000.0);
      }
      if (scenarioEdited != null) {
        json.writeBooleanField("scenarioEdited", scenarioEdited);
      }
      json.writeObjectFieldStart("files");
      for (Map.Entry<String, String> file : files.entrySet()) {
        json.writeStringField(file.getKey(), file.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string cannot fail", e);
    }
    return text + "\n";
  }

  /** Writes the manifest atomically to {@code target}. */
  public void write(Path target) throws IOException {
    AtomicOutput.writeString(target, toJson());
  }

  /** Reads a manifest written by {@link #write}. */
  public static RunManifest read(Path file) throws IOException {
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
    if (json == null || !json.isObject()) {
      throw new IOException(file + ": not a run manifest");
    }
    java.util.List<String> command = new java.util.ArrayList<>();
    json.path("command").forEach(a -> command.add(a.asText()));
    Map<String, String> files = new java.util.LinkedHashMap<>();
    json.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
    if (!json.has("seed") || !json.has("replications")) {
      throw new IOException(file + ": not a run manifest (no seed or replications)");
    }
    return new RunManifest(
        json.path("scenarioId").asText(),
        json.path("scenarioSha256").asText(),
        json.path("seed").asLong(),
        json.path("replications").asInt(),
        json.path("threads").asInt(),
        json.path("version").asText(),
        command,
        json.path("startedAt").asText(),
        files,
        text(json, "gitCommit"),
        text(json, "codeSha256"),
        text(json, "javaVersion"),
        json.hasNonNull("wallTimeSeconds") ? json.get("wallTimeSeconds").asDouble() : Double.NaN,
        json.hasNonNull("scenarioEdited") ? json.get("scenarioEdited").asBoolean() : null);
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode json, String field) {
    return json.hasNonNull(field) ? json.get(field).asText() : null;
  }
}
