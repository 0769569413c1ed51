package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * One turn of a chat prompt: who speaks and what they say. Immutable.
 *
 * @param role the speaker
 * @param content the text of the turn
 */
public record Message(Role role, String content) {

  /** Validates the components. */
  public Message {
    requireNonNull(role, "role");
    requireNonNull(content, "content");
  }

  /** Returns a system turn. */
  public static Message system(String content) {
    return new Message(Role.SYSTEM, content);
  }

  /** Returns a user turn. */
  public static Message user(String content) {
    return new Message(Role.USER, content);
  }

  /** Returns an assistant turn. */
  public static Message assistant(String content) {
    return new Message(Role.ASSISTANT, content);
  }

  /** The speaker of a chat turn, as OpenAI-style chat APIs name them. */
  public enum Role {
    /** Instructions that frame the conversation. */
    SYSTEM,
    /** The person asking. */
    USER,
    /** The model answering; in prompts, a worked example's answer. */
    ASSISTANT;

    /** Returns the role's name in chat APIs: {@code system}, {@code user} or {@code assistant}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
