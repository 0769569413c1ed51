package dev.kmmlu;

/** Renders a {@link Report} as Markdown. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(Report report) {
    return "# " + report.benchmark() + " / " + report.model() + "\n";
  }
}
