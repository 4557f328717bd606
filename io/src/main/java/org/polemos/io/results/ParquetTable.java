package org.polemos.io.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * A Parquet file of flat records written through {@link AtomicOutput}: the file appears under its
 * name only on {@link #commit()}. Hadoop is not needed at run time: the configuration is a {@link
 * PlainParquetConfiguration}, the output a stream, and pages are left uncompressed (dictionary and
 * run-length encodings still apply), so no codec library is loaded. Package-private plumbing for
 * {@link ParquetSeriesWriter} and {@link ParquetSummaryWriter}.
 */
final class ParquetTable<R> implements AutoCloseable {

  /** Writes the fields of one record between {@code startMessage} and {@code endMessage}. */
  @FunctionalInterface
  interface RecordWriter<R> {
    void write(R record, RecordConsumer consumer);
  }

  private final AtomicOutput output;
  private final ParquetWriter<R> writer;
  private boolean writerClosed;

  /** Makes the footer's bytes independent of the threads the JVM has run. */
  private final CanonicalFooter footer;

  ParquetTable(Path target, MessageType schema, RecordWriter<R> recordWriter) throws IOException {
    this.output = AtomicOutput.open(target);
    this.footer = new CanonicalFooter(output.stream());
    ParquetWriter<R> opened;
    try {
      opened =
          new Builder<>(new StreamOutputFile(footer, target), schema, recordWriter)
              .withConf(new PlainParquetConfiguration())
              .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
              .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
              .withDictionaryEncoding(true)
              .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
              .build();
    } catch (IOException | RuntimeException e) {
      output.close();
      throw e;
    }
    this.writer = opened;
  }

  void write(R record) throws IOException {
    writer.write(record);
  }

  /** Writes the footer and moves the finished file into place. */
  void commit() throws IOException {
    closeWriter();
    footer.finish();
    output.commit();
  }

  private void closeWriter() throws IOException {
    if (!writerClosed) {
      writerClosed = true;
      writer.close();
    }
  }

  /** Discards the file unless committed. */
  @Override
  public void close() throws IOException {
    try {
      closeWriter();
    } catch (IOException | RuntimeException e) {
      // the partial file is deleted below either way
    } finally {
      output.close();
    }
  }

  private static final class Builder<R> extends ParquetWriter.Builder<R, Builder<R>> {
    private final MessageType schema;
    private final RecordWriter<R> recordWriter;

    Builder(OutputFile file, MessageType schema, RecordWriter<R> recordWriter) {
      super(file);
      this.schema = schema;
      this.recordWriter = recordWriter;
    }

    @Override
    protected Builder<R> self() {
      return this;
    }

    // Still abstract in parquet 1.15 although deprecated; the Hadoop-free overload below is the one
    // used.
    @SuppressWarnings("deprecation")
    @Override
    protected WriteSupport<R> getWriteSupport(Configuration conf) {
      return new Support<>(schema, recordWriter);
    }

    @Override
    protected WriteSupport<R> getWriteSupport(ParquetConfiguration conf) {
      return new Support<>(schema, recordWriter);
    }
  }

  private static final class Support<R> extends WriteSupport<R> {
    private final MessageType schema;
    private final RecordWriter<R> recordWriter;
    private RecordConsumer consumer;

    Support(MessageType schema, RecordWriter<R> recordWriter) {
      this.schema = schema;
      this.recordWriter = recordWriter;
    }

    // Abstract in parquet 1.15 although deprecated; see getWriteSupport.
    @SuppressWarnings("deprecation")
    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, Map.of("writer", "polemos"));
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, Map.of("writer", "polemos"));
    }

    @Override
    public String getName() {
      return "polemos";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(R record) {
      consumer.startMessage();
      recordWriter.write(record, consumer);
      consumer.endMessage();
    }
  }

  /**
   * An {@link OutputFile} over an already open stream (the temporary file of an {@link
   * AtomicOutput}).
   */
  private static final class StreamOutputFile implements OutputFile {
    private final OutputStream stream;
    private final Path target;

    StreamOutputFile(OutputStream stream, Path target) {
      this.stream = stream;
      this.target = target;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        private long position;

        @Override
        public long getPos() {
          return position;
        }

        @Override
        public void write(int b) throws IOException {
          stream.write(b);
          position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          stream.write(b, off, len);
          position += len;
        }

        @Override
        public void flush() throws IOException {
          stream.flush();
        }

        @Override
        public void close() throws IOException {
          stream.flush();
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    @Override
    public String getPath() {
      return target.toString();
    }
  }
}
