package dev.kmmlu.datasets;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubTokensTest {
  @TempDir Path home;

  private Path writeToken(Path directory, String text) throws IOException {
    Files.createDirectories(directory);
    return Files.writeString(directory.resolve("token"), text);
  }

  @Test
  void should_take_hf_token_when_it_is_set_even_if_a_token_file_exists() throws IOException {
    // GIVEN
    Path hfHome = home.resolve("hf");
    writeToken(hfHome, "hf_fromFile");
    Map<String, String> environment =
        Map.of("HF_TOKEN", " hf_fromVariable ", "HF_HOME", hfHome.toString());
    // WHEN
    Optional<String> token = HubTokens.find(environment, home.toString());
    // THEN
    then(token).contains("hf_fromVariable");
  }

  @Test
  void should_read_the_token_file_in_hf_home_when_hf_token_is_blank() throws IOException {
    // GIVEN
    Path hfHome = home.resolve("hf");
    writeToken(hfHome, "hf_fromFile\n");
    Map<String, String> environment = Map.of("HF_TOKEN", "  ", "HF_HOME", hfHome.toString());
    // WHEN
    Optional<String> token = HubTokens.find(environment, home.toString());
    // THEN
    then(token).contains("hf_fromFile");
  }

  @Test
  void should_read_the_token_under_xdg_cache_home_when_hf_home_is_unset() throws IOException {
    // GIVEN
    Path xdg = home.resolve("xdg");
    writeToken(xdg.resolve("huggingface"), "hf_xdg");
    // WHEN
    Optional<String> token =
        HubTokens.find(Map.of("XDG_CACHE_HOME", xdg.toString()), home.toString());
    // THEN
    then(token).contains("hf_xdg");
  }

  @Test
  void should_read_the_token_under_the_user_home_when_no_variable_is_set() throws IOException {
    // GIVEN
    writeToken(home.resolve(".cache").resolve("huggingface"), "hf_home\r\n");
    // WHEN
    Optional<String> token = HubTokens.find(Map.of(), home.toString());
    // THEN
    then(token).contains("hf_home");
  }

  @Test
  void should_not_look_in_the_user_home_when_hf_home_points_elsewhere() throws IOException {
    // GIVEN
    writeToken(home.resolve(".cache").resolve("huggingface"), "hf_home");
    Map<String, String> environment = Map.of("HF_HOME", home.resolve("empty").toString());
    // WHEN
    Optional<String> token = HubTokens.find(environment, home.toString());
    // THEN
    then(token).isEmpty();
  }

  @Test
  void should_find_no_token_when_the_token_file_is_empty() throws IOException {
    // GIVEN
    Path hfHome = home.resolve("hf");
    writeToken(hfHome, "\n");
    // WHEN
    Optional<String> token = HubTokens.find(Map.of("HF_HOME", hfHome.toString()), home.toString());
    // THEN
    then(token).isEmpty();
  }
}
