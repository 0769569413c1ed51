package dev.kmmlu;

import static dev.kmmlu.MarkdownReport.count;
import static dev.kmmlu.MarkdownReport.estimate;
import static dev.kmmlu.MarkdownReport.interval;
import static dev.kmmlu.MarkdownReport.percent;

import dev.kmmlu.scoring.Average;
import dev.kmmlu.scoring.Estimate;
import dev.kmmlu.scoring.ExtractionStatus;
import dev.kmmlu.scoring.GroupScore;
import dev.kmmlu.scoring.Verdict;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link Report} as one self-contained HTML page: no scripts, fonts, style sheets or
 * images are fetched; the styles are inline and the charts are inline SVG. Every string that comes
 * from the data or the run is HTML-escaped.
 */
final class HtmlReport {
  /** The left edge of the accuracy chart's plot area, in SVG units. */
  static final double PLOT_LEFT = 240;

  /** The width of the accuracy chart's plot area (0% to 100%), in SVG units. */
  static final double PLOT_WIDTH = 440;

  private static final int ROW_HEIGHT = 22;
  private static final String[] STATUS_COLOURS = {
    "#2e7d32", "#9ccc65", "#ef6c00", "#9e9e9e", "#c62828"
  };

  private HtmlReport() {}

  static String render(Report report) {
    String title = report.benchmark() + ": " + report.model();
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<main>\n<h1>")
        .append(escape(title))
        .append("</h1>\n");
    if (!report.isComplete()) {
      html.append("<p class=\"warning\" role=\"alert\"><strong>Warning:</strong> ")
          .append(escape(MarkdownReport.incompleteWarning(report)))
          .append("</p>\n");
    }
    summary(html, report);
    groups(html, report);
    if (!report.verdicts().isEmpty()) {
      licences(html, report);
    }
    extraction(html, report);
    reproduce(html, report);
    html.append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void summary(StringBuilder html, Report report) {
    html.append("<section>\n<h2>Summary</h2>\n<table class=\"summary\">\n<tbody>\n");
    th(html, "Questions", count(report.questions()));
    th(html, "Correct", count(report.correct()));
    th(html, "Incorrect", count(report.incorrect()));
    th(html, "Unparsed (scored as incorrect)", count(report.unparsed()));
    th(html, "Failed", count(report.failed()));
    th(html, "Micro accuracy", estimate(report.accuracy(Average.MICRO)));
    th(html, "Macro accuracy", estimate(report.accuracy(Average.MACRO)));
    th(html, "Headline", MarkdownReport.headline(report));
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static void groups(StringBuilder html, Report report) {
    html.append("<section>\n<h2>Groups</h2>\n<figure>\n");
    accuracyChart(html, report);
    html.append(
            "<figcaption>Accuracy per group with its 95% interval; the dashed lines mark 40%"
                + " (the per-subject floor of most licence rules) and 60% (their average"
                + " cut-off).</figcaption>\n")
        .append("</figure>\n<table>\n<thead><tr><th>Group</th><th class=\"num\">Questions</th>")
        .append("<th class=\"num\">Correct</th><th class=\"num\">Accuracy</th>")
        .append("<th>95% interval</th></tr></thead>\n<tbody>\n");
    for (GroupScore group : report.groups()) {
      html.append("<tr><td>")
          .append(escape(group.name()))
          .append("</td><td class=\"num\">")
          .append(count(group.questions()))
          .append("</td><td class=\"num\">")
          .append(count(group.correct()))
          .append("</td><td class=\"num\">")
          .append(percent(group.accuracy().value()))
          .append("</td><td>")
          .append(escape(interval(group.accuracy())))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  /** Returns the x coordinate of an accuracy (a fraction) in the accuracy chart. */
  static double x(double fraction) {
    return PLOT_LEFT + PLOT_WIDTH * Math.max(0, Math.min(1, fraction));
  }

  private static void accuracyChart(StringBuilder html, Report report) {
    int rows = report.groups().size();
    int top = 20;
    int height = top + rows * ROW_HEIGHT + 10;
    html.append("<svg class=\"chart\" role=\"img\" aria-labelledby=\"accuracy-title\" viewBox=\"0 0 ")
        .append(number(PLOT_LEFT + PLOT_WIDTH + 60))
        .append(' ')
        .append(height)
        .append("\">\n")
        .append("<title id=\"accuracy-title\">Accuracy per group</title>\n");
    for (int tick = 0; tick <= 100; tick += 20) {
      html.append("<text class=\"tick\" x=\"")
          .append(number(x(tick / 100.0)))
          .append("\" y=\"12\">")
          .append(tick)
          .append("%</text>\n");
    }
    for (int i = 0; i < rows; i++) {
      GroupScore group = report.groups().get(i);
      Estimate accuracy = group.accuracy();
      double y = top + i * ROW_HEIGHT;
      double value = accuracy.count() == 0 ? 0 : accuracy.value();
      String label = group.name() + ": " + percent(accuracy.value());
      html.append("<text class=\"label\" x=\"")
          .append(number(PLOT_LEFT - 8))
          .append("\" y=\"")
          .append(number(y + 15))
          .append("\">")
          .append(escape(group.name()))
          .append("</text>\n<rect class=\"bar\" x=\"")
          .append(number(PLOT_LEFT))
          .append("\" y=\"")
          .append(number(y + 3))
          .append("\" width=\"")
          .append(number(x(value) - PLOT_LEFT))
          .append("\" height=\"")
          .append(ROW_HEIGHT - 6)
          .append("\"><title>")
          .append(escape(label))
          .append("</title></rect>\n");
      if (accuracy.count() > 0 && Double.isFinite(accuracy.lower())) {
        String mid = number(y + ROW_HEIGHT / 2.0);
        html.append("<line class=\"interval\" x1=\"")
            .append(number(x(accuracy.lower())))
            .append("\" x2=\"")
            .append(number(x(accuracy.upper())))
            .append("\" y1=\"")
            .append(mid)
            .append("\" y2=\"")
            .append(mid)
            .append("\"/>\n");
      }
      html.append("<text class=\"value\" x=\"")
          .append(number(PLOT_LEFT + PLOT_WIDTH + 4))
          .append("\" y=\"")
          .append(number(y + 15))
          .append("\">")
          .append(percent(accuracy.value()))
          .append("</text>\n");
    }
    for (double reference : new double[] {0.4, 0.6}) {
      html.append("<line class=\"reference\" x1=\"")
          .append(number(x(reference)))
          .append("\" x2=\"")
          .append(number(x(reference)))
          .append("\" y1=\"")
          .append(top)
          .append("\" y2=\"")
          .append(top + rows * ROW_HEIGHT)
          .append("\"/>\n");
    }
    html.append("</svg>\n");
  }

  private static void licences(StringBuilder html, Report report) {
    html.append("<section>\n<h2>Licences</h2>\n<p>")
        .append(escape(MarkdownReport.passedLine(report)))
        .append("</p>\n<ul class=\"badges\">\n");
    for (Verdict verdict : report.verdicts()) {
      String label = verdict.status().label();
      html.append("<li class=\"badge ")
          .append(verdict.status().name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .append("\" title=\"")
          .append(escape(verdict.summary()))
          .append("\"><span class=\"licence\">")
          .append(escape(verdict.displayName()))
          .append("</span> <strong>")
          .append(label)
          .append("</strong></li>\n");
    }
    html.append("</ul>\n<table>\n<thead><tr><th>Licence</th><th>Verdict</th>")
        .append("<th class=\"num\">Accuracy</th><th>Reasons</th></tr></thead>\n<tbody>\n");
    for (Verdict verdict : report.verdicts()) {
      html.append("<tr><td>")
          .append(escape(verdict.displayName()))
          .append("</td><td>")
          .append(verdict.status().label())
          .append("</td><td class=\"num\">")
          .append(percent(verdict.accuracy().value()))
          .append("</td><td>");
      for (int i = 0; i < verdict.reasons().size(); i++) {
        html.append(i == 0 ? "" : "<br>").append(escape(verdict.reasons().get(i)));
      }
      html.append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static void extraction(StringBuilder html, Report report) {
    int replies = MarkdownReport.replies(report);
    html.append("<section>\n<h2>Answer extraction</h2>\n<figure>\n")
        .append("<svg class=\"chart\" role=\"img\" aria-labelledby=\"extraction-title\"")
        .append(" viewBox=\"0 0 720 60\">\n")
        .append("<title id=\"extraction-title\">Replies by extraction status</title>\n");
    double left = 0;
    double legend = 0;
    for (Map.Entry<ExtractionStatus, Integer> entry : report.statusCounts().entrySet()) {
      String colour = STATUS_COLOURS[entry.getKey().ordinal() % STATUS_COLOURS.length];
      String text = entry.getKey().name() + ": " + count(entry.getValue());
      if (replies > 0 && entry.getValue() > 0) {
        double width = 720.0 * entry.getValue() / replies;
        html.append("<rect class=\"status\" x=\"")
            .append(number(left))
            .append("\" y=\"0\" width=\"")
            .append(number(width))
            .append("\" height=\"24\" fill=\"")
            .append(colour)
            .append("\"><title>")
            .append(text)
            .append("</title></rect>\n");
        left += width;
      }
      html.append("<rect x=\"")
          .append(number(legend))
          .append("\" y=\"36\" width=\"12\" height=\"12\" fill=\"")
          .append(colour)
          .append("\"/><text class=\"legend\" x=\"")
          .append(number(legend + 16))
          .append("\" y=\"47\">")
          .append(text)
          .append("</text>\n");
      legend += 144;
    }
    html.append("</svg>\n<figcaption>How each reply's answer was found: STRICT after an explicit")
        .append(" answer marker, LENIENT by a fallback pattern; UNPARSED, EMPTY and TRUNCATED")
        .append(" replies are scored as incorrect.</figcaption>\n</figure>\n")
        .append("<table>\n<thead><tr><th>Status</th><th class=\"num\">Replies</th>")
        .append("<th class=\"num\">Share</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<ExtractionStatus, Integer> entry : report.statusCounts().entrySet()) {
      html.append("<tr><td>")
          .append(entry.getKey().name())
          .append("</td><td class=\"num\">")
          .append(count(entry.getValue()))
          .append("</td><td class=\"num\">")
          .append(percent(replies == 0 ? Double.NaN : (double) entry.getValue() / replies))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static void reproduce(StringBuilder html, Report report) {
    html.append("<section>\n<h2>Reproduce</h2>\n<table class=\"summary\">\n<tbody>\n");
    for (Map.Entry<String, String> entry : MarkdownReport.reproduce(report.run()).entrySet()) {
      th(html, entry.getKey(), entry.getValue());
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static void th(StringBuilder html, String label, String value) {
    html.append("<tr><th scope=\"row\">")
        .append(escape(label))
        .append("</th><td>")
        .append(escape(value))
        .append("</td></tr>\n");
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Returns text with the five HTML-significant characters replaced by entities. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<':
          escaped.append("&lt;");
          break;
        case '>':
          escaped.append("&gt;");
          break;
        case '&':
          escaped.append("&amp;");
          break;
        case '"':
          escaped.append("&quot;");
          break;
        case '\'':
          escaped.append("&#39;");
          break;
        default:
          escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static final String STYLE =
      "body{font-family:system-ui,-apple-system,\"Segoe UI\",\"Apple SD Gothic Neo\","
          + "\"Malgun Gothic\",\"Noto Sans KR\",\"Noto Sans CJK KR\",sans-serif;"
          + "margin:0;color:#1a1a1a;background:#fff}\n"
          + "main{max-width:960px;margin:0 auto;padding:1rem 1.5rem}\n"
          + "table{border-collapse:collapse;margin:.5rem 0 1.5rem}\n"
          + "th,td{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left;"
          + "vertical-align:top}\n"
          + ".num{text-align:right;font-variant-numeric:tabular-nums}\n"
          + ".warning{background:#fff3e0;border-left:4px solid #ef6c00;padding:.5rem 1rem}\n"
          + "figure{margin:0}\n"
          + "figcaption{font-size:.85rem;color:#555}\n"
          + ".chart{width:100%;height:auto;font-size:12px}\n"
          + ".chart .label{text-anchor:end}\n"
          + ".chart .tick{text-anchor:middle;fill:#666}\n"
          + ".chart .bar{fill:#5c6bc0}\n"
          + ".chart .interval{stroke:#1a1a1a;stroke-width:1.5}\n"
          + ".chart .reference{stroke:#c62828;stroke-dasharray:4 3}\n"
          + ".badges{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}\n"
          + ".badge{border-radius:1rem;padding:.2rem .7rem;font-size:.9rem;border:1px solid}\n"
          + ".badge.passed{background:#e8f5e9;border-color:#2e7d32;color:#1b5e20}\n"
          + ".badge.failed{background:#ffebee;border-color:#c62828;color:#b71c1c}\n"
          + ".badge.no-rule,.badge.no-data{background:#f5f5f5;border-color:#9e9e9e;"
          + "color:#424242}\n";
}
