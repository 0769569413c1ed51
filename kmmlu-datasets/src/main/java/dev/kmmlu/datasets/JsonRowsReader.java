package dev.kmmlu.datasets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads KMMLU-Redux and KMMLU-Pro rows from JSON Lines (one object per line; blank lines are not
 * rows and are skipped) or from a file that is one JSON array of objects. Fields the benchmark does
 * not define are ignored; a duplicated field is an error. Grouping keys (category, licence, subject)
 * are normalized to Unicode NFC so that composed and decomposed Hangul group together; question and
 * option texts are kept exactly as the file has them.
 */
final class JsonRowsReader {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectReader ELEMENT_READER =
      MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonRowsReader() {}

  /** One parsed row: the line it starts on and its object. */
  private record Row(int line, JsonNode node) {}

  /**
   * Returns the questions of one file.
   *
   * @param firstIndex the 0-based row index of the file's first row within the dataset
   */
  static List<Question> read(
      Benchmark benchmark, String source, String text, String split, int firstIndex) {
    List<Row> rows = rows(source, text);
    List<Question> questions = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String id = benchmark.slug() + "/" + split + "/" + KmmluCsvReader.rowNumber(firstIndex + i);
      questions.add(
          benchmark == Benchmark.KMMLU_PRO
              ? proQuestion(source, row, id, split)
              : reduxQuestion(source, row, id, split));
    }
    return questions;
  }

  private static List<Row> rows(String source, String text) {
    int start = 0;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    if (start == text.length()) {
      throw new DatasetException(
          source, "expected JSON rows, one object per line, but found an empty file");
    }
    return text.charAt(start) == '[' ? arrayRows(source, text) : lineRows(source, text);
  }

  private static List<Row> lineRows(String source, String text) {
    List<Row> rows = new ArrayList<>();
    int line = 0;
    int begin = 0;
    while (begin < text.length()) {
      int end = text.indexOf('\n', begin);
      if (end < 0) {
        end = text.length();
      }
      line++;
      String content = text.substring(begin, end);
      begin = end + 1;
      if (content.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(content);
      } catch (JsonProcessingException e) {
        throw new DatasetException(
            source,
            line,
            null,
            "expected a JSON object, but found invalid JSON at column "
                + e.getLocation().getColumnNr()
                + " ("
                + e.getOriginalMessage().lines().findFirst().orElse("")
                + ")",
            e);
      }
      if (!node.isObject()) {
        throw new DatasetException(
            source, line, null, "expected a JSON object, but found " + describe(node), null);
      }
      rows.add(new Row(line, node));
    }
    return rows;
  }

  private static List<Row> arrayRows(String source, String text) {
    List<Row> rows = new ArrayList<>();
    int line = 1;
    try (JsonParser parser = MAPPER.createParser(text)) {
      parser.nextToken();
      JsonToken token = parser.nextToken();
      while (token != JsonToken.END_ARRAY) {
        if (token == null) {
          throw new DatasetException(
              source, line, null, "expected a closing ], but found the end of the file", null);
        }
        line = parser.currentTokenLocation().getLineNr();
        JsonNode node = ELEMENT_READER.readTree(parser);
        if (!node.isObject()) {
          throw new DatasetException(
              source, line, null, "expected a JSON object, but found " + describe(node), null);
        }
        rows.add(new Row(line, node));
        token = parser.nextToken();
      }
      if (parser.nextToken() != null) {
        throw new DatasetException(
            source,
            parser.currentTokenLocation().getLineNr(),
            null,
            "expected the end of the file after the closing ], but found more JSON",
            null);
      }
    } catch (JsonProcessingException e) {
      throw new DatasetException(
          source,
          e.getLocation() == null ? line : e.getLocation().getLineNr(),
          null,
          "expected a JSON array of objects, but found invalid JSON at column "
              + (e.getLocation() == null ? 0 : e.getLocation().getColumnNr())
              + " ("
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + ")",
          e);
    } catch (IOException e) {
      throw new DatasetException(source, "expected readable JSON, but reading failed: " + e, e);
    }
    if (rows.isEmpty()) {
      throw new DatasetException(source, "expected JSON rows, but found an empty array");
    }
    return rows;
  }

  private static Question reduxQuestion(String source, Row row, String id, String split) {
    String text = text(source, row, "question");
    List<String> options = options(source, row, 4, 4);
    Choice answer = solution(source, row, options.size());
    String category = nfc(string(source, row, "category"));
    QuestionMetadata metadata =
        QuestionMetadata.builder().qualification(string(source, row, "license_name")).build();
    return new Question(
        id, Benchmark.KMMLU_REDUX, split, category, category, text, options, answer, metadata);
  }

  private static Question proQuestion(String source, Row row, String id, String split) {
    String text = text(source, row, "question");
    List<String> options = options(source, row, 4, 5);
    Choice answer = solution(source, row, options.size());
    String licence = string(source, row, "license_name");
    String subject = nfc(string(source, row, "subject"));
    QuestionMetadata.Builder metadata = QuestionMetadata.builder().qualification(licence);
    JsonNode score = row.node().get("score");
    if (score != null && !score.isNull()) {
      if (!(score.isNumber() && score.asDouble() > 0.0 && Double.isFinite(score.asDouble()))) {
        throw error(source, row, "score", "expected a positive number, but found " + describe(score));
      }
      metadata.points(score.asDouble());
    }
    Integer year = wholeNumber(source, row, "year");
    if (year != null) {
      metadata.year(year);
    }
    Integer round = wholeNumber(source, row, "round");
    if (round != null) {
      metadata.round(round);
    }
    Integer session = wholeNumber(source, row, "session");
    if (session != null) {
      metadata.session(session);
    }
    String group = Licence.parse(licence).map(Licence::koreanName).orElse(nfc(licence));
    return new Question(
        id, Benchmark.KMMLU_PRO, split, group, subject, text, options, answer, metadata.build());
  }

  private static String nfc(String key) {
    return java.text.Normalizer.normalize(key, java.text.Normalizer.Form.NFC);
  }

  private static String text(String source, Row row, String field) {
    String value = string(source, row, field);
    if (value.isBlank()) {
      throw error(
          source, row, field, "expected a non-empty string, but found " + TextFiles.quote(value));
    }
    return value;
  }

  private static String string(String source, Row row, String field) {
    JsonNode value = row.node().get(field);
    if (value == null || !value.isTextual()) {
      throw error(source, row, field, "expected a string, but found " + describe(value));
    }
    return value.textValue();
  }

  private static List<String> options(String source, Row row, int min, int max) {
    JsonNode value = row.node().get("options");
    String expected = min == max ? "an array of " + min : "an array of " + min + " or " + max;
    if (value == null || !value.isArray()) {
      throw error(source, row, "options", "expected " + expected + " strings, but found " + describe(value));
    }
    if (value.size() < min || value.size() > max) {
      throw error(
          source,
          row,
          "options",
          "expected " + expected + " strings, but found " + value.size() + " elements");
    }
    List<String> options = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode option = value.get(i);
      String letter = Choice.ofIndex(i).letter();
      if (!option.isTextual()) {
        throw error(
            source,
            row,
            "options",
            "expected option " + letter + " to be a string, but found " + describe(option));
      }
      if (option.textValue().isBlank()) {
        throw error(
            source,
            row,
            "options",
            "expected option "
                + letter
                + " to be non-empty, but found "
                + TextFiles.quote(option.textValue()));
      }
      options.add(option.textValue());
    }
    return options;
  }

  private static Choice solution(String source, Row row, int optionCount) {
    JsonNode value = row.node().get("solution");
    int number = -1;
    if (value != null && value.isTextual()) {
      String digits = value.textValue().strip();
      if (digits.length() == 1 && Character.isDigit(digits.charAt(0))) {
        number = digits.charAt(0) - '0';
      }
    } else if (value != null && value.isIntegralNumber() && value.canConvertToInt()) {
      number = value.intValue();
    }
    if (number < 1 || number > optionCount) {
      throw error(
          source,
          row,
          "solution",
          "expected a number from 1 to " + optionCount + ", but found " + describe(value));
    }
    return Choice.ofNumber(number);
  }

  private static Integer wholeNumber(String source, Row row, String field) {
    JsonNode value = row.node().get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.intValue();
    }
    if (value.isTextual() && value.textValue().strip().matches("\\d{1,9}")) {
      return Integer.parseInt(value.textValue().strip());
    }
    throw error(source, row, field, "expected a whole number, but found " + describe(value));
  }

  private static DatasetException error(String source, Row row, String field, String message) {
    return new DatasetException(source, row.line(), field, message, null);
  }

  /** Returns what a JSON value is, for error messages: a quoted string, a number, or its kind. */
  private static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isTextual()) {
      return TextFiles.quote(value.textValue());
    }
    if (value.isNumber() || value.isBoolean() || value.isNull()) {
      return value.toString();
    }
    return value.isArray() ? "an array" : "an object";
  }
}
