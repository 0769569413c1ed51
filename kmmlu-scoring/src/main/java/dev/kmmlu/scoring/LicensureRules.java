package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kmmlu.datasets.DatasetException;
import dev.kmmlu.datasets.Licence;
import dev.kmmlu.datasets.Question;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pass rule of each licensure exam, and the judge that applies them to a {@link Scorecard}.
 * Immutable and thread-safe; {@link #withRule(String, PassRule)} returns a copy.
 *
 * <p>Licences are keyed by their canonical Korean name: a name {@link Licence#parse(String)}
 * recognises (an alias such as 회계사, an English or enum name) is stored and matched as the licence's
 * Korean name; any other string is kept as given and judged as an unknown licence. The scorecard's
 * groups ({@code Question.group()}) are the licences and its subjects ({@code Question.subject()})
 * the exam subjects.
 *
 * <pre>{@code
 * List<Verdict> verdicts = LicensureRules.paper().judge(Scorecard.of(outcomes));
 * long passed = verdicts.stream().filter(Verdict::passed).count();
 * }</pre>
 *
 * <h2>JSON rule files</h2>
 *
 * <p>{@link #fromJson(Path)} reads an object whose {@code licences} maps licence names to rules;
 * the optional {@code base} is {@code "paper"} to start from {@link #paper()} and replace only the
 * licences listed, or {@code "none"} (the default) to start from no rules. A rule is an object with
 * exactly one of these keys:
 *
 * <ul>
 *   <li>{@code "everySubjectAtLeast": 0.4}, {@code "meanOfSubjectsAtLeast": 0.6}, {@code
 *       "overallAtLeast": 0.6} (fractions in [0, 1]);
 *   <li>{@code "pointsAtLeast": {"points": 900, "totalPoints": 1660}};
 *   <li>{@code "cutOff": {"2023": 0.58, "2024": 0.61}} (year to fraction);
 *   <li>{@code "topK": {"k": 3, "cohort": [0.71, 0.64]}}, {@code "topPercent": {"percent": 10,
 *       "cohort": [0.71, 0.64]}};
 *   <li>{@code "allOf": [rule, ...]}, {@code "anyOf": [rule, ...]}.
 * </ul>
 *
 * <pre>{@code
 * {
 *   "base": "paper",
 *   "licences": {
 *     "변호사": {"allOf": [{"everySubjectAtLeast": 0.4},
 *                          {"pointsAtLeast": {"points": 900, "totalPoints": 1660}}]},
 *     "법무사": {"everySubjectAtLeast": 0.4}
 *   }
 * }
 * }</pre>
 */
public final class LicensureRules {
  private static final List<String> RULE_KEYS =
      List.of(
          "everySubjectAtLeast",
          "meanOfSubjectsAtLeast",
          "overallAtLeast",
          "pointsAtLeast",
          "cutOff",
          "topK",
          "topPercent",
          "allOf",
          "anyOf");

  private final Map<String, PassRule> rules;

  private LicensureRules(Map<String, PassRule> rules) {
    this.rules = Collections.unmodifiableMap(rules);
  }

  /** Returns rules that hold no licence. */
  public static LicensureRules empty() {
    return new LicensureRules(new LinkedHashMap<>());
  }

  /**
   * Returns the paper's rules for the 14 KMMLU-Pro licences, read as {@link
   * PaperReading#defaults()}: 법무사 (Certified Judicial Scrivener) needs 40% in every subject and has
   * no average rule; 변호사 (Lawyer) needs 40% in every subject and 900 of 1,660 points (54.22%)
   * overall; every other licence needs 40% in every subject and a mean of subject percentages of at
   * least 60%.
   */
  public static LicensureRules paper() {
    return paper(PaperReading.defaults());
  }

  /** Returns the paper's rules for the 14 licences under {@code reading}'s choices. */
  public static LicensureRules paper(PaperReading reading) {
    requireNonNull(reading, "reading");
    Map<String, PassRule> rules = new LinkedHashMap<>();
    PassRule floor = PassRule.everySubjectAtLeast(0.40);
    PassRule average =
        reading.meanOfSubjects()
            ? PassRule.meanOfSubjectsAtLeast(0.60)
            : PassRule.overallAtLeast(0.60);
    for (Licence licence : Licence.values()) {
      PassRule rule;
      switch (licence) {
        case JUDICIAL_SCRIVENER:
          rule = floor;
          break;
        case LAWYER:
          PassRule cutOff = PassRule.pointsAtLeast(900, 1660);
          rule = reading.lawyerFloor() ? PassRule.allOf(floor, cutOff) : cutOff;
          break;
        default:
          rule = PassRule.allOf(floor, average);
          break;
      }
      rules.put(licence.koreanName(), rule);
    }
    return new LicensureRules(rules);
  }

  /**
   * Returns the rules a JSON file holds (see the class documentation for the schema).
   *
   * @throws DatasetException if the file cannot be read or does not follow the schema; the message
   *     names the file and the field
   */
  public static LicensureRules fromJson(Path path) {
    requireNonNull(path, "path");
    try (InputStream in = Files.newInputStream(path)) {
      return fromJson(in, path.toString());
    } catch (IOException e) {
      throw new DatasetException(path.toString(), "cannot read the rules file: " + e, e);
    }
  }

  /**
   * Returns the rules JSON from {@code in} holds; {@code sourceName} names it in error messages.
   * The stream is read to its end and not closed.
   *
   * @throws DatasetException if the stream cannot be read or does not follow the schema
   */
  public static LicensureRules fromJson(InputStream in, String sourceName) {
    requireNonNull(in, "in");
    requireNonNull(sourceName, "sourceName");
    JsonNode root;
    try {
      JsonMapper mapper =
          JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
      root = mapper.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      int line = location == null ? 0 : Math.max(0, location.getLineNr());
      throw new DatasetException(
          sourceName, line, null, "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DatasetException(sourceName, "cannot read the rules: " + e, e);
    }
    return new JsonRules(sourceName).read(root);
  }

  /** Returns the licence names that have a rule, canonical Korean names for known licences. */
  public Set<String> licences() {
    return rules.keySet();
  }

  /**
   * Returns the rule of {@code licence} (any name {@link Licence#parse(String)} accepts), if any.
   */
  public Optional<PassRule> rule(String licence) {
    requireNonNull(licence, "licence");
    return Optional.ofNullable(rules.get(canonical(licence)));
  }

  /** Returns a copy whose rule for {@code licence} is {@code rule}, replacing any it had. */
  public LicensureRules withRule(String licence, PassRule rule) {
    requireNonNull(licence, "licence");
    requireNonNull(rule, "rule");
    Map<String, PassRule> copy = new LinkedHashMap<>(rules);
    copy.put(canonical(licence), rule);
    return new LicensureRules(copy);
  }

  /** Returns a copy without a rule for {@code licence}. */
  public LicensureRules withoutRule(String licence) {
    requireNonNull(licence, "licence");
    Map<String, PassRule> copy = new LinkedHashMap<>(rules);
    copy.remove(canonical(licence));
    return new LicensureRules(copy);
  }

  /**
   * Returns one verdict per licence that has a rule or appears in {@code card}'s groups: known
   * licences in {@link Licence} order, then unknown ones (those with rules first, then those in the
   * data, each in first-seen order).
   */
  public List<Verdict> judge(Scorecard card) {
    requireNonNull(card, "card");
    Set<String> names = new LinkedHashSet<>(rules.keySet());
    for (GroupScore group : card.groups()) {
      names.add(canonical(group.name()));
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (Licence licence : Licence.values()) {
      if (names.remove(licence.koreanName())) {
        verdicts.add(judge(licence.koreanName(), card));
      }
    }
    for (String unknown : names) {
      verdicts.add(judge(unknown, card));
    }
    return List.copyOf(verdicts);
  }

  /**
   * Returns the verdict on {@code licence} (any name {@link Licence#parse(String)} accepts): the
   * outcomes of {@code card} whose group names the same licence are judged by its rule. The verdict
   * is {@link Verdict.Status#NO_RULE} when there is no rule and {@link Verdict.Status#NO_DATA} when
   * no item of the licence was scored; neither counts as passed.
   */
  public Verdict judge(String licence, Scorecard card) {
    requireNonNull(licence, "licence");
    requireNonNull(card, "card");
    String name = canonical(licence);
    List<Outcome> selected = new ArrayList<>();
    for (Outcome outcome : card.outcomes()) {
      if (canonical(outcome.question().group()).equals(name)) {
        selected.add(regroup(outcome, name));
      }
    }
    Scorecard licenceCard = Scorecard.of(selected, card.options());
    Optional<GroupScore> score = licenceCard.group(name);
    String englishName = Licence.parse(name).map(Licence::englishName).orElse("");
    String display = englishName.isEmpty() ? name : name + " (" + englishName + ")";
    List<GroupScore> subjects = licenceCard.subjects(name);
    Estimate accuracy = score.map(GroupScore::accuracy).orElse(Estimate.empty());
    int questions = score.map(GroupScore::questions).orElse(0);
    int correct = score.map(GroupScore::correct).orElse(0);
    int scored = accuracy.count();

    List<String> reasons = new ArrayList<>();
    reasons.add(
        "questions "
            + questions
            + ", scored "
            + scored
            + ", correct "
            + correct
            + ", accuracy "
            + (scored == 0 ? "n/a" : Rules.percent(accuracy.value())));
    int failed = score.map(GroupScore::failed).orElse(0);
    if (failed > 0) {
      boolean one = failed == 1;
      reasons.add(
          failed
              + (one ? " model call failed and " : " model calls failed and ")
              + (card.options().countFailedAsWrong()
                  ? (one ? "counts as wrong" : "count as wrong")
                  : (one ? "is left out" : "are left out")
                      + "; the verdict rests on incomplete data"));
    }
    PassRule rule = rules.get(name);
    Verdict.Status status;
    String summary;
    if (rule == null) {
      status = Verdict.Status.NO_RULE;
      reasons.add("no pass rule for this licence; not counted as passed");
      summary = display + ": no rule, " + scored + " questions scored, not counted as passed";
    } else if (scored == 0) {
      status = Verdict.Status.NO_DATA;
      reasons.add("no scored question for this licence; not counted as passed");
      summary = display + ": no data, not counted as passed";
    } else {
      PassRule.Check check = rule.check(licenceCard, name);
      status = check.passed() ? Verdict.Status.PASSED : Verdict.Status.FAILED;
      addLeaves(check, reasons);
      summary =
          display
              + ": "
              + (check.passed() ? "passed, " : "failed, ")
              + String.join(", ", check.decisiveReasons());
    }
    for (GroupScore subject : subjects) {
      reasons.add(
          "subject "
              + subject.name()
              + ": "
              + subject.correct()
              + "/"
              + subject.scored()
              + " = "
              + (subject.scored() == 0 ? "n/a" : Rules.percent(subject.accuracy().value())));
    }
    return new Verdict(
        name, englishName, status, questions, correct, accuracy, subjects, reasons, summary);
  }

  private static void addLeaves(PassRule.Check check, List<String> reasons) {
    if (check.parts().isEmpty()) {
      reasons.add((check.passed() ? "passed: " : "failed: ") + check.reason());
      return;
    }
    for (PassRule.Check part : check.parts()) {
      addLeaves(part, reasons);
    }
  }

  private static String canonical(String licence) {
    return Licence.parse(licence).map(Licence::koreanName).orElse(licence);
  }

  private static Outcome regroup(Outcome outcome, String group) {
    Question question = outcome.question();
    if (question.group().equals(group)) {
      return outcome;
    }
    Question renamed =
        new Question(
            question.id(),
            question.benchmark(),
            question.split(),
            group,
            question.subject(),
            question.text(),
            question.options(),
            question.answer(),
            question.metadata());
    if (outcome instanceof Outcome.Failed) {
      return Outcome.failed(renamed, ((Outcome.Failed) outcome).reason());
    }
    return Outcome.grade(renamed, outcome.findExtraction().orElseThrow());
  }

  @Override
  public String toString() {
    return "LicensureRules" + rules;
  }

  /** Reads the JSON schema, naming the source and the field in every error. */
  private static final class JsonRules {
    private final String source;

    JsonRules(String source) {
      this.source = source;
    }

    LicensureRules read(JsonNode root) {
      if (root == null || root.isMissingNode() || !root.isObject()) {
        throw error("", "expected a JSON object, but found " + describe(root));
      }
      for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.equals("base") && !name.equals("licences")) {
          throw error(name, "unknown field; expected \"base\" or \"licences\"");
        }
      }
      Map<String, PassRule> rules = new LinkedHashMap<>();
      JsonNode base = root.get("base");
      if (base != null) {
        if (base.isTextual() && base.asText().equals("paper")) {
          rules.putAll(paper().rules);
        } else if (!(base.isTextual() && base.asText().equals("none"))) {
          throw error("base", "expected \"paper\" or \"none\", but found " + describe(base));
        }
      }
      JsonNode licences = root.get("licences");
      if (licences == null || !licences.isObject()) {
        throw error(
            "licences",
            "expected an object of licence names to rules, but found " + describe(licences));
      }
      Map<String, String> given = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : licences.properties()) {
        String name = entry.getKey();
        if (name.isBlank()) {
          throw error("licences", "expected licence names, but found a blank name");
        }
        String licence = canonical(name);
        String earlier = given.putIfAbsent(licence, name);
        if (earlier != null) {
          throw error(
              "licences." + name,
              "expected each licence once, but found "
                  + licence
                  + " already given as \""
                  + earlier
                  + "\"");
        }
        rules.put(licence, rule(entry.getValue(), "licences." + name));
      }
      return new LicensureRules(rules);
    }

    private PassRule rule(JsonNode node, String path) {
      if (node == null || !node.isObject() || node.size() != 1) {
        throw error(
            path,
            "expected an object with exactly one of "
                + String.join(", ", RULE_KEYS)
                + ", but found "
                + describe(node));
      }
      String key = node.fieldNames().next();
      JsonNode value = node.get(key);
      String field = path + "." + key;
      try {
        switch (key) {
          case "everySubjectAtLeast":
            return PassRule.everySubjectAtLeast(number(value, field));
          case "meanOfSubjectsAtLeast":
            return PassRule.meanOfSubjectsAtLeast(number(value, field));
          case "overallAtLeast":
            return PassRule.overallAtLeast(number(value, field));
          case "pointsAtLeast":
            requireObject(value, field, "{\"points\": ..., \"totalPoints\": ...}");
            return PassRule.pointsAtLeast(
                number(value.get("points"), field + ".points"),
                number(value.get("totalPoints"), field + ".totalPoints"));
          case "cutOff":
            return PassRule.cutOff(cutOffs(value, field));
          case "topK":
            requireObject(value, field, "{\"k\": ..., \"cohort\": [...]}");
            return PassRule.topK(
                integer(value.get("k"), field + ".k"),
                numbers(value.get("cohort"), field + ".cohort"));
          case "topPercent":
            requireObject(value, field, "{\"percent\": ..., \"cohort\": [...]}");
            return PassRule.topPercent(
                number(value.get("percent"), field + ".percent"),
                numbers(value.get("cohort"), field + ".cohort"));
          case "allOf":
            return new PassRule.AllOf(rules(value, field));
          case "anyOf":
            return new PassRule.AnyOf(rules(value, field));
          default:
            throw error(
                path,
                "expected one of " + String.join(", ", RULE_KEYS) + ", but found \"" + key + "\"");
        }
      } catch (IllegalArgumentException e) {
        throw new DatasetException(source, 0, field, e.getMessage(), e);
      }
    }

    private List<PassRule> rules(JsonNode node, String field) {
      if (node == null || !node.isArray() || node.isEmpty()) {
        throw error(field, "expected a non-empty array of rules, but found " + describe(node));
      }
      List<PassRule> rules = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        rules.add(rule(node.get(i), field + "[" + i + "]"));
      }
      return rules;
    }

    private Map<Integer, Double> cutOffs(JsonNode node, String field) {
      requireObject(node, field, "an object of years to cut-offs");
      Map<Integer, Double> byYear = new TreeMap<>();
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        int year;
        try {
          year = Integer.parseInt(entry.getKey());
        } catch (NumberFormatException e) {
          throw error(field, "expected years as keys, but found \"" + entry.getKey() + "\"");
        }
        byYear.put(year, number(entry.getValue(), field + "." + entry.getKey()));
      }
      return byYear;
    }

    private List<Double> numbers(JsonNode node, String field) {
      if (node == null || !node.isArray()) {
        throw error(field, "expected an array of numbers, but found " + describe(node));
      }
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        values.add(number(node.get(i), field + "[" + i + "]"));
      }
      return values;
    }

    private double number(JsonNode node, String field) {
      if (node == null || !node.isNumber()) {
        throw error(field, "expected a number, but found " + describe(node));
      }
      return node.doubleValue();
    }

    private int integer(JsonNode node, String field) {
      if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
        throw error(field, "expected an integer, but found " + describe(node));
      }
      return node.intValue();
    }

    private void requireObject(JsonNode node, String field, String expected) {
      if (node == null || !node.isObject()) {
        throw error(field, "expected " + expected + ", but found " + describe(node));
      }
    }

    private DatasetException error(String field, String message) {
      return new DatasetException(source, 0, field.isEmpty() ? null : field, message, null);
    }

    private static String describe(JsonNode node) {
      if (node == null || node.isMissingNode()) {
        return "nothing";
      }
      String text = node.toString();
      return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
  }
}
