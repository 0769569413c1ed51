package dev.kmmlu.datasets;

import static org.assertj.core.api.BDDAssertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubClientBuilderTest {
  @TempDir Path directory;

  @Test
  void should_use_the_hub_defaults_when_nothing_is_set() {
    // GIVEN
    HubClient.Builder builder = HubClient.builder();
    // WHEN
    HubClient client = builder.build();
    // THEN
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "kmmlu");
    then(client.endpoint()).isEqualTo(URI.create("https://huggingface.co"));
    then(client.datasetsServer()).isEqualTo(URI.create("https://datasets-server.huggingface.co"));
    then(client.cacheDirectory()).isEqualTo(cache);
    then(client.revision()).isEqualTo("main");
    then(client.isOffline()).isFalse();
    then(client.hasToken()).isFalse();
    then(client.toString())
        .isEqualTo(
            "HubClient[endpoint=https://huggingface.co,"
                + " datasetsServer=https://datasets-server.huggingface.co, cacheDirectory="
                + cache
                + ", revision=main, offline=false, token=none]");
  }

  @Test
  void should_mask_the_token_when_printed() {
    // GIVEN
    HubClient.Builder builder = HubClient.builder().token("hf_Secret42").cacheDirectory(directory);
    // WHEN
    String text = builder.build().toString();
    // THEN
    then(text).endsWith(", token=***]").doesNotContain("hf_Secret42");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ftp://example.com", "example.com/x", "https://example.com?a=1", "https:/x"})
  void should_reject_an_endpoint_when_it_is_not_an_absolute_http_uri(String text) {
    // GIVEN
    URI uri = URI.create(text);
    // WHEN
    Throwable thrown = catchThrowable(() -> HubClient.builder().endpoint(uri));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "endpoint must be an absolute http or https URI without query, but was " + text);
  }

  @Test
  void should_reject_a_datasets_server_when_it_is_not_an_http_uri() {
    // WHEN
    Throwable thrown =
        catchThrowable(() -> HubClient.builder().datasetsServer(URI.create("file:///tmp")));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "datasetsServer must be an absolute http or https URI without query, but was"
                + " file:///tmp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "../main", "main/", "feature branch", "v1..v2", "/main", "a\\b"})
  void should_reject_a_revision_when_it_is_not_a_plain_name(String revision) {
    // WHEN
    Throwable thrown = catchThrowable(() -> HubClient.builder().revision(revision));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("revision must be a branch, tag or commit name, but was \"" + revision + "\"");
  }

  @Test
  void should_accept_a_revision_with_slashes_when_it_names_a_ref() {
    // WHEN
    HubClient client = HubClient.builder().revision("refs/convert/parquet").build();
    // THEN
    then(client.revision()).isEqualTo("refs/convert/parquet");
  }

  @Test
  void should_reject_a_token_when_it_is_blank() {
    // WHEN
    Throwable thrown = catchThrowable(() -> HubClient.builder().token(" \t"));
    // THEN
    then(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("token must not be blank");
  }

  @Test
  void should_reject_an_http_client_when_it_follows_redirects() {
    // GIVEN
    HttpClient following =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    // WHEN
    Throwable thrown = catchThrowable(() -> HubClient.builder().httpClient(following));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("httpClient must use HttpClient.Redirect.NEVER, but was NORMAL");
  }

  @Test
  void should_reject_timeouts_when_they_are_not_positive() {
    // WHEN
    Throwable connect = catchThrowable(() -> HubClient.builder().connectTimeout(Duration.ZERO));
    Throwable request =
        catchThrowable(() -> HubClient.builder().requestTimeout(Duration.ofSeconds(-1)));
    // THEN
    then(connect).hasMessage("connectTimeout must be positive, but was PT0S");
    then(request).hasMessage("requestTimeout must be positive, but was PT-1S");
  }

  @Test
  void should_reject_a_null_benchmark_when_downloading() {
    // GIVEN
    HubClient client = HubClient.builder().cacheDirectory(directory).offline(true).build();
    // WHEN
    Throwable thrown = catchThrowable(() -> client.download(null));
    // THEN
    then(thrown).isInstanceOf(NullPointerException.class).hasMessage("benchmark");
  }

  @Test
  void should_drop_an_explicit_token_when_the_environment_has_none() {
    // GIVEN
    Map<String, String> environment = Map.of("HF_HOME", directory.resolve("none").toString());
    // WHEN
    HubClient client =
        HubClient.builder().token("hf_explicit").tokenFromEnvironment(environment).build();
    // THEN
    then(client.hasToken()).isFalse();
  }

  @Test
  void should_send_the_token_file_of_hf_home_when_taken_from_the_environment() throws IOException {
    // GIVEN
    Path hfHome = Files.createDirectories(directory.resolve("hf-home"));
    Files.writeString(hfHome.resolve("token"), "hf_FromTokenFile\n");
    try (FakeHub hub = new FakeHub()) {
      hub.serveRepo(
          HubClientTest.REDUX, HubClientTest.COMMIT, Map.of("data/kmmlu_redux.jsonl", "{}\n"));
      HubClient client =
          HubClient.builder()
              .endpoint(hub.hubUri())
              .datasetsServer(hub.hubUri())
              .cacheDirectory(directory.resolve("cache"))
              .tokenFromEnvironment(Map.of("HF_HOME", hfHome.toString()))
              .build();
      // WHEN
      client.download(Benchmark.KMMLU_REDUX);
      // THEN
      then(hub.requests().get(0).authorization()).isEqualTo(Optional.of("Bearer hf_FromTokenFile"));
      then(client.toString()).doesNotContain("hf_FromTokenFile");
    }
  }
}
