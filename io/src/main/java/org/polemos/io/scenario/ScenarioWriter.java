package org.polemos.io.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.polemos.io.results.AtomicOutput;
import org.polemos.model.Coded;
import org.polemos.model.Omittable;
import org.polemos.model.Scenario;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.Processes;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes scenarios as YAML or JSON in the format {@link ScenarioReader} reads: {@code
 * schemaVersion} first, then the fields in record component order; omittable fields that are empty
 * (no notes, no interventions) are left out. Reading what this writes gives an equal scenario.
 */
public final class ScenarioWriter {

  /** The scenario as a YAML document (block style, no document start marker). */
  public String toYaml(Scenario scenario) {
    return write(scenario, ScenarioFormat.YAML);
  }

  /** The scenario as a pretty-printed JSON document. */
  public String toJson(Scenario scenario) {
    return write(scenario, ScenarioFormat.JSON);
  }

  /** The scenario in {@code format}, ending with a line break. */
  public String write(Scenario scenario, ScenarioFormat format) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = generator(format, out)) {
      generator.writeStartObject();
      generator.writeFieldName("schemaVersion");
      generator.writeNumber(ScenarioReader.SCHEMA_VERSION);
      writeFields(generator, scenario);
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = out.toString();
    return text.endsWith("\n") ? text : text + "\n";
  }

  /**
   * Writes the scenario to {@code file} in the format its extension says ({@code .json} JSON, else
   * YAML), through a temporary file in the same directory moved into place, so that a crash never
   * leaves a partial file under the final name.
   */
  public void write(Scenario scenario, Path file) throws IOException {
    write(scenario, file, ScenarioFormat.of(file));
  }

  /**
   * Writes the scenario to {@code file} in {@code format}, atomically (see {@link #write(Scenario,
   * Path)}).
   */
  public void write(Scenario scenario, Path file, ScenarioFormat format) throws IOException {
    AtomicOutput.writeString(file, write(scenario, format));
  }

  private static JsonGenerator generator(ScenarioFormat format, StringWriter out)
      throws IOException {
    if (format == ScenarioFormat.JSON) {
      JsonGenerator json = new JsonFactory().createGenerator(out);
      DefaultPrettyPrinter printer =
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n"))
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
      json.setPrettyPrinter(printer);
      return json;
    }
    DumperOptions dumper = new DumperOptions();
    dumper.setSplitLines(false);
    dumper.setWidth(Integer.MAX_VALUE);
    dumper.setIndent(2);
    dumper.setIndicatorIndent(2);
    dumper.setIndentWithIndicator(true);
    YAMLFactory yaml =
        YAMLFactory.builder()
            .dumperOptions(dumper)
            .stringQuotingChecker(new QuoteWhatYamlWouldMisread())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    return yaml.createGenerator(out);
  }

  /**
   * Quotes, besides what Jackson quotes, every string a YAML 1.1 reader would take for something
   * else (yes, off, ~, 0x1F, .inf...); dates stay plain since the schema reads them as strings
   * anyway.
   */
  private static final class QuoteWhatYamlWouldMisread extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Resolver RESOLVER = new Resolver();

    @Override
    public boolean needToQuoteValue(String value) {
      if (super.needToQuoteValue(value)) {
        return true;
      }
      Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
      return !tag.equals(Tag.STR) && !tag.equals(Tag.TIMESTAMP);
    }
  }

  private void writeFields(JsonGenerator generator, Record record) throws IOException {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component, e);
      }
      if (component.isAnnotationPresent(Omittable.class) && isEmpty(value)) {
        continue;
      }
      generator.writeFieldName(component.getName());
      writeValue(generator, value);
    }
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof String s && s.isEmpty())
        || (value instanceof Collection<?> c && c.isEmpty())
        || (value instanceof Map<?, ?> m && m.isEmpty());
  }

  private void writeValue(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String s) {
      generator.writeString(s);
    } else if (value instanceof Double d) {
      generator.writeNumber(number(d));
    } else if (value instanceof Long || value instanceof Integer) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      generator.writeBoolean(b);
    } else if (value instanceof LocalDate date) {
      generator.writeString(date.toString());
    } else if (value instanceof Coded coded) {
      generator.writeString(coded.code());
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object item : list) {
        writeValue(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName(String.valueOf(entry.getKey()));
        writeValue(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof Processes processes) {
      writeValue(generator, processes.asMap());
    } else if (value instanceof DistributionSpec spec) {
      generator.writeStartObject();
      generator.writeStringField("type", spec.type());
      writeFields(generator, (Record) spec);
      generator.writeEndObject();
    } else if (value instanceof Record record) {
      generator.writeStartObject();
      writeFields(generator, record);
      generator.writeEndObject();
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName());
    }
  }

  /**
   * A double as YAML 1.1 and JSON both read it back exactly: plain digits where reasonable ({@code
   * 0.00001}, {@code 50000000.0}), otherwise scientific notation with a point and a signed exponent
   * ({@code 1.0E+300}).
   */
  static String number(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("a scenario holds only finite numbers, not " + d);
    }
    double abs = Math.abs(d);
    if (d == 0 || (abs >= 1e-7 && abs < 1e15)) {
      String plain = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String s = Double.toString(d);
    int e = s.indexOf('E');
    return s.charAt(e + 1) == '-' ? s : s.substring(0, e + 1) + "+" + s.substring(e + 1);
  }
}
