package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmmlu.datasets.Question;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model is asked: chat messages, decoding settings, and the question they were rendered
 * from. Immutable and thread-safe; each wither returns a copy.
 *
 * <pre>{@code
 * Prompt prompt = Prompt.of(Message.user("1+1은?"))
 *     .withSettings(GenerationSettings.paperReasoning())
 *     .withQuestionId("kmmlu/test/Math/0001");
 * }</pre>
 */
public final class Prompt {
  private final List<Message> messages;
  private final GenerationSettings settings;
  private final String questionId;
  private final Question question;

  private Prompt(
      List<Message> messages, GenerationSettings settings, String questionId, Question question) {
    this.messages = messages;
    this.settings = settings;
    this.questionId = questionId;
    this.question = question;
  }

  /**
   * Returns a prompt of {@code messages} with default settings and no question.
   *
   * @throws IllegalArgumentException if messages is empty
   */
  public static Prompt of(List<Message> messages) {
    List<Message> copy = List.copyOf(requireNonNull(messages, "messages"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("messages must not be empty, but was []");
    }
    return new Prompt(copy, GenerationSettings.defaults(), "", null);
  }

  /** Returns a prompt of the given messages with default settings and no question. */
  public static Prompt of(Message first, Message... rest) {
    requireNonNull(first, "first");
    requireNonNull(rest, "rest");
    Message[] all = new Message[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return of(List.of(all));
  }

  /** Returns a prompt of one user message with default settings and no question. */
  public static Prompt ofUser(String content) {
    return of(Message.user(content));
  }

  /** Returns the chat messages, in order. */
  public List<Message> messages() {
    return messages;
  }

  /** Returns the decoding settings. */
  public GenerationSettings settings() {
    return settings;
  }

  /** Returns the id of the question this prompt asks, or an empty string when unknown. */
  public String questionId() {
    return questionId;
  }

  /** Returns the question this prompt was rendered from, if it is known. */
  public Optional<Question> question() {
    return Optional.ofNullable(question);
  }

  /** Returns a copy with the settings {@code settings}. */
  public Prompt withSettings(GenerationSettings settings) {
    requireNonNull(settings, "settings");
    return new Prompt(messages, settings, questionId, question);
  }

  /** Returns a copy with the messages {@code messages}. */
  public Prompt withMessages(List<Message> messages) {
    return of(messages).withSettings(settings).withQuestionIdAndQuestion(questionId, question);
  }

  /**
   * Returns a copy that asks the question with id {@code questionId} (and forgets the question).
   */
  public Prompt withQuestionId(String questionId) {
    requireNonNull(questionId, "questionId");
    return new Prompt(messages, settings, questionId, null);
  }

  /** Returns a copy that asks {@code question}; the question id becomes {@code question.id()}. */
  public Prompt withQuestion(Question question) {
    requireNonNull(question, "question");
    return new Prompt(messages, settings, question.id(), question);
  }

  private Prompt withQuestionIdAndQuestion(String questionId, Question question) {
    return new Prompt(messages, settings, questionId, question);
  }

  /**
   * Returns all messages as one text, for completion-style models. The contents are joined by a
   * blank line ({@code "\n\n"}), except that an assistant turn follows the turn before it after a
   * single space, the way a completion model would continue it. So few-shot examples given as user
   * and assistant turns read {@code "...정답： A\n\n..."}, as lm-evaluation-harness writes them
   * (target delimiter {@code " "}, few-shot delimiter {@code "\n\n"}). Roles are not written.
   */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      if (i > 0) {
        text.append(message.role() == Message.Role.ASSISTANT ? " " : "\n\n");
      }
      text.append(message.content());
    }
    return text.toString();
  }

  /**
   * Returns the SHA-256 (lower-case hex) of the prompt's canonical JSON: {@code
   * {"messages":[{"role":"user","content":"..."}],"settings":{...}}}, messages in order, each with
   * its role's {@linkplain Message.Role#wireName() wire name} then its content, and the settings as
   * in {@link GenerationSettings#hash()}, written as compact UTF-8 JSON. The question id and
   * question are not part of the hash: two prompts that ask the same thing in the same way hash
   * alike. The hash is stable across runs, machines and library versions that keep this format.
   */
  public String hash() {
    ObjectNode root = Json.object();
    ArrayNode array = root.putArray("messages");
    for (Message message : messages) {
      ObjectNode node = array.addObject();
      node.put("role", message.role().wireName());
      node.put("content", message.content());
    }
    root.set("settings", settings.toJson());
    return Sha256.hex(Json.write(root));
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Prompt)) {
      return false;
    }
    Prompt that = (Prompt) other;
    return messages.equals(that.messages)
        && settings.equals(that.settings)
        && questionId.equals(that.questionId)
        && Objects.equals(question, that.question);
  }

  @Override
  public int hashCode() {
    return Objects.hash(messages, settings, questionId, question);
  }

  @Override
  public String toString() {
    return "Prompt{questionId="
        + questionId
        + ", messages="
        + messages.size()
        + ", settings="
        + settings
        + "}";
  }
}
