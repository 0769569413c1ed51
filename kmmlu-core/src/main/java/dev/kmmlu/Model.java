package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Choice;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A language model under evaluation: it answers a {@link Prompt} with a {@link Reply}.
 *
 * <p>Implementations must be thread-safe: the engine calls {@link #respond} from several threads at
 * once. A model that cannot answer throws {@link ModelException}; the engine records the item as
 * failed rather than wrong.
 *
 * <pre>{@code
 * Model echo = Model.of("my-echo", prompt -> Reply.of("정답: A"));
 * Model baseline = Model.random(42);
 * }</pre>
 */
@FunctionalInterface
public interface Model {
  /**
   * Returns the model's reply to {@code prompt}.
   *
   * @throws ModelException if the model could not answer
   */
  Reply respond(Prompt prompt);

  /**
   * Returns a short id that names the model and its configuration, such as {@code "openai:gpt-4.1"}
   * or {@code "builtin:random:seed=42"}. The journal and the reports record it, and a resumed run
   * refuses a journal written by a different id. The default is {@code "custom"}; wrappers and
   * implementations should override it.
   */
  default String id() {
    return "custom";
  }

  /** Returns a model that answers with {@code model} and reports the id {@code id}. */
  static Model of(String id, Model model) {
    requireNonNull(id, "id");
    requireNonNull(model, "model");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank, but was \"" + id + "\"");
    }
    return new BuiltinModels.Named(id, model);
  }

  /**
   * Returns a model that always replies {@code "정답: X"} for {@code choice} X, the floor every model
   * should beat. Its id is {@code "builtin:constant:X"}.
   */
  static Model constant(Choice choice) {
    return new BuiltinModels.Constant(requireNonNull(choice, "choice"));
  }

  /**
   * Returns a model that replies {@code "정답: X"} for an option X drawn uniformly from the
   * question's options (A-D when the prompt does not carry its question). The draw depends only on
   * {@code seed} and the prompt's question id (its hash when the id is empty), never on the order
   * or the thread of the calls, so a run is reproducible. Its id is {@code
   * "builtin:random:seed=N"}.
   */
  static Model random(long seed) {
    return new BuiltinModels.Random(seed);
  }

  /**
   * Returns a model that replies with the text {@code repliesById} holds for the prompt's question
   * id. Its id is {@code "builtin:scripted"}.
   *
   * <p>{@link #respond} throws {@link ModelException} for a question id the map does not hold.
   */
  static Model scripted(Map<String, String> repliesById) {
    return new BuiltinModels.ScriptedById(Map.copyOf(requireNonNull(repliesById, "repliesById")));
  }

  /**
   * Returns a model that replies with what {@code script} returns. Its id is {@code
   * "builtin:scripted"}.
   */
  static Model scripted(Function<Prompt, Reply> script) {
    return new BuiltinModels.Scripted(requireNonNull(script, "script"));
  }

  /**
   * Returns a model that replays the replies a {@link Journal} recorded, by question id. The
   * journal is read once, now; a torn last line is ignored. Where a question id occurs more than
   * once the last entry wins. Its id is {@code "builtin:replay:"} followed by the recorded model's
   * id.
   *
   * <p>{@link #respond} throws {@link ModelException} for a question id the journal does not hold.
   *
   * @throws dev.kmmlu.datasets.KmmluException if the journal cannot be read
   */
  static Model replay(Path journal) {
    return BuiltinModels.Replay.read(requireNonNull(journal, "journal"));
  }

  /**
   * Returns a model that answers like the average human examinee of KMMLU: correctly with
   * probability equal to the question's {@linkplain
   * dev.kmmlu.datasets.QuestionMetadata#humanAccuracy() human accuracy}, otherwise with one of the
   * wrong options drawn uniformly. Draws depend only on {@code seed} and the question id. Its id is
   * {@code "builtin:human:seed=N"}.
   *
   * <p>{@link #respond} throws {@link IllegalArgumentException} when the prompt does not carry its
   * question (see {@link Prompt#withQuestion}), and {@link ModelException} when the question has no
   * human accuracy (KMMLU's Korean-History test items, and every item of the other benchmarks).
   */
  static Model human(long seed) {
    return new BuiltinModels.Human(seed);
  }
}
