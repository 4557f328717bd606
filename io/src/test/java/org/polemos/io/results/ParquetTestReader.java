package org.polemos.io.results;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads a flat Parquet file back into rows of Java values by physical and logical type: INT32 DATE
 * as {@link LocalDate}, other INT32 as {@link Integer}, STRING as {@link String}, DOUBLE as {@link
 * Double}. Reading with parquet-hadoop needs Hadoop's classes (on the test class path only; the
 * writers do not).
 */
final class ParquetTestReader {
  record Table(MessageType schema, List<Map<String, Object>> rows) {}

  private ParquetTestReader() {}

  static Table read(Path file) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            new LocalInputFile(file),
            ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      List<Map<String, Object>> rows = new ArrayList<>();
      PageReadStore rowGroup;
      while ((rowGroup = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records =
            new ColumnIOFactory()
                .getColumnIO(schema)
                .getRecordReader(rowGroup, new GroupRecordConverter(schema));
        for (long i = 0; i < rowGroup.getRowCount(); i++) {
          Group group = records.read();
          Map<String, Object> row = new LinkedHashMap<>();
          for (int f = 0; f < schema.getFieldCount(); f++) {
            row.put(schema.getFieldName(f), value(group, f, schema.getType(f)));
          }
          rows.add(row);
        }
      }
      return new Table(schema, rows);
    }
  }

  private static Object value(Group group, int field, Type type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    return switch (type.asPrimitiveType().getPrimitiveTypeName()) {
      case INT32 ->
          logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
              ? LocalDate.ofEpochDay(group.getInteger(field, 0))
              : (Object) group.getInteger(field, 0);
      case DOUBLE -> group.getDouble(field, 0);
      case BINARY -> group.getString(field, 0);
      default -> throw new IllegalArgumentException("unexpected column type " + type);
    };
  }
}
