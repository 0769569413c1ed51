package dev.kmmlu.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads data files as strict UTF-8 text and quotes found values for error messages. */
final class TextFiles {
  private static final int MAX_QUOTED = 60;

  private TextFiles() {}

  /** Returns the file's text; a leading byte order mark is dropped. */
  static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DatasetException(file.toString(), "expected a readable file, but found none", e);
    } catch (IOException e) {
      throw new DatasetException(
          file.toString(), "expected a readable file, but reading failed: " + e, e);
    }
    return decode(file.toString(), bytes);
  }

  /** Returns the stream's text; a leading byte order mark is dropped. */
  static String read(String source, InputStream in) {
    try (in) {
      return decode(source, in.readAllBytes());
    } catch (IOException e) {
      throw new DatasetException(source, "expected a readable file, but reading failed: " + e, e);
    }
  }

  /**
   * Decodes strict UTF-8: a malformed byte sequence fails with the 1-based line it is on instead of
   * turning into U+FFFD.
   */
  static String decode(String source, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int position = in.position();
      int line = 1;
      for (int i = 0; i < position; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new DatasetException(
          source,
          line,
          null,
          String.format(
              "expected UTF-8 text, but found the malformed byte 0x%02X", bytes[position] & 0xFF),
          null);
    }
    out.flip();
    if (out.hasRemaining() && out.get(0) == '\uFEFF') {
      out.position(1);
    }
    return out.toString();
  }

  /** Returns the text in double quotes with quotes and line breaks escaped, shortened if long. */
  static String quote(String text) {
    String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
    StringBuilder quoted = new StringBuilder(shown.length() + 2).append('"');
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '"':
          quoted.append("\\\"");
          break;
        case '\\':
          quoted.append("\\\\");
          break;
        case '\n':
          quoted.append("\\n");
          break;
        case '\r':
          quoted.append("\\r");
          break;
        case '\t':
          quoted.append("\\t");
          break;
        default:
          quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
