package org.polemos.io.shard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polemos.io.results.AtomicOutput;

/**
 * {@code shard.json}: what one shard computed and from what, written atomically after its part
 * file, so its presence means the shard is complete. The merge refuses shards whose manifests
 * disagree on anything but {@code shard}, {@code firstUnit}, {@code endUnit}, {@code threads} and
 * {@code startedAt}.
 *
 * @param kind the experiment command: run, sweep or sensitivity
 * @param scenarioSha256 SHA-256 of the (base) scenario as canonical YAML
 * @param experimentSha256 SHA-256 of the sweep or sensitivity file's bytes; empty for run
 * @param seed the experiment seed
 * @param version Polemos version
 * @param shard this shard's index, from 0
 * @param shards the number of shards
 * @param units the experiment's work units (design points x replications), over all shards
 * @param firstUnit the first unit of this shard
 * @param endUnit one past its last unit
 * @param command the experiment's arguments without {@code --shard} and {@code --out} (the merge
 *     reruns them)
 * @param threads worker threads used (outputs do not depend on it)
 * @param startedAt ISO-8601 instant the shard started
 */
public record ShardManifest(
    String kind,
    String scenarioSha256,
    String experimentSha256,
    long seed,
    String version,
    int shard,
    int shards,
    long units,
    long firstUnit,
    long endUnit,
    List<String> command,
    int threads,
    String startedAt) {
  public static final String NAME = "shard.json";

  public ShardManifest {
    command = List.copyOf(command);
  }

  /** The manifest as pretty-printed JSON. */
  public String toJson() {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text).useDefaultPrettyPrinter()) {
      json.writeStartObject();
      json.writeStringField("kind", kind);
      json.writeStringField("scenarioSha256", scenarioSha256);
      json.writeStringField("experimentSha256", experimentSha256);
      json.writeNumberField("seed", seed);
      json.writeStringField("version", version);
      json.writeNumberField("shard", shard);
      json.writeNumberField("shards", shards);
      json.writeNumberField("units", units);
      json.writeNumberField("firstUnit", firstUnit);
      json.writeNumberField("endUnit", endUnit);
      json.writeArrayFieldStart("command");
      for (String argument : command) {
        json.writeString(argument);
      }
      json.writeEndArray();
      json.writeNumberField("threads", threads);
      json.writeStringField("startedAt", startedAt);
      json.writeStringField("partFile", PartFile.NAME);
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string cannot fail", e);
    }
    return text + "\n";
  }

  /** Writes {@code shard.json} into {@code directory} atomically. */
  public void write(Path directory) throws IOException {
    AtomicOutput.writeString(directory.resolve(NAME), toJson());
  }

  /**
   * Reads {@code shard.json} of {@code directory}; null when there is none (an incomplete shard).
   */
  public static ShardManifest read(Path directory) throws IOException {
    Path file = directory.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(
          file + ": not a shard manifest (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    for (String field :
        List.of(
            "kind",
            "scenarioSha256",
            "experimentSha256",
            "seed",
            "version",
            "shard",
            "shards",
            "units",
            "firstUnit",
            "endUnit",
            "command")) {
      if (json == null || !json.has(field)) {
        throw new IOException(file + ": not a shard manifest (no field " + field + ")");
      }
    }
    List<String> command = new ArrayList<>();
    json.path("command").forEach(a -> command.add(a.asText()));
    return new ShardManifest(
        json.path("kind").asText(),
        json.path("scenarioSha256").asText(),
        json.path("experimentSha256").asText(),
        json.path("seed").asLong(),
        json.path("version").asText(),
        json.path("shard").asInt(),
        json.path("shards").asInt(),
        json.path("units").asLong(),
        json.path("firstUnit").asLong(),
        json.path("endUnit").asLong(),
        command,
        json.path("threads").asInt(),
        json.path("startedAt").asText());
  }

  /**
   * The first field in which {@code other} belongs to a different experiment than this manifest, as
   * "field (this vs other)"; null when both are shards of one experiment.
   */
  public String difference(ShardManifest other) {
    if (!kind.equals(other.kind)) {
      return "command (" + kind + " vs " + other.kind + ")";
    }
    if (!scenarioSha256.equals(other.scenarioSha256)) {
      return "scenario (hash "
          + abbrev(scenarioSha256)
          + " vs "
          + abbrev(other.scenarioSha256)
          + ")";
    }
    if (!experimentSha256.equals(other.experimentSha256)) {
      return "experiment file (hash "
          + abbrev(experimentSha256)
          + " vs "
          + abbrev(other.experimentSha256)
          + ")";
    }
    if (seed != other.seed) {
      return "seed (" + seed + " vs " + other.seed + ")";
    }
    if (!version.equals(other.version)) {
      return "version (" + version + " vs " + other.version + ")";
    }
    if (shards != other.shards) {
      return "number of shards (" + shards + " vs " + other.shards + ")";
    }
    if (units != other.units) {
      return "work units (" + units + " vs " + other.units + ")";
    }
    if (!command.equals(other.command)) {
      return "arguments ("
          + String.join(" ", command)
          + " vs "
          + String.join(" ", other.command)
          + ")";
    }
    return null;
  }

  private static String abbrev(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) : hash;
  }
}
