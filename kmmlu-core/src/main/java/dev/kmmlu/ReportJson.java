package dev.kmmlu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmmlu.datasets.DatasetException;
import dev.kmmlu.scoring.Estimate;
import dev.kmmlu.scoring.ExtractionStatus;
import dev.kmmlu.scoring.GroupScore;
import dev.kmmlu.scoring.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads {@code report.json}. Accuracies are fractions; a number that is undefined (the
 * accuracy of zero items) is written as null.
 */
final class ReportJson {
  static final int SCHEMA_VERSION = 1;

  private ReportJson() {}

  static String write(Report report) {
    ObjectNode root = Json.object();
    RunInfo run = report.run();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("benchmark", run.benchmark());
    root.put("model", run.modelId());
    root.put("questions", report.questions());
    root.put("correct", report.correct());
    root.put("incorrect", report.incorrect());
    root.put("unparsed", report.unparsed());
    root.put("failed", report.failed());
    root.put("complete", report.isComplete());
    Estimate micro = report.accuracy(dev.kmmlu.scoring.Average.MICRO);
    Estimate macro = report.accuracy(dev.kmmlu.scoring.Average.MACRO);
    ObjectNode accuracy = root.putObject("accuracy");
    number(accuracy, "micro", micro.value());
    number(accuracy, "macro", macro.value());
    number(accuracy, "standardError", micro.standardError());
    accuracy.put("scored", micro.count());
    interval(accuracy.putArray("interval95"), micro);
    number(accuracy, "macroStandardError", macro.standardError());
    interval(accuracy.putArray("macroInterval95"), macro);
    accuracy.put("headline", run.headline());
    ArrayNode groups = root.putArray("groups");
    for (GroupScore group : report.groups()) {
      ObjectNode node = groupNode(group);
      ArrayNode subjects = node.putArray("subjects");
      for (GroupScore subject : report.subjects(group.name())) {
        subjects.add(groupNode(subject));
      }
      groups.add(node);
    }
    if (!report.supercategories().isEmpty()) {
      ArrayNode supercategories = root.putArray("supercategories");
      for (SupercategoryScore score : report.supercategories()) {
        ObjectNode node = supercategories.addObject();
        node.put("name", score.name());
        node.put("subjects", score.subjects());
        node.put("questions", score.questions());
        node.put("correct", score.correct());
        number(node, "micro", score.micro());
        number(node, "macro", score.macro());
      }
    }
    ObjectNode statuses = root.putObject("extraction");
    report.statusCounts().forEach((status, count) -> statuses.put(status.name(), count));
    if (!report.verdicts().isEmpty()) {
      ArrayNode licences = root.putArray("licences");
      for (Verdict verdict : report.verdicts()) {
        licences.add(verdictNode(verdict));
      }
      root.put("passedCount", report.passedCount());
      root.put("licenceCount", report.verdicts().size());
    }
    root.set("run", runNode(run));
    ArrayNode items = root.putArray("items");
    for (ItemResult item : report.items()) {
      ObjectNode node = items.addObject();
      node.put("id", item.questionId());
      node.put("group", item.group());
      node.put("subject", item.subject());
      node.put("gold", item.gold());
      if (item.choice().isEmpty()) {
        node.putNull("choice");
      } else {
        node.put("choice", item.choice());
      }
      node.put("status", item.status());
      node.put("outcome", item.outcome());
      node.put("points", item.points());
    }
    try {
      return Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report could not be written as JSON", e);
    }
  }

  private static ObjectNode groupNode(GroupScore group) {
    ObjectNode node = Json.object();
    node.put("name", group.name());
    node.put("questions", group.questions());
    node.put("correct", group.correct());
    number(node, "accuracy", group.accuracy().value());
    node.put("incorrect", group.incorrect());
    node.put("unparsed", group.unparsed());
    node.put("failed", group.failed());
    number(node, "standardError", group.accuracy().standardError());
    node.put("scored", group.accuracy().count());
    interval(node.putArray("interval95"), group.accuracy());
    node.put("points", group.points());
    node.put("pointsEarned", group.pointsEarned());
    return node;
  }

  private static ObjectNode verdictNode(Verdict verdict) {
    ObjectNode node = Json.object();
    node.put("name", verdict.licence());
    node.put("nameEnglish", verdict.englishName());
    node.put("passed", verdict.passed());
    node.put("status", verdict.status().name());
    node.put("questions", verdict.questions());
    node.put("correct", verdict.correct());
    number(node, "accuracy", verdict.accuracy().value());
    number(node, "standardError", verdict.accuracy().standardError());
    interval(node.putArray("interval95"), verdict.accuracy());
    ArrayNode subjects = node.putArray("subjects");
    for (GroupScore subject : verdict.subjects()) {
      subjects.add(groupNode(subject));
    }
    ArrayNode reasons = node.putArray("reasons");
    verdict.reasons().forEach(reasons::add);
    node.put("summary", verdict.summary());
    return node;
  }

  private static ObjectNode runNode(RunInfo run) {
    ObjectNode node = Json.object();
    node.put("benchmark", run.benchmark());
    node.put("split", run.split());
    node.put("dataSource", run.dataSource());
    node.put("datasetFingerprint", run.datasetFingerprint());
    node.put("datasetRevision", run.datasetRevision());
    node.put("template", run.templateName());
    node.put("templateHash", run.templateHash());
    node.put("shots", run.shots());
    node.put("extractor", run.extractor());
    node.put("model", run.modelId());
    node.put("endpointHost", run.endpointHost());
    node.set("settings", Json.MAPPER.valueToTree(new java.util.TreeMap<>(run.settings())));
    node.put("seed", run.seed());
    node.put("headline", run.headline());
    node.put("libraryVersion", run.libraryVersion());
    node.put("started", run.started().toString());
    node.put("finished", run.finished().toString());
    node.put("wallTimeMillis", run.wallTime().toMillis());
    node.put("promptTokens", run.promptTokens());
    node.put("completionTokens", run.completionTokens());
    node.put("resumed", run.resumed());
    return node;
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  private static void interval(ArrayNode array, Estimate estimate) {
    for (double bound : new double[] {estimate.lower(), estimate.upper()}) {
      if (Double.isFinite(bound)) {
        array.add(bound);
      } else {
        array.addNull();
      }
    }
  }

  static Report read(String json, String source) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new DatasetException(
          source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
          "expected a report.json object, but the JSON is invalid: " + e.getOriginalMessage(), e);
    }
    Reader reader = new Reader(source);
    if (root == null || !root.isObject()) {
      throw new DatasetException(source, "expected a report.json object");
    }
    JsonNode runNode = reader.require(root, "run");
    RunInfo run =
        new RunInfo(
            reader.text(runNode, "benchmark"),
            reader.text(runNode, "split"),
            reader.text(runNode, "dataSource"),
            reader.text(runNode, "datasetFingerprint"),
            reader.text(runNode, "datasetRevision"),
            reader.text(runNode, "template"),
            reader.text(runNode, "templateHash"),
            reader.integer(runNode, "shots"),
            reader.text(runNode, "extractor"),
            reader.text(runNode, "model"),
            reader.text(runNode, "endpointHost"),
            settings(runNode.get("settings")),
            runNode.path("seed").asLong(),
            reader.text(runNode, "headline"),
            reader.text(runNode, "libraryVersion"),
            reader.instant(runNode, "started"),
            reader.instant(runNode, "finished"),
            Duration.ofMillis(runNode.path("wallTimeMillis").asLong()),
            runNode.path("promptTokens").asLong(),
            runNode.path("completionTokens").asLong(),
            runNode.path("resumed").asInt());
    JsonNode accuracy = reader.require(root, "accuracy");
    int questions = reader.integer(root, "questions");
    // "scored" says whether failed items were counted as wrong; files without it left them out.
    int scored =
        accuracy.has("scored")
            ? reader.integer(accuracy, "scored")
            : questions - (root.path("complete").asBoolean(true) ? 0 : reader.integer(root, "failed"));
    Estimate micro =
        estimate(accuracy.get("micro"), accuracy.get("standardError"), accuracy.get("interval95"), scored);
    Estimate macro =
        estimate(
            accuracy.get("macro"),
            accuracy.get("macroStandardError"),
            accuracy.get("macroInterval95"),
            scored);
    List<GroupScore> groups = new ArrayList<>();
    Map<String, List<GroupScore>> subjects = new LinkedHashMap<>();
    for (JsonNode node : root.path("groups")) {
      GroupScore group = group(node, reader);
      groups.add(group);
      List<GroupScore> list = new ArrayList<>();
      for (JsonNode subject : node.path("subjects")) {
        list.add(group(subject, reader));
      }
      subjects.put(group.name(), list);
    }
    EnumMap<ExtractionStatus, Integer> statuses = new EnumMap<>(ExtractionStatus.class);
    root.path("extraction")
        .properties()
        .forEach(
            e -> statuses.put(reader.status(e.getKey()), e.getValue().asInt()));
    List<Verdict> verdicts = new ArrayList<>();
    for (JsonNode node : root.path("licences")) {
      List<GroupScore> licenceSubjects = new ArrayList<>();
      for (JsonNode subject : node.path("subjects")) {
        licenceSubjects.add(group(subject, reader));
      }
      List<String> reasons = new ArrayList<>();
      node.path("reasons").forEach(r -> reasons.add(r.asText()));
      int licenceQuestions = reader.integer(node, "questions");
      verdicts.add(
          new Verdict(
              reader.text(node, "name"),
              reader.text(node, "nameEnglish"),
              reader.verdictStatus(node, "status"),
              licenceQuestions,
              reader.integer(node, "correct"),
              estimate(node.get("accuracy"), node.get("standardError"), node.get("interval95"), licenceQuestions),
              licenceSubjects,
              reasons,
              reader.text(node, "summary")));
    }
    List<ItemResult> items = new ArrayList<>();
    for (JsonNode node : root.path("items")) {
      items.add(
          new ItemResult(
              reader.text(node, "id"),
              reader.text(node, "group"),
              reader.text(node, "subject"),
              reader.text(node, "gold"),
              node.path("choice").isTextual() ? node.get("choice").asText() : "",
              node.path("status").asText(""),
              reader.text(node, "outcome"),
              node.path("points").asDouble(1.0)));
    }
    return new Report(
        run,
        questions,
        reader.integer(root, "correct"),
        reader.integer(root, "incorrect"),
        reader.integer(root, "unparsed"),
        reader.integer(root, "failed"),
        root.path("complete").asBoolean(true),
        micro,
        macro,
        groups,
        subjects,
        statuses,
        verdicts,
        items);
  }

  private static Map<String, Object> settings(JsonNode node) {
    Map<String, Object> settings = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties()
          .forEach(
              e -> settings.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class)));
    }
    settings.values().removeIf(java.util.Objects::isNull);
    return settings;
  }

  private static GroupScore group(JsonNode node, Reader reader) {
    int questions = reader.integer(node, "questions");
    int failed = node.path("failed").asInt();
    return new GroupScore(
        reader.text(node, "name"),
        questions,
        reader.integer(node, "correct"),
        node.path("incorrect").asInt(),
        node.path("unparsed").asInt(),
        failed,
        estimate(
            node.get("accuracy"),
            node.get("standardError"),
            node.get("interval95"),
            node.has("scored") ? reader.integer(node, "scored") : questions - failed),
        node.path("points").asDouble(),
        node.path("pointsEarned").asDouble());
  }

  private static Estimate estimate(JsonNode value, JsonNode standardError, JsonNode interval, int count) {
    if (value == null || !value.isNumber() || count <= 0) {
      return Estimate.empty();
    }
    double lower = interval != null && interval.size() == 2 && interval.get(0).isNumber()
        ? interval.get(0).asDouble() : value.asDouble();
    double upper = interval != null && interval.size() == 2 && interval.get(1).isNumber()
        ? interval.get(1).asDouble() : value.asDouble();
    double se = standardError != null && standardError.isNumber() ? standardError.asDouble() : 0.0;
    return new Estimate(value.asDouble(), se, count, lower, upper);
  }

  /** Reads required fields and names the missing one in its error. */
  private static final class Reader {
    private final String source;

    Reader(String source) {
      this.source = source;
    }

    JsonNode require(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        throw new DatasetException(source, 0, field, "expected a value, but it is missing", null);
      }
      return value;
    }

    String text(JsonNode node, String field) {
      JsonNode value = require(node, field);
      if (!value.isTextual()) {
        throw new DatasetException(
            source, 0, field, "expected a string, but found " + value.getNodeType(), null);
      }
      return value.asText();
    }

    Instant instant(JsonNode node, String field) {
      String text = text(node, field);
      try {
        return Instant.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        throw new DatasetException(
            source, 0, field, "expected an ISO-8601 instant, but found \"" + text + "\"", e);
      }
    }

    ExtractionStatus status(String name) {
      try {
        return ExtractionStatus.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new DatasetException(
            source,
            0,
            "extraction." + name,
            "expected one of " + java.util.Arrays.toString(ExtractionStatus.values())
                + ", but found \"" + name + "\"",
            e);
      }
    }

    Verdict.Status verdictStatus(JsonNode node, String field) {
      String name = text(node, field);
      try {
        return Verdict.Status.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new DatasetException(
            source,
            0,
            field,
            "expected one of " + java.util.Arrays.toString(Verdict.Status.values())
                + ", but found \"" + name + "\"",
            e);
      }
    }

    int integer(JsonNode node, String field) {
      JsonNode value = require(node, field);
      if (!value.canConvertToInt() || !value.isIntegralNumber()) {
        throw new DatasetException(
            source, 0, field, "expected an integer, but found " + value, null);
      }
      return value.asInt();
    }
  }
}
