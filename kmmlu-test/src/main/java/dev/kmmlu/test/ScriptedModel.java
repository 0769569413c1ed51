package dev.kmmlu.test;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.Model;
import dev.kmmlu.ModelException;
import dev.kmmlu.Prompt;
import dev.kmmlu.Reply;
import dev.kmmlu.datasets.Question;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A model that answers from a script, for tests of evaluation code. Thread-safe.
 *
 * <p>A prompt is answered by the first rule that applies: the reply scripted for its question id
 * ({@link Builder#reply(String, String)}, {@link Builder#failure}); else the next reply of the
 * fixed sequence ({@link Builder#thenReply}), consumed in call order; else the fallback function
 * ({@link Builder#otherwise}). A prompt no rule answers throws {@link ModelException}.
 *
 * <pre>{@code
 * ScriptedModel model = ScriptedModel.builder()
 *     .reply("kmmlu-pro/test/0000", "정답: B")
 *     .failure("kmmlu-pro/test/0001", "server overloaded")
 *     .otherwise(prompt -> Reply.of("정답: A"))
 *     .build();
 * }</pre>
 */
public final class ScriptedModel implements Model {
  private final String id;
  private final Map<String, Step> byQuestionId;
  private final Deque<Step> sequence;
  private final Function<Prompt, Reply> otherwise;
  private int calls;

  private ScriptedModel(Builder builder) {
    this.id = builder.id;
    this.byQuestionId = Map.copyOf(builder.byQuestionId);
    this.sequence = new ArrayDeque<>(builder.sequence);
    this.otherwise = builder.otherwise;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a model that answers every question correctly, {@code "정답: X"} for its gold X. The
   * prompt must carry its question ({@link Prompt#question()}); the engine's prompts do.
   */
  public static ScriptedModel alwaysCorrect() {
    return builder()
        .id("test:always-correct")
        .otherwise(prompt -> Reply.of("정답: " + questionOf(prompt).answer().letter()))
        .build();
  }

  private static Question questionOf(Prompt prompt) {
    return prompt
        .question()
        .orElseThrow(
            () ->
                new ModelException(
                    "test:always-correct needs the prompt's question, but prompt "
                        + prompt
                        + " carries none; render it with a PromptTemplate or use"
                        + " Prompt.withQuestion(question)"));
  }

  @Override
  public Reply respond(Prompt prompt) {
    requireNonNull(prompt, "prompt");
    Step step;
    int call;
    synchronized (this) {
      call = ++calls;
      step = byQuestionId.get(prompt.questionId());
      if (step == null) {
        step = sequence.poll();
      }
    }
    if (step != null) {
      return step.apply(id);
    }
    if (otherwise != null) {
      Reply reply = otherwise.apply(prompt);
      if (reply == null) {
        throw new ModelException(id + ": the otherwise(...) function returned null for " + prompt);
      }
      return reply;
    }
    throw new ModelException(
        id
            + " has no reply for question id \""
            + prompt.questionId()
            + "\" (call "
            + call
            + "); script one with reply(questionId, text), thenReply(text) or otherwise(function)");
  }

  /** Returns how many times {@link #respond} has been called. */
  public synchronized int calls() {
    return calls;
  }

  /** Returns how many replies of the fixed sequence are still unused. */
  public synchronized int remainingInSequence() {
    return sequence.size();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return "ScriptedModel{id=" + id + ", byQuestionId=" + byQuestionId.size() + "}";
  }

  private static final class Step {
    private final Reply reply;
    private final String failure;

    private Step(Reply reply, String failure) {
      this.reply = reply;
      this.failure = failure;
    }

    Reply apply(String id) {
      if (failure != null) {
        throw new ModelException(id + ": " + failure);
      }
      return reply;
    }
  }

  /** A builder of {@link ScriptedModel}. Not thread-safe. */
  public static final class Builder {
    private String id = "test:scripted";
    private final Map<String, Step> byQuestionId = new LinkedHashMap<>();
    private final List<Step> sequence = new ArrayList<>();
    private Function<Prompt, Reply> otherwise;

    private Builder() {}

    /**
     * Sets the model id; {@code "test:scripted"} by default.
     *
     * @throws IllegalArgumentException if id is blank
     */
    public Builder id(String id) {
      requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("id must not be blank, but was \"" + id + "\"");
      }
      this.id = id;
      return this;
    }

    /** Scripts the reply text {@code text} for the question with id {@code questionId}. */
    public Builder reply(String questionId, String text) {
      requireNonNull(text, "text");
      return reply(questionId, Reply.of(text));
    }

    /** Scripts {@code reply} for the question with id {@code questionId}. */
    public Builder reply(String questionId, Reply reply) {
      requireNonNull(questionId, "questionId");
      requireNonNull(reply, "reply");
      byQuestionId.put(questionId, new Step(reply, null));
      return this;
    }

    /** Scripts the reply texts {@code repliesById} by question id. */
    public Builder replies(Map<String, String> repliesById) {
      requireNonNull(repliesById, "repliesById").forEach(this::reply);
      return this;
    }

    /**
     * Scripts a {@link ModelException} with the message {@code "<id>: <message>"} for the question
     * with id {@code questionId}.
     */
    public Builder failure(String questionId, String message) {
      requireNonNull(questionId, "questionId");
      requireNonNull(message, "message");
      byQuestionId.put(questionId, new Step(null, message));
      return this;
    }

    /** Appends reply texts to the fixed sequence, answered in call order. */
    public Builder thenReply(String... texts) {
      requireNonNull(texts, "texts");
      for (String text : texts) {
        sequence.add(new Step(Reply.of(requireNonNull(text, "text")), null));
      }
      return this;
    }

    /** Appends {@code reply} to the fixed sequence. */
    public Builder thenReply(Reply reply) {
      sequence.add(new Step(requireNonNull(reply, "reply"), null));
      return this;
    }

    /** Appends a failure with the message {@code "<id>: <message>"} to the fixed sequence. */
    public Builder thenFail(String message) {
      sequence.add(new Step(null, requireNonNull(message, "message")));
      return this;
    }

    /**
     * Sets the function that answers prompts no other rule answers. It may throw {@link
     * ModelException}, must be thread-safe, and must not return null.
     */
    public Builder otherwise(Function<Prompt, Reply> otherwise) {
      this.otherwise = requireNonNull(otherwise, "otherwise");
      return this;
    }

    /** Returns the model. */
    public ScriptedModel build() {
      return new ScriptedModel(this);
    }
  }
}
