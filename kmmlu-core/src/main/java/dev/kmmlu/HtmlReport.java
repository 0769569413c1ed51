package dev.kmmlu;

/** Renders a {@link Report} as one self-contained HTML page. */
final class HtmlReport {
  private HtmlReport() {}

  static String render(Report report) {
    return "<!DOCTYPE html><html><body>" + report.benchmark() + "</body></html>\n";
  }
}
