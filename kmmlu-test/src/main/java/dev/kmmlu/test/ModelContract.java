package dev.kmmlu.test;

import dev.kmmlu.Model;
import dev.kmmlu.ModelException;
import dev.kmmlu.Prompt;
import dev.kmmlu.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The checks every {@link Model} must pass, as an abstract JUnit 5 test. Extend it, return your
 * model from {@link #model()}, and the inherited tests run: it answers a Korean four-option and a
 * five-option prompt, has a stable non-blank id, and stays correct under concurrent calls. Each
 * failure says what the model did wrong and how to fix it.
 *
 * <p>For a wrapper that talks to an OpenAI-compatible server, extend {@link HttpModelContract}
 * instead: it runs these checks and the HTTP ones against a loopback {@link StubModelServer}.
 *
 * <pre>{@code
 * class MyModelContractTest extends ModelContract {
 *   @Override
 *   protected Model model() {
 *     return new MyModel();
 *   }
 * }
 * }</pre>
 *
 * <p>Every call runs on its own thread and is bounded by {@link #deadline()}, so a model that hangs
 * fails the check instead of hanging the build. To skip a check that does not apply, override its
 * method, annotate it with {@code @Test @Disabled("reason")} and leave the body empty.
 */
public abstract class ModelContract {
  /** How many calls the concurrency check makes at once. */
  public static final int CONCURRENT_CALLS = 16;

  /** Creates the contract. */
  protected ModelContract() {}

  /**
   * Returns the model under test. It is called at least once per check; returning a new instance
   * each time is fine.
   */
  protected abstract Model model();

  /** Returns how long a check waits for the model before it fails; 30 seconds by default. */
  protected Duration deadline() {
    return Duration.ofSeconds(30);
  }

  /** Checks that a Korean four-option chain-of-thought prompt gets a reply. */
  @Test
  public void should_answer_a_four_option_korean_prompt() {
    answer(ContractQuestions.fourOptionPrompt(), "a 4-option Korean prompt");
  }

  /** Checks that a Korean five-option (A-E) chain-of-thought prompt gets a reply. */
  @Test
  public void should_answer_a_five_option_korean_prompt() {
    answer(ContractQuestions.fiveOptionPrompt(), "a 5-option Korean prompt");
  }

  /** Checks that {@code id()} is non-blank and the same on every call. */
  @Test
  public void should_have_a_stable_non_blank_id() {
    Model model = checkedModel();
    String first = model.id();
    if (first == null || first.isBlank()) {
      throw new AssertionError(
          "id() returned "
              + quote(first)
              + "; return a short non-blank id naming the model and its configuration, such as"
              + " \"openai:gpt-4.1\" (the journal and the reports record it)");
    }
    String second = model.id();
    if (!first.equals(second)) {
      throw new AssertionError(
          "id() returned "
              + quote(first)
              + " and then "
              + quote(second)
              + "; the id must not change between calls, or a resumed run refuses its own journal");
    }
  }

  /**
   * Checks that {@value #CONCURRENT_CALLS} calls made at once each get a reply, none throws, and
   * all finish within the deadline.
   */
  @Test
  public void should_stay_correct_under_concurrent_calls() {
    Model model = checkedModel();
    List<Prompt> prompts = ContractQuestions.concurrentPrompts(CONCURRENT_CALLS);
    beforeConcurrentCalls();
    CountDownLatch start = new CountDownLatch(1);
    List<ContractCall> calls = new ArrayList<>();
    for (int i = 0; i < prompts.size(); i++) {
      calls.add(ContractCall.start(model, prompts.get(i), start, "model-contract-call-" + i));
    }
    start.countDown();
    long deadlineNanos = System.nanoTime() + deadline().toNanos();
    List<Reply> replies = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      ContractCall call = calls.get(i);
      Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
      if (!call.await(left)) {
        calls.forEach(ContractCall::interrupt);
        throw new AssertionError(
            "concurrent call "
                + i
                + " of "
                + CONCURRENT_CALLS
                + " did not return within "
                + seconds(deadline())
                + "; respond() must be safe to call from many threads at once (no locks held"
                + " across the request, no single-threaded client that queues the calls forever)");
      }
      if (call.thrown() != null) {
        throw new AssertionError(
            "concurrent call "
                + i
                + " of "
                + CONCURRENT_CALLS
                + " threw "
                + describe(call.thrown())
                + "; respond() must be thread-safe: keep no per-call state in fields and give each"
                + " call its own request",
            call.thrown());
      }
      if (call.reply() == null) {
        throw new AssertionError(
            "concurrent call "
                + i
                + " of "
                + CONCURRENT_CALLS
                + " returned null; a wrapper must return a Reply (use Reply.of(text)) or throw"
                + " ModelException");
      }
      replies.add(call.reply());
    }
    checkConcurrentReplies(prompts, replies);
  }

  /** Prepares the model's backend before the concurrency check; nothing by default. */
  void beforeConcurrentCalls() {}

  /** Checks the replies of the concurrency check beyond their presence; nothing by default. */
  void checkConcurrentReplies(List<Prompt> prompts, List<Reply> replies) {}

  /** Returns the model, failing with advice when {@link #model()} returns null. */
  Model checkedModel() {
    Model model = model();
    if (model == null) {
      throw new AssertionError(
          "model() returned null; return the model under test (a new instance is fine)");
    }
    return model;
  }

  /** Asks {@code prompt} and returns the reply, failing with advice when none comes back. */
  Reply answer(Prompt prompt, String what) {
    ContractCall call = ContractCall.start(checkedModel(), prompt);
    if (!call.await(deadline())) {
      throw new AssertionError(
          "respond() did not return within "
              + seconds(deadline())
              + " for "
              + what
              + "; bound every wait (request timeouts, retry counts) so a stuck server cannot hang"
              + " the evaluation");
    }
    if (call.thrown() != null) {
      throw new AssertionError(
          "respond() threw "
              + describe(call.thrown())
              + " for "
              + what
              + "; a working model must answer a well-formed prompt"
              + answerHint(),
          call.thrown());
    }
    if (call.reply() == null) {
      throw new AssertionError(
          "respond() returned null for "
              + what
              + "; a wrapper must return a Reply (use Reply.of(text)) or throw ModelException");
    }
    return call.reply();
  }

  /** Returns advice appended when a model fails to answer; empty by default. */
  String answerHint() {
    return "";
  }

  static String describe(Throwable thrown) {
    String message = thrown.getMessage();
    return thrown.getClass().getName() + (message == null ? "" : " (\"" + message + "\")");
  }

  static String quote(String text) {
    return text == null ? "null" : "\"" + text + "\"";
  }

  static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  static boolean isModelException(Throwable thrown) {
    return thrown instanceof ModelException;
  }
}
