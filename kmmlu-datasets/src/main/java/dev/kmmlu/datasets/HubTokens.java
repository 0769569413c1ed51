package dev.kmmlu.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The dataset hub's own token convention: the {@code HF_TOKEN} variable, else the token file {@code
 * $HF_HOME/token}, where {@code HF_HOME} defaults to {@code $XDG_CACHE_HOME/huggingface} and then
 * {@code ~/.cache/huggingface}.
 */
final class HubTokens {
  private HubTokens() {}

  static Optional<String> find(Map<String, String> environment, String userHome) {
    String variable = environment.get("HF_TOKEN");
    if (variable != null && !variable.isBlank()) {
      return Optional.of(variable.strip());
    }
    Path file = tokenFile(environment, userHome);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    } catch (IOException e) {
      throw new DatasetException(
          file.toString(),
          "cannot read the hub token file: "
              + e.getClass().getSimpleName()
              + "; fix its permissions or set HF_TOKEN",
          e);
    }
  }

  static Path tokenFile(Map<String, String> environment, String userHome) {
    String hfHome = environment.get("HF_HOME");
    if (hfHome != null && !hfHome.isBlank()) {
      return Path.of(hfHome, "token");
    }
    String xdgCache = environment.get("XDG_CACHE_HOME");
    if (xdgCache != null && !xdgCache.isBlank()) {
      return Path.of(xdgCache, "huggingface", "token");
    }
    return Path.of(userHome, ".cache", "huggingface", "token");
  }
}
