package dev.kmmlu.examples;

import dev.kmmlu.datasets.HubClient;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of {@code --data hub}: cache directory, revision and offline mode. */
final class HubOptions {
  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "Hub download cache (default ~/.cache/kmmlu).")
  Path cache;

  @Option(
      names = "--revision",
      paramLabel = "REV",
      description = "Hub branch, tag or commit to download (default main).")
  String revision;

  @Option(names = "--offline", description = "Use only the hub cache; never go on the network.")
  boolean offline;

  /**
   * Returns a hub client with these options and the hub's token convention (HF_TOKEN, or the token
   * file the hub's own tools write), read from this process's environment.
   */
  HubClient client() {
    HubClient.Builder builder = HubClient.builder().tokenFromEnvironment().offline(offline);
    if (cache != null) {
      builder.cacheDirectory(cache);
    }
    if (revision != null) {
      builder.revision(revision);
    }
    return builder.build();
  }
}
