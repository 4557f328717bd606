package org.polemos.io.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text encoding of an input file: UTF-8 when the whole file is valid UTF-8 (pure ASCII
 * included), otherwise ISO-8859-1. The check streams the bytes once through a strict UTF-8 decoder
 * with a fixed-size buffer, so it costs one extra sequential read and no memory proportional to the
 * file. ISO-8859-1 decodes any byte sequence, so the fallback never fails; it is what the GTD
 * export uses (a byte such as 0xF1 is "ñ"). A UTF-8 file with a stray Latin-1 byte is therefore
 * read as ISO-8859-1 as a whole (its multi-byte characters then show as two characters); pass the
 * encoding explicitly to override. A byte-order mark decides first: a UTF-16 export (as
 * spreadsheets write "Unicode text") is read as UTF-16.
 */
public final class TextEncoding {
  private TextEncoding() {}

  /**
   * The encoding a byte-order mark names (UTF-16 either way round; UTF-8), or UTF-16 when the first
   * two bytes are an ASCII character and a NUL in either order (a spreadsheet's "Unicode text"
   * export without a mark); else UTF-8 if {@code file} is valid UTF-8, else ISO-8859-1.
   */
  public static Charset detect(Path file) throws IOException {
    byte[] start;
    try (InputStream stream = Files.newInputStream(file)) {
      start = stream.readNBytes(3);
    }
    if (start.length >= 2) {
      int b0 = start[0] & 0xFF;
      int b1 = start[1] & 0xFF;
      if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
        return StandardCharsets.UTF_16; // reads the mark, then the bytes in its order
      }
      if (b0 > 0 && b0 < 0x80 && b1 == 0) {
        return StandardCharsets.UTF_16LE;
      }
      if (b0 == 0 && b1 > 0 && b1 < 0x80) {
        return StandardCharsets.UTF_16BE;
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    CharBuffer out = CharBuffer.allocate(1 << 16);
    try (InputStream stream = Files.newInputStream(file)) {
      boolean eof = false;
      while (!eof) {
        int n = stream.read(in.array(), in.position(), in.remaining());
        if (n < 0) {
          eof = true;
        } else {
          in.position(in.position() + n);
        }
        in.flip();
        CoderResult result = decoder.decode(in, out, eof);
        if (result.isError()) {
          return StandardCharsets.ISO_8859_1;
        }
        out.clear();
        in.compact();
      }
      CoderResult result = decoder.flush(out);
      if (result.isError() || in.position() > 0) {
        return StandardCharsets.ISO_8859_1;
      }
    }
    return StandardCharsets.UTF_8;
  }
}
