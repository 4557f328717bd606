package org.polemos.io.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.polemos.model.result.EventRecord;

/**
 * Writes {@code events.ndjson}: one JSON object per line with {@code replication}, {@code day},
 * {@code date}, {@code type}, {@code subject} and the record's details as further string fields.
 * Atomic like every output.
 */
public final class EventLogWriter implements AutoCloseable {
  private final AtomicOutput output;
  private final JsonGenerator json;

  public EventLogWriter(Path target) throws IOException {
    this.output = AtomicOutput.open(target);
    this.json = new JsonFactory().createGenerator(output.writer());
    json.setRootValueSeparator(new SerializedString("\n"));
  }

  /** Appends one event as a line. */
  public void event(EventRecord event) throws IOException {
    json.writeStartObject();
    json.writeNumberField("replication", event.replication());
    json.writeNumberField("day", event.day());
    json.writeStringField("date", event.date().toString());
    json.writeStringField("type", event.type());
    json.writeStringField("subject", event.subject());
    for (Map.Entry<String, String> detail : event.details().entrySet()) {
      json.writeStringField(detail.getKey(), detail.getValue());
    }
    json.writeEndObject();
  }

  /** Ends the last line and moves the finished file into place. */
  public void commit() throws IOException {
    json.flush();
    output.writer().write('\n');
    json.close();
    output.commit();
  }

  @Override
  public void close() throws IOException {
    output.close();
  }
}
