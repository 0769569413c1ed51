package dev.kmmlu;

import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Function;

/** The built-in models behind the static factories of {@link Model}. */
final class BuiltinModels {
  private BuiltinModels() {}

  static String answer(Choice choice) {
    return "정답: " + choice.letter();
  }

  /**
   * Returns a random generator that depends only on {@code seed} and the prompt's question id (or
   * its hash when the id is empty): FNV-1a over the id's UTF-8 bytes, mixed with the seed by the
   * SplitMix64 finaliser.
   */
  static SplittableRandom randomFor(long seed, Prompt prompt) {
    String key = prompt.questionId().isEmpty() ? prompt.hash() : prompt.questionId();
    long hash = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return new SplittableRandom(mix(seed ^ mix(hash)));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static final class Named implements Model {
    private final String id;
    private final Model model;

    Named(String id, Model model) {
      this.id = id;
      this.model = model;
    }

    @Override
    public Reply respond(Prompt prompt) {
      return model.respond(prompt);
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String toString() {
      return "Model{" + id + "}";
    }
  }

  static final class Constant implements Model {
    private final Choice choice;

    Constant(Choice choice) {
      this.choice = choice;
    }

    @Override
    public Reply respond(Prompt prompt) {
      return Reply.of(answer(choice));
    }

    @Override
    public String id() {
      return "builtin:constant:" + choice.letter();
    }

    @Override
    public String toString() {
      return "Model{" + id() + "}";
    }
  }

  static final class Random implements Model {
    private final long seed;

    Random(long seed) {
      this.seed = seed;
    }

    @Override
    public Reply respond(Prompt prompt) {
      int count = prompt.question().map(Question::optionCount).orElse(4);
      return Reply.of(answer(Choice.ofIndex(randomFor(seed, prompt).nextInt(count))));
    }

    @Override
    public String id() {
      return "builtin:random:seed=" + seed;
    }

    @Override
    public String toString() {
      return "Model{" + id() + "}";
    }
  }

  static final class ScriptedById implements Model {
    private final Map<String, String> replies;

    ScriptedById(Map<String, String> replies) {
      this.replies = replies;
    }

    @Override
    public Reply respond(Prompt prompt) {
      String text = replies.get(prompt.questionId());
      if (text == null) {
        throw new ModelException(
            "scripted model has no reply for question \"" + prompt.questionId() + "\"");
      }
      return Reply.of(text);
    }

    @Override
    public String id() {
      return "builtin:scripted";
    }

    @Override
    public String toString() {
      return "Model{builtin:scripted, replies=" + replies.size() + "}";
    }
  }

  static final class Scripted implements Model {
    private final Function<Prompt, Reply> script;

    Scripted(Function<Prompt, Reply> script) {
      this.script = script;
    }

    @Override
    public Reply respond(Prompt prompt) {
      Reply reply = script.apply(prompt);
      if (reply == null) {
        throw new ModelException(
            "scripted model returned no reply for question \"" + prompt.questionId() + "\"");
      }
      return reply;
    }

    @Override
    public String id() {
      return "builtin:scripted";
    }

    @Override
    public String toString() {
      return "Model{builtin:scripted}";
    }
  }

  static final class Replay implements Model {
    private final Path file;
    private final String recordedModelId;
    private final Map<String, Reply> replies;

    private Replay(Path file, String recordedModelId, Map<String, Reply> replies) {
      this.file = file;
      this.recordedModelId = recordedModelId;
      this.replies = replies;
    }

    static Replay read(Path file) {
      Journal.Contents contents = Journal.read(file);
      Map<String, Reply> replies = new HashMap<>();
      for (JournalEntry entry : contents.entries()) {
        replies.put(entry.questionId(), entry.toReply());
      }
      return new Replay(file, contents.header().modelId(), Map.copyOf(replies));
    }

    @Override
    public Reply respond(Prompt prompt) {
      Reply reply = replies.get(prompt.questionId());
      if (reply == null) {
        throw new ModelException(
            "journal " + file + " has no reply for question \"" + prompt.questionId() + "\"");
      }
      return reply;
    }

    @Override
    public String id() {
      return "builtin:replay:" + recordedModelId;
    }

    @Override
    public String toString() {
      return "Model{" + id() + ", replies=" + replies.size() + "}";
    }
  }

  static final class Human implements Model {
    private final long seed;

    Human(long seed) {
      this.seed = seed;
    }

    @Override
    public Reply respond(Prompt prompt) {
      Question question =
          prompt
              .question()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "prompt must carry its question for the human model, but question "
                              + "\""
                              + prompt.questionId()
                              + "\" had none"));
      OptionalDouble accuracy = question.metadata().humanAccuracy();
      if (accuracy.isEmpty()) {
        throw new ModelException(
            "human model needs a human accuracy, but question \"" + question.id() + "\" has none");
      }
      SplittableRandom random = randomFor(seed, prompt);
      if (random.nextDouble() < accuracy.getAsDouble()) {
        return Reply.of(answer(question.answer()));
      }
      int wrong = random.nextInt(question.optionCount() - 1);
      int index = wrong < question.answer().index() ? wrong : wrong + 1;
      return Reply.of(answer(Choice.ofIndex(index)));
    }

    @Override
    public String id() {
      return "builtin:human:seed=" + seed;
    }

    @Override
    public String toString() {
      return "Model{" + id() + "}";
    }
  }
}
