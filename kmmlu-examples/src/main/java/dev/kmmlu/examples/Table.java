package dev.kmmlu.examples;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A two-column text table, left label and right-aligned number, padded for wide Korean text. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  Table(String label, String value) {
    rows.add(new String[] {label, value});
  }

  void row(String label, String value) {
    rows.add(new String[] {label, value});
  }

  void print(PrintWriter out) {
    int labelWidth = 0;
    int valueWidth = 0;
    for (String[] row : rows) {
      labelWidth = Math.max(labelWidth, width(row[0]));
      valueWidth = Math.max(valueWidth, width(row[1]));
    }
    for (String[] row : rows) {
      out.print(row[0]);
      out.print(" ".repeat(labelWidth - width(row[0]) + 2 + valueWidth - width(row[1])));
      out.println(row[1]);
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
