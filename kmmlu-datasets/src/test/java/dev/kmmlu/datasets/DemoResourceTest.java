package dev.kmmlu.datasets;

import static org.assertj.core.api.BDDAssertions.then;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoResourceTest {
  private static final String RESOURCE = "/dev/kmmlu/datasets/demo/kmmlu-pro-demo.jsonl";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of(
          "question",
          "options",
          "solution",
          "score",
          "license_name",
          "subject",
          "year",
          "round",
          "session",
          "demo");

  private static List<String> lines;

  @BeforeAll
  static void readResource() throws IOException {
    try (InputStream in = DemoResourceTest.class.getResourceAsStream(RESOURCE)) {
      then(in).as(RESOURCE).isNotNull();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        lines = reader.lines().collect(Collectors.toList());
      }
    }
  }

  private static List<JsonNode> rows() throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : lines) {
      rows.add(MAPPER.readTree(line));
    }
    return rows;
  }

  @Test
  void should_hold_at_least_55_non_blank_lines_when_read() {
    // GIVEN the resource read in readResource
    // WHEN
    long blank = lines.stream().filter(String::isBlank).count();
    // THEN
    then(lines).hasSizeGreaterThanOrEqualTo(55);
    then(blank).isZero();
  }

  @Test
  void should_parse_every_line_as_an_object_with_exactly_the_pro_fields_when_read()
      throws IOException {
    // GIVEN
    List<String> problems = new ArrayList<>();
    // WHEN
    for (int i = 0; i < lines.size(); i++) {
      JsonNode row = MAPPER.readTree(lines.get(i));
      Set<String> names = new TreeSet<>();
      row.fieldNames().forEachRemaining(names::add);
      if (!row.isObject() || !names.equals(new TreeSet<>(FIELDS))) {
        problems.add((i + 1) + ": " + names);
      }
    }
    // THEN
    then(problems).isEmpty();
  }

  @Test
  void should_have_valid_options_solutions_and_metadata_when_read() throws IOException {
    // GIVEN
    List<String> problems = new ArrayList<>();
    List<JsonNode> rows = rows();
    // WHEN
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String where = (i + 1) + ": ";
      if (!row.get("question").isTextual() || row.get("question").asText().isBlank()) {
        problems.add(where + "question");
      }
      JsonNode options = row.get("options");
      if (!options.isArray() || options.size() < 4 || options.size() > 5) {
        problems.add(where + "options count " + options.size());
      }
      Set<String> distinct = new TreeSet<>();
      for (JsonNode option : options) {
        if (!option.isTextual() || option.asText().isBlank()) {
          problems.add(where + "blank option");
        }
        distinct.add(option.asText().strip());
      }
      if (distinct.size() != options.size()) {
        problems.add(where + "duplicate option");
      }
      JsonNode solution = row.get("solution");
      if (!solution.isTextual()
          || !solution.asText().matches("[1-5]")
          || Integer.parseInt(solution.asText()) > options.size()) {
        problems.add(where + "solution " + solution);
      }
      if (!row.get("score").isNumber() || row.get("score").asDouble() <= 0) {
        problems.add(where + "score");
      }
      for (String text : List.of("license_name", "subject")) {
        if (!row.get(text).isTextual() || row.get(text).asText().isBlank()) {
          problems.add(where + text);
        }
      }
      for (String number : List.of("year", "round", "session")) {
        if (!row.get(number).isInt() || row.get(number).asInt() <= 0) {
          problems.add(where + number);
        }
      }
      if (!row.get("demo").isBoolean() || !row.get("demo").asBoolean()) {
        problems.add(where + "demo");
      }
    }
    // THEN
    then(problems).isEmpty();
  }

  @Test
  void should_cover_at_least_five_known_licences_with_two_subjects_each_when_read()
      throws IOException {
    // GIVEN
    Map<String, Set<String>> subjectsByLicence = new TreeMap<>();
    // WHEN
    for (JsonNode row : rows()) {
      subjectsByLicence
          .computeIfAbsent(row.get("license_name").asText(), key -> new TreeSet<>())
          .add(row.get("subject").asText());
    }
    // THEN
    then(subjectsByLicence).hasSizeGreaterThanOrEqualTo(5);
    then(subjectsByLicence.keySet())
        .allSatisfy(name -> then(Licence.parse(name)).as(name).isPresent());
    long withSeveralSubjects =
        subjectsByLicence.values().stream().filter(subjects -> subjects.size() >= 2).count();
    then(withSeveralSubjects).isGreaterThanOrEqualTo(5);
  }

  @Test
  void should_spread_gold_answers_over_every_position_when_read() throws IOException {
    // GIVEN
    Map<String, Integer> golds = new TreeMap<>();
    int fiveOptionRows = 0;
    // WHEN
    for (JsonNode row : rows()) {
      golds.merge(row.get("solution").asText(), 1, Integer::sum);
      if (row.get("options").size() == 5) {
        fiveOptionRows++;
      }
    }
    // THEN
    then(golds).containsOnlyKeys("1", "2", "3", "4", "5");
    then(fiveOptionRows).isBetween(10, 15);
  }
}
