package dev.kmmlu.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 CSV parser: fields separated by commas, records by CRLF or LF, fields optionally in
 * double quotes, in which commas, line breaks and doubled quotes ({@code ""}) are literal. Each
 * record remembers the 1-based physical line it starts on. A line end at the very end of the text
 * does not start a record; any other empty line is a record with one empty field, so nothing is
 * skipped. A quote inside an unquoted field is kept as a literal character, and a CRLF inside a
 * quoted field reads as LF.
 */
final class CsvParser {

  /** One record: the physical line it starts on and its fields. */
  record Record(int line, List<String> fields) {}

  private final String source;
  private final String text;
  private int position;
  private int line = 1;

  private CsvParser(String source, String text) {
    this.source = source;
    this.text = text;
  }

  /** Returns the records of {@code text}, read from {@code source}. */
  static List<Record> parse(String source, String text) {
    return new CsvParser(source, text).records();
  }

  private List<Record> records() {
    List<Record> records = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int length = text.length();
    while (position < length) {
      int start = line;
      List<String> fields = new ArrayList<>(8);
      boolean endOfRecord = false;
      while (!endOfRecord) {
        field.setLength(0);
        if (position < length && text.charAt(position) == '"') {
          readQuoted(field);
        } else {
          readUnquoted(field);
        }
        fields.add(field.toString());
        if (position >= length) {
          endOfRecord = true;
        } else {
          char c = text.charAt(position);
          if (c == ',') {
            position++;
          } else if (c == '\r' || c == '\n') {
            skipLineEnd();
            endOfRecord = true;
          } else {
            throw new DatasetException(
                source,
                line,
                null,
                "expected a comma or a line end after a closing quote, but found "
                    + TextFiles.quote(String.valueOf(c)),
                null);
          }
        }
      }
      records.add(new Record(start, List.copyOf(fields)));
    }
    return records;
  }

  private void readUnquoted(StringBuilder field) {
    int length = text.length();
    int begin = position;
    while (position < length) {
      char c = text.charAt(position);
      if (c == ',' || c == '\n' || c == '\r') {
        break;
      }
      position++;
    }
    field.append(text, begin, position);
  }

  private void readQuoted(StringBuilder field) {
    int length = text.length();
    int opening = line;
    position++;
    while (true) {
      if (position >= length) {
        throw new DatasetException(
            source,
            opening,
            null,
            "expected a closing quote for the field that opens on this line, but found the end of"
                + " the file",
            null);
      }
      char c = text.charAt(position);
      if (c == '"') {
        if (position + 1 < length && text.charAt(position + 1) == '"') {
          field.append('"');
          position += 2;
        } else {
          position++;
          return;
        }
      } else if (c == '\r' && position + 1 < length && text.charAt(position + 1) == '\n') {
        // A CRLF inside a quoted field reads as LF, so a CRLF copy of a file has the same rows.
        field.append('\n');
        position += 2;
        line++;
      } else {
        if (c == '\n' || c == '\r') {
          line++;
        }
        field.append(c);
        position++;
      }
    }
  }

  private void skipLineEnd() {
    if (text.charAt(position) == '\r') {
      position++;
      if (position < text.length() && text.charAt(position) == '\n') {
        position++;
      }
    } else {
      position++;
    }
    line++;
  }
}
