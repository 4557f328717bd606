package org.polemos.io.results;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Field writing helpers for the flat, all-required schemas of the Parquet outputs. */
final class ParquetFields {
  private ParquetFields() {}

  static void intField(RecordConsumer out, int index, String name, int value) {
    out.startField(name, index);
    out.addInteger(value);
    out.endField(name, index);
  }

  static void doubleField(RecordConsumer out, int index, String name, double value) {
    out.startField(name, index);
    out.addDouble(value);
    out.endField(name, index);
  }

  static void stringField(RecordConsumer out, int index, String name, String value) {
    out.startField(name, index);
    out.addBinary(Binary.fromString(value == null ? "" : value));
    out.endField(name, index);
  }
}
