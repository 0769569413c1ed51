package dev.kmmlu.test;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.Model;
import dev.kmmlu.Prompt;
import dev.kmmlu.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A model that records every prompt it is asked, then answers with the model it wraps. Thread-safe:
 * prompts from concurrent calls are all kept, in the order the calls began.
 *
 * <pre>{@code
 * RecordingModel model = RecordingModel.of(ScriptedModel.alwaysCorrect());
 * // ... run the code under test with model ...
 * assertThat(model.promptFor("kmmlu/test/Accounting/0000").messages()).hasSize(11);
 * }</pre>
 */
public final class RecordingModel implements Model {
  private final Model delegate;
  private final List<Prompt> prompts = new ArrayList<>();

  private RecordingModel(Model delegate) {
    this.delegate = delegate;
  }

  /** Returns a model that records prompts and answers with {@code delegate}. */
  public static RecordingModel of(Model delegate) {
    return new RecordingModel(requireNonNull(delegate, "delegate"));
  }

  /** Records {@code prompt}, then returns what the wrapped model replies (or throws). */
  @Override
  public Reply respond(Prompt prompt) {
    requireNonNull(prompt, "prompt");
    synchronized (prompts) {
      prompts.add(prompt);
    }
    return delegate.respond(prompt);
  }

  /** Returns the wrapped model's id. */
  @Override
  public String id() {
    return delegate.id();
  }

  /** Returns every prompt recorded so far, in the order the calls began. */
  public List<Prompt> prompts() {
    synchronized (prompts) {
      return List.copyOf(prompts);
    }
  }

  /** Returns how many prompts have been recorded. */
  public int count() {
    synchronized (prompts) {
      return prompts.size();
    }
  }

  /**
   * Returns the most recent prompt.
   *
   * @throws AssertionError if no prompt has been recorded
   */
  public Prompt lastPrompt() {
    synchronized (prompts) {
      if (prompts.isEmpty()) {
        throw new AssertionError("expected the model to have been asked, but no prompt was recorded");
      }
      return prompts.get(prompts.size() - 1);
    }
  }

  /** Returns every recorded prompt whose question id is {@code questionId}, in order. */
  public List<Prompt> promptsFor(String questionId) {
    requireNonNull(questionId, "questionId");
    return prompts().stream()
        .filter(prompt -> prompt.questionId().equals(questionId))
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * Returns the one prompt recorded for the question with id {@code questionId}.
   *
   * @throws AssertionError if none or more than one was recorded for it
   */
  public Prompt promptFor(String questionId) {
    List<Prompt> matches = promptsFor(questionId);
    if (matches.size() != 1) {
      List<String> recorded =
          prompts().stream().map(Prompt::questionId).collect(Collectors.toUnmodifiableList());
      throw new AssertionError(
          "expected exactly one prompt for question id \""
              + questionId
              + "\", but found "
              + matches.size()
              + "; recorded question ids: "
              + recorded);
    }
    return matches.get(0);
  }

  /** Forgets every recorded prompt. */
  public void clear() {
    synchronized (prompts) {
      prompts.clear();
    }
  }

  @Override
  public String toString() {
    return "RecordingModel{" + delegate + ", prompts=" + count() + "}";
  }
}
