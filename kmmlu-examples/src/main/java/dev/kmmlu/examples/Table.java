package dev.kmmlu.examples;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A text table: the first column left-aligned, the others right-aligned, padded for wide Korean
 * text.
 */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  Table(String... headers) {
    rows.add(headers.clone());
  }

  void row(String... cells) {
    rows.add(cells.clone());
  }

  void print(PrintWriter out) {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], width(row[c]));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        int pad = widths[c] - width(row[c]);
        if (c == 0) {
          line.append(row[c]);
          if (row.length > 1) {
            line.append(" ".repeat(pad));
          }
        } else {
          line.append("  ").append(" ".repeat(pad)).append(row[c]);
        }
      }
      out.println(line);
    }
  }

  /** Returns the terminal columns the text takes: East Asian wide characters count twice. */
  static int width(String text) {
    return text.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
  }

  private static boolean isWide(int c) {
    return (c >= 0x1100 && c <= 0x115F)
        || (c >= 0x2E80 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6);
  }
}
