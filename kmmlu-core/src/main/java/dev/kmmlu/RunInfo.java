package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What reproduces a run: the data, the prompt, the model, the settings and the library. Holds no
 * secrets: the endpoint is a host name, never a URL with credentials, and never an API key.
 *
 * @param benchmark the benchmark's slug, such as {@code kmmlu-pro}
 * @param split the split evaluated
 * @param dataSource where the data came from ({@code hub}, {@code demo} or a path)
 * @param datasetFingerprint the SHA-256 fingerprint of the questions evaluated
 * @param datasetRevision the hub commit, or {@code local}
 * @param templateName the prompt template's name
 * @param templateHash the prompt template's hash
 * @param shots the number of few-shot examples per prompt
 * @param extractor the answer extraction policy's name
 * @param modelId the model's id
 * @param endpointHost the model server's host (and port), or "" when the model is not remote
 * @param settings the generation settings, as field name to value
 * @param seed the run's seed (sampling and bootstrap)
 * @param headline the average the benchmark's paper reports ({@code micro} or {@code macro})
 * @param libraryVersion the kmmlu-java version
 * @param started when the run started
 * @param finished when the run finished
 * @param wallTime how long the run took
 * @param promptTokens prompt tokens the server reported, summed
 * @param completionTokens completion tokens the server reported, summed
 * @param resumed items taken from an existing journal instead of asking the model again
 */
public record RunInfo(
    String benchmark,
    String split,
    String dataSource,
    String datasetFingerprint,
    String datasetRevision,
    String templateName,
    String templateHash,
    int shots,
    String extractor,
    String modelId,
    String endpointHost,
    Map<String, Object> settings,
    long seed,
    String headline,
    String libraryVersion,
    Instant started,
    Instant finished,
    Duration wallTime,
    long promptTokens,
    long completionTokens,
    int resumed) {

  /** Validates the components and copies the settings. */
  public RunInfo {
    requireNonNull(benchmark, "benchmark");
    requireNonNull(split, "split");
    requireNonNull(dataSource, "dataSource");
    requireNonNull(datasetFingerprint, "datasetFingerprint");
    requireNonNull(datasetRevision, "datasetRevision");
    requireNonNull(templateName, "templateName");
    requireNonNull(templateHash, "templateHash");
    requireNonNull(extractor, "extractor");
    requireNonNull(modelId, "modelId");
    requireNonNull(endpointHost, "endpointHost");
    settings = Map.copyOf(settings);
    requireNonNull(headline, "headline");
    requireNonNull(libraryVersion, "libraryVersion");
    requireNonNull(started, "started");
    requireNonNull(finished, "finished");
    requireNonNull(wallTime, "wallTime");
  }
}
