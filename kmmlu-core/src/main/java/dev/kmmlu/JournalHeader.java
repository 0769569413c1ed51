package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The first line of a {@link Journal}: what produced the entries that follow. A resumed run
 * compares it with its own header and refuses a journal written by another model, template,
 * settings, benchmark or dataset. Immutable. It holds no secrets.
 *
 * @param modelId the {@linkplain Model#id() model id}
 * @param templateName the {@linkplain PromptTemplate#name() prompt template's name}
 * @param templateHash the {@linkplain PromptTemplate#hash() prompt template's hash}
 * @param settingsHash the {@linkplain GenerationSettings#hash() generation settings' hash}
 * @param benchmark the benchmark's name, such as {@code kmmlu-pro}
 * @param datasetFingerprint a fingerprint of the dataset's content or revision; empty when unknown
 * @param created when the journal was started
 */
public record JournalHeader(
    String modelId,
    String templateName,
    String templateHash,
    String settingsHash,
    String benchmark,
    String datasetFingerprint,
    Instant created) {

  /** Validates the components. */
  public JournalHeader {
    requireNonNull(modelId, "modelId");
    requireNonNull(templateName, "templateName");
    requireNonNull(templateHash, "templateHash");
    requireNonNull(settingsHash, "settingsHash");
    requireNonNull(benchmark, "benchmark");
    requireNonNull(datasetFingerprint, "datasetFingerprint");
    requireNonNull(created, "created");
  }

  /** Returns the header of a run of {@code model} with {@code template} and {@code settings}. */
  public static JournalHeader of(
      Model model,
      PromptTemplate template,
      GenerationSettings settings,
      String benchmark,
      String datasetFingerprint,
      Instant created) {
    requireNonNull(model, "model");
    requireNonNull(template, "template");
    requireNonNull(settings, "settings");
    return new JournalHeader(
        model.id(),
        template.name(),
        template.hash(),
        settings.hash(),
        benchmark,
        datasetFingerprint,
        created);
  }
}
