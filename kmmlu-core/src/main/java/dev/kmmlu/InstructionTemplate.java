package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A template that renders each question as one user message and each example as a user message
 * followed by an assistant message giving its answer.
 */
final class InstructionTemplate implements PromptTemplate {
  static final PromptTemplate KOREAN_COT =
      new InstructionTemplate(
          "korean-cot",
          question ->
              "다음 문제에 대해 정답을 고르세요. 당신의 최종 정답은 "
                  + Choice.letters(question.optionCount())
                  + " 중 하나이고, \"정답:\" 뒤에 와야 합니다. 정답을 고르기 전에 차근차근 생각하고 추론하세요.\n\n"
                  + question.text().strip()
                  + "\n\n"
                  + optionLines(question),
          "정답: ");

  static final PromptTemplate ENGLISH_COT =
      new InstructionTemplate(
          "english-cot",
          question ->
              "Answer the following multiple choice question. The last line of your response"
                  + " should be of the following format: 'Answer: $LETTER' (without quotes) where"
                  + " LETTER is one of "
                  + Choice.letters(question.optionCount())
                  + ". Think step by step before answering.\n\n"
                  + question.text().strip()
                  + "\n\n"
                  + optionLines(question),
          "Answer: ");

  private final String name;
  private final Function<Question, String> body;
  private final String answerPrefix;

  InstructionTemplate(String name, Function<Question, String> body, String answerPrefix) {
    this.name = name;
    this.body = body;
    this.answerPrefix = answerPrefix;
  }

  /** Returns the option lines {@code "A) ..."} joined by a newline. */
  static String optionLines(Question question) {
    StringBuilder lines = new StringBuilder();
    for (Choice choice : question.choices()) {
      if (lines.length() > 0) {
        lines.append('\n');
      }
      lines.append(choice.letter()).append(") ").append(question.option(choice));
    }
    return lines.toString();
  }

  static String fill(String template, Question question) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      if (template.startsWith("{question}", i)) {
        out.append(question.text().strip());
        i += "{question}".length();
      } else if (template.startsWith("{options}", i)) {
        out.append(optionLines(question));
        i += "{options}".length();
      } else if (template.startsWith("{letters}", i)) {
        out.append(Choice.letters(question.optionCount()));
        i += "{letters}".length();
      } else {
        out.append(template.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  @Override
  public Prompt render(Question question, List<Question> shots, GenerationSettings settings) {
    requireNonNull(question, "question");
    requireNonNull(shots, "shots");
    requireNonNull(settings, "settings");
    List<Message> messages = new ArrayList<>();
    for (Question shot : shots) {
      messages.add(Message.user(content(shot)));
      messages.add(Message.assistant(answerPrefix + shot.answer().letter()));
    }
    messages.add(Message.user(content(question)));
    return Prompt.of(messages).withSettings(settings).withQuestion(question);
  }

  private String content(Question question) {
    String content = body.apply(question);
    if (content == null) {
      throw new NullPointerException("template " + name + " rendered null for " + question.id());
    }
    return content;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "PromptTemplate{" + name + "}";
  }
}
