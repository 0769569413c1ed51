package dev.kmmlu.datasets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one KMMLU or KMMLU-HARD CSV file: header {@code question,answer,A,B,C,D,Category,Human
 * Accuracy} in any column order, {@code answer} 1-4, {@code Human Accuracy} empty or in [0, 1].
 * {@code Category} and {@code Human Accuracy} may be absent; the other columns are required.
 */
final class KmmluCsvReader {
  static final String QUESTION = "question";
  static final String ANSWER = "answer";
  static final String CATEGORY = "Category";
  static final String HUMAN_ACCURACY = "Human Accuracy";
  private static final String[] OPTIONS = {"A", "B", "C", "D"};
  private static final String[] REQUIRED = {QUESTION, ANSWER, "A", "B", "C", "D"};

  private KmmluCsvReader() {}

  /**
   * Returns the questions of one file.
   *
   * @param benchmark {@link Benchmark#KMMLU} or {@link Benchmark#KMMLU_HARD}
   * @param source the file name for error messages
   * @param text the decoded file
   * @param split the split the questions belong to
   * @param stem the file's subject part, such as {@code korean-history}, or empty for a file whose
   *     name does not say
   */
  static List<Question> read(
      Benchmark benchmark, String source, String text, String split, String stem) {
    List<CsvParser.Record> records = CsvParser.parse(source, text);
    if (records.isEmpty()) {
      throw new DatasetException(source, "expected a header line, but found an empty file");
    }
    CsvParser.Record header = records.get(0);
    Map<String, Integer> columns = columns(source, header);
    if (records.size() == 1) {
      throw new DatasetException(
          source, "expected at least one row after the header, but found none");
    }
    Optional<KmmluSubject> fileSubject = KmmluSubject.parse(stem);
    int width = header.fields().size();
    int question = columns.get(QUESTION);
    int answer = columns.get(ANSWER);
    int[] options = new int[OPTIONS.length];
    for (int i = 0; i < OPTIONS.length; i++) {
      options[i] = columns.get(OPTIONS[i]);
    }
    Integer category = columns.get(CATEGORY);
    Integer humanAccuracy = columns.get(HUMAN_ACCURACY);

    List<Question> questions = new ArrayList<>(records.size() - 1);
    for (int row = 0; row < records.size() - 1; row++) {
      CsvParser.Record record = records.get(row + 1);
      List<String> fields = record.fields();
      int line = record.line();
      if (fields.size() != width) {
        throw new DatasetException(
            source,
            line,
            null,
            "expected " + width + " fields as in the header, but found " + fields.size(),
            null);
      }
      String text0 = nonEmpty(source, line, QUESTION, fields.get(question), "question text");
      List<String> optionTexts = new ArrayList<>(OPTIONS.length);
      for (int i = 0; i < OPTIONS.length; i++) {
        optionTexts.add(nonEmpty(source, line, OPTIONS[i], fields.get(options[i]), "option text"));
      }
      Choice gold = answer(source, line, fields.get(answer));
      QuestionMetadata.Builder metadata = QuestionMetadata.builder();
      String categoryText = category == null ? "" : fields.get(category);
      if (!categoryText.isEmpty()) {
        metadata.category(categoryText);
      }
      if (humanAccuracy != null) {
        humanAccuracy(source, line, fields.get(humanAccuracy), metadata);
      }
      String group = group(fileSubject, categoryText, stem, source);
      String idPart = idPart(benchmark, fileSubject, group);
      String id = benchmark.slug() + "/" + split + "/" + idPart + "/" + rowNumber(row);
      questions.add(
          new Question(
              id, benchmark, split, group, group, text0, optionTexts, gold, metadata.build()));
    }
    return questions;
  }

  /** Returns a 0-based row index with at least four digits, such as {@code 0007}. */
  static String rowNumber(int row) {
    String digits = Integer.toString(row);
    return digits.length() >= 4 ? digits : "0000".substring(digits.length()) + digits;
  }

  private static Map<String, Integer> columns(String source, CsvParser.Record header) {
    Map<String, Integer> columns = new HashMap<>();
    List<String> names = header.fields();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip();
      if (columns.putIfAbsent(name, i) != null) {
        throw new DatasetException(
            source,
            header.line(),
            name,
            "expected each column name once in the header, but found it twice",
            null);
      }
    }
    for (String required : REQUIRED) {
      if (!columns.containsKey(required)) {
        throw new DatasetException(
            source,
            header.line(),
            required,
            "expected this column in the header, but found only " + String.join(",", names),
            null);
      }
    }
    return columns;
  }

  private static String nonEmpty(
      String source, int line, String field, String value, String what) {
    if (value.isBlank()) {
      throw new DatasetException(
          source,
          line,
          field,
          "expected a non-empty " + what + ", but found " + TextFiles.quote(value),
          null);
    }
    return value;
  }

  private static Choice answer(String source, int line, String value) {
    String digits = value.strip();
    if (digits.length() == 1 && digits.charAt(0) >= '1' && digits.charAt(0) <= '4') {
      return Choice.ofNumber(digits.charAt(0) - '0');
    }
    throw new DatasetException(
        source,
        line,
        ANSWER,
        "expected a number from 1 to 4, but found " + TextFiles.quote(value),
        null);
  }

  private static void humanAccuracy(
      String source, int line, String value, QuestionMetadata.Builder metadata) {
    String number = value.strip();
    if (number.isEmpty()) {
      return;
    }
    double accuracy;
    try {
      accuracy = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      accuracy = Double.NaN;
    }
    if (!(accuracy >= 0.0 && accuracy <= 1.0)) {
      throw new DatasetException(
          source,
          line,
          HUMAN_ACCURACY,
          "expected nothing or a number from 0 to 1, but found " + TextFiles.quote(value),
          null);
    }
    metadata.humanAccuracy(accuracy);
  }

  /**
   * Returns the group: the config name of the subject the file name names, else of the subject the
   * row's {@code Category} names, else the raw {@code Category} (or file stem) as an unknown group.
   */
  private static String group(
      Optional<KmmluSubject> fileSubject, String category, String stem, String source) {
    if (fileSubject.isPresent()) {
      return fileSubject.get().configName();
    }
    Optional<KmmluSubject> rowSubject = KmmluSubject.parse(category);
    if (rowSubject.isPresent()) {
      return rowSubject.get().configName();
    }
    if (!category.isBlank()) {
      return category;
    }
    return stem.isEmpty() ? source : stem;
  }

  private static String idPart(
      Benchmark benchmark, Optional<KmmluSubject> fileSubject, String group) {
    Optional<KmmluSubject> subject =
        fileSubject.isPresent() ? fileSubject : KmmluSubject.parse(group);
    if (subject.isEmpty()) {
      return group;
    }
    return benchmark == Benchmark.KMMLU_HARD
        ? subject.get().hardConfigName()
        : subject.get().configName();
  }
}
