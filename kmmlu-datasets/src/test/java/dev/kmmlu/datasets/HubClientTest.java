package dev.kmmlu.datasets;

import static org.assertj.core.api.BDDAssertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubClientTest {
  static final String REDUX = "LGAI-EXAONE/KMMLU-Redux";
  static final String KMMLU = "HAERAE-HUB/KMMLU";
  static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  static final String OTHER_COMMIT = "fedcba9876543210fedcba9876543210fedcba98";
  static final String TOKEN = "hf_TestSecret123";
  static final String REDUX_ROWS =
      "{\"question\":\"q1\",\"options\":[\"a\",\"b\",\"c\",\"d\"],\"solution\":\"2\"}\n";

  @TempDir Path cache;
  FakeHub hub;

  @BeforeEach
  void startHub() throws IOException {
    hub = new FakeHub();
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  private HubClient.Builder client() {
    return HubClient.builder()
        .endpoint(hub.hubUri())
        .datasetsServer(hub.hubUri())
        .cacheDirectory(cache);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static List<String> filesUnder(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> directory.relativize(file).toString().replace('\\', '/'))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void should_download_raw_files_into_a_commit_directory_when_main_resolves_to_a_commit()
      throws IOException {
    // GIVEN
    hub.serveRepo(
        REDUX,
        COMMIT,
        Map.of("data/kmmlu_redux.jsonl", REDUX_ROWS, "data/kmmlu_redux.parquet", "PAR1"));
    // WHEN
    HubSnapshot snapshot = client().build().download(Benchmark.KMMLU_REDUX);
    // THEN
    Path directory = cache.resolve("LGAI-EXAONE--KMMLU-Redux").resolve(COMMIT);
    then(snapshot.benchmark()).isEqualTo(Benchmark.KMMLU_REDUX);
    then(snapshot.revision()).isEqualTo(COMMIT);
    then(snapshot.directory()).isEqualTo(directory);
    then(snapshot.files()).containsExactly(directory.resolve("data/kmmlu_redux.jsonl"));
    then(snapshot.relativePaths()).containsExactly("data/kmmlu_redux.jsonl");
    then(read(snapshot.files().get(0))).isEqualTo(REDUX_ROWS);
    then(read(cache.resolve("LGAI-EXAONE--KMMLU-Redux/refs/main"))).isEqualTo(COMMIT + "\n");
    then(hub.targets(FakeHub.HUB))
        .containsExactly(
            "/api/datasets/LGAI-EXAONE/KMMLU-Redux/revision/main",
            "/api/datasets/LGAI-EXAONE/KMMLU-Redux/tree/" + COMMIT + "/data?recursive=true",
            "/datasets/LGAI-EXAONE/KMMLU-Redux/resolve/" + COMMIT + "/data/kmmlu_redux.jsonl");
    then(hub.targets(FakeHub.CDN))
        .containsExactly("/cdn/LGAI-EXAONE/KMMLU-Redux/data/kmmlu_redux.jsonl?X-Amz-Signature=sig");
  }

  @Test
  void should_send_the_token_to_the_hub_but_not_to_the_cdn_when_a_file_is_redirected() {
    // GIVEN
    hub.serveRepo(REDUX, COMMIT, Map.of("data/kmmlu_redux.jsonl", REDUX_ROWS));
    // WHEN
    client().token(TOKEN).build().download(Benchmark.KMMLU_REDUX);
    // THEN
    List<FakeHub.Request> requests = hub.requests();
    then(requests).hasSize(4);
    then(requests)
        .filteredOn(request -> request.server().equals(FakeHub.HUB))
        .extracting(FakeHub.Request::authorization)
        .containsOnly(Optional.of("Bearer " + TOKEN))
        .hasSize(3);
    then(requests)
        .filteredOn(request -> request.server().equals(FakeHub.CDN))
        .extracting(FakeHub.Request::authorization)
        .containsExactly(Optional.empty());
  }

  @Test
  void should_request_the_pinned_commit_when_the_revision_is_a_commit() throws IOException {
    // GIVEN
    hub.serveRepo(REDUX, OTHER_COMMIT, Map.of("data/kmmlu_redux.jsonl", REDUX_ROWS));
    // WHEN
    HubSnapshot snapshot = client().revision(OTHER_COMMIT).build().download(Benchmark.KMMLU_REDUX);
    // THEN
    then(snapshot.revision()).isEqualTo(OTHER_COMMIT);
    then(snapshot.directory())
        .isEqualTo(cache.resolve("LGAI-EXAONE--KMMLU-Redux").resolve(OTHER_COMMIT));
    then(hub.targets(FakeHub.HUB)).allSatisfy(target -> then(target).contains(OTHER_COMMIT));
    then(hub.targets(FakeHub.HUB)).hasSize(3);
    then(Files.exists(cache.resolve("LGAI-EXAONE--KMMLU-Redux/refs"))).isFalse();
  }

  @Test
  void should_download_only_test_and_dev_csv_files_when_the_benchmark_is_kmmlu()
      throws IOException {
    // GIVEN
    hub.serveRepo(
        KMMLU,
        COMMIT,
        Map.of(
            "data/Law-train.csv", "train",
            "data/Law-dev.csv", "dev",
            "data/Law-test.csv", "test",
            "data/korean-history-test.csv", "history"));
    // WHEN
    HubSnapshot snapshot = client().build().download(Benchmark.KMMLU);
    // THEN
    then(snapshot.relativePaths())
        .containsExactly("data/Law-dev.csv", "data/Law-test.csv", "data/korean-history-test.csv");
    then(filesUnder(snapshot.directory()))
        .containsExactly(
            ".kmmlu-snapshot.json",
            "data/Law-dev.csv",
            "data/Law-test.csv",
            "data/korean-history-test.csv");
    then(read(snapshot.directory().resolve("data/Law-test.csv"))).isEqualTo("test");
  }

  @Test
  void should_skip_cached_files_of_the_listed_size_when_downloading_again() throws IOException {
    // GIVEN
    hub.serveRepo(KMMLU, COMMIT, Map.of("data/Law-dev.csv", "dev", "data/Law-test.csv", "test"));
    HubClient client = client().build();
    HubSnapshot first = client.download(Benchmark.KMMLU);
    Files.writeString(first.directory().resolve("data/Law-test.csv"), "stale, longer");
    hub.clearRequests();
    // WHEN
    HubSnapshot second = client.download(Benchmark.KMMLU);
    // THEN
    then(second).isEqualTo(first);
    then(hub.targets(FakeHub.HUB))
        .containsExactly(
            "/api/datasets/HAERAE-HUB/KMMLU/revision/main",
            "/api/datasets/HAERAE-HUB/KMMLU/tree/" + COMMIT + "/data?recursive=true",
            "/datasets/HAERAE-HUB/KMMLU/resolve/" + COMMIT + "/data/Law-test.csv");
    then(read(second.directory().resolve("data/Law-test.csv"))).isEqualTo("test");
  }

  @Test
  void should_write_rows_as_jsonl_page_by_page_when_the_repository_has_only_parquet()
      throws IOException {
    // GIVEN
    String pro = "LGAI-EXAONE/KMMLU-Pro";
    hub.onHub(
        "/api/datasets/" + pro + "/revision/main",
        FakeHub.json(200, "{\"sha\":\"" + COMMIT + "\"}"));
    hub.onHub(
        "/api/datasets/" + pro + "/tree/" + COMMIT + "/data",
        FakeHub.json(200, "[{\"type\":\"file\",\"path\":\"data/test-00000.parquet\",\"size\":9}]"));
    hub.onHub(
        "/splits",
        FakeHub.json(
            200,
            "{\"splits\":[{\"dataset\":\""
                + pro
                + "\",\"config\":\"default\",\"split\":\"test\"},"
                + "{\"dataset\":\""
                + pro
                + "\",\"config\":\"default\",\"split\":\"train\"}]}"));
    hub.onHub("/rows", new FakeRows(250));
    // WHEN
    HubSnapshot snapshot = client().token(TOKEN).build().download(Benchmark.KMMLU_PRO);
    // THEN
    then(snapshot.relativePaths()).containsExactly("data/default-test.jsonl");
    List<String> lines = Files.readAllLines(snapshot.files().get(0), StandardCharsets.UTF_8);
    then(lines).hasSize(250);
    then(lines.get(0)).isEqualTo("{\"question\":\"q0\",\"solution\":\"1\"}");
    then(lines.get(249)).isEqualTo("{\"question\":\"q249\",\"solution\":\"5\"}");
    String rows = "/rows?dataset=LGAI-EXAONE%2FKMMLU-Pro&config=default&split=test";
    then(hub.targets(FakeHub.HUB))
        .containsSubsequence(
            "/splits?dataset=LGAI-EXAONE%2FKMMLU-Pro",
            rows + "&offset=0&length=100",
            rows + "&offset=100&length=100",
            rows + "&offset=200&length=100")
        .hasSize(6);
    then(hub.requests())
        .extracting(FakeHub.Request::authorization)
        .containsOnly(Optional.of("Bearer " + TOKEN));
  }

  @Test
  void should_fall_back_to_rows_when_the_repository_has_no_data_folder() {
    // GIVEN
    hub.onHub(
        "/api/datasets/" + REDUX + "/revision/main",
        FakeHub.json(200, "{\"sha\":\"" + COMMIT + "\"}"));
    hub.onHub(
        "/splits", FakeHub.json(200, "{\"splits\":[{\"config\":\"default\",\"split\":\"test\"}]}"));
    hub.onHub("/rows", new FakeRows(3));
    // WHEN
    HubSnapshot snapshot = client().build().download(Benchmark.KMMLU_REDUX);
    // THEN
    then(snapshot.relativePaths()).containsExactly("data/default-test.jsonl");
    then(hub.targets(FakeHub.HUB))
        .containsExactly(
            "/api/datasets/LGAI-EXAONE/KMMLU-Redux/revision/main",
            "/api/datasets/LGAI-EXAONE/KMMLU-Redux/tree/" + COMMIT + "/data?recursive=true",
            "/splits?dataset=LGAI-EXAONE%2FKMMLU-Redux",
            "/rows?dataset=LGAI-EXAONE%2FKMMLU-Redux&config=default&split=test&offset=0&length=100");
  }

  @Test
  void should_explain_how_to_get_access_when_a_gated_dataset_answers_401_without_a_token() {
    // GIVEN
    hub.onHub("/api/datasets/LGAI-EXAONE/KMMLU-Pro/revision/main", FakeHub.error(401, "GatedRepo"));
    // WHEN
    Throwable thrown = catchThrowable(() -> client().build().download(Benchmark.KMMLU_PRO));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            hub.hubUri()
                + "/api/datasets/LGAI-EXAONE/KMMLU-Pro/revision/main: HTTP 401:"
                + " LGAI-EXAONE/KMMLU-Pro is a gated dataset and no token was sent; accept its"
                + " terms at https://huggingface.co/datasets/LGAI-EXAONE/KMMLU-Pro while logged"
                + " in, create a read token at https://huggingface.co/settings/tokens, then set"
                + " HF_TOKEN and call HubClient.builder().tokenFromEnvironment(), or pass it with"
                + " token(String)");
    then(hub.requests().get(0).authorization()).isEmpty();
  }

  @Test
  void should_explain_access_without_the_token_when_a_gated_file_answers_403_to_a_token() {
    // GIVEN
    hub.serveRepo(REDUX, COMMIT, Map.of("data/kmmlu_redux.jsonl", REDUX_ROWS));
    String resolve = "/datasets/" + REDUX + "/resolve/" + COMMIT + "/data/kmmlu_redux.jsonl";
    hub.onHub(resolve, FakeHub.error(403, "GatedRepo"));
    // WHEN
    Throwable thrown =
        catchThrowable(() -> client().token(TOKEN).build().download(Benchmark.KMMLU_REDUX));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            hub.hubUri()
                + resolve
                + ": HTTP 403: the hub refused the token for"
                + " LGAI-EXAONE/KMMLU-Redux, which is a gated dataset; accept its terms at"
                + " https://huggingface.co/datasets/LGAI-EXAONE/KMMLU-Redux with the account that"
                + " owns the token, and check that the token may read gated repositories");
    then(thrown.toString()).doesNotContain(TOKEN);
    then(((DatasetException) thrown).source()).isEqualTo(hub.hubUri() + resolve);
  }

  @Test
  void should_name_the_repository_and_revision_when_the_hub_answers_404() {
    // GIVEN nothing served: every path answers 404
    // WHEN
    Throwable thrown =
        catchThrowable(() -> client().revision("v9").build().download(Benchmark.KMMLU_REDUX));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            hub.hubUri()
                + "/api/datasets/LGAI-EXAONE/KMMLU-Redux/revision/v9: HTTP 404: dataset"
                + " LGAI-EXAONE/KMMLU-Redux at revision v9 was not found; check the repository id"
                + " and that the revision is an existing branch, tag or commit");
  }

  @Test
  void should_report_not_found_when_the_hub_hides_a_missing_repository_behind_401() {
    // GIVEN
    hub.onHub("/api/datasets/HAERAE-HUB/KMMLU/revision/main", FakeHub.error(401, "RepoNotFound"));
    // WHEN
    Throwable thrown = catchThrowable(() -> client().build().download(Benchmark.KMMLU));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessageEndingWith(
            ": HTTP 401: dataset HAERAE-HUB/KMMLU at revision main was not found; check the"
                + " repository id and that the revision is an existing branch, tag or commit");
  }

  @Test
  void should_name_the_url_but_not_the_token_when_the_server_fails() {
    // GIVEN
    hub.onHub("/api/datasets/" + REDUX + "/revision/main", FakeHub.json(503, "{}"));
    // WHEN
    Throwable thrown =
        catchThrowable(() -> client().token(TOKEN).build().download(Benchmark.KMMLU_REDUX));
    // THEN
    String url = hub.hubUri() + "/api/datasets/LGAI-EXAONE/KMMLU-Redux/revision/main";
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            url
                + ": HTTP 503 from GET "
                + url
                + "; retry later, or use offline(true) with a filled cache");
    then(thrown.toString()).doesNotContain(TOKEN);
  }

  @Test
  void should_stop_after_five_redirects_when_the_hub_redirects_in_a_loop() {
    // GIVEN
    String path = "/api/datasets/" + REDUX + "/revision/main";
    hub.onHub(path, FakeHub.redirect(307, path));
    // WHEN
    Throwable thrown =
        catchThrowable(() -> client().token(TOKEN).build().download(Benchmark.KMMLU_REDUX));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(hub.hubUri() + path + ": more than 5 redirects; the hub may be misconfigured");
    then(hub.requests()).hasSize(6);
  }

  @Test
  void should_follow_a_relative_redirect_on_the_hub_with_the_token() throws IOException {
    // GIVEN
    hub.serveRepo(REDUX, COMMIT, Map.of("data/kmmlu_redux.jsonl", REDUX_ROWS));
    hub.onHub(
        "/datasets/" + REDUX + "/resolve/" + COMMIT + "/data/kmmlu_redux.jsonl",
        FakeHub.redirect(302, "/api/resolve-cache/x"));
    hub.onHub(
        "/api/resolve-cache/x", FakeHub.bytes(200, REDUX_ROWS.getBytes(StandardCharsets.UTF_8)));
    // WHEN
    HubSnapshot snapshot = client().token(TOKEN).build().download(Benchmark.KMMLU_REDUX);
    // THEN
    then(read(snapshot.files().get(0))).isEqualTo(REDUX_ROWS);
    then(hub.requests().get(3))
        .isEqualTo(
            new FakeHub.Request(
                FakeHub.HUB, "/api/resolve-cache/x", Optional.of("Bearer " + TOKEN)));
  }

  @Test
  void should_leave_no_file_when_the_connection_drops_in_the_middle_of_a_file() throws IOException {
    // GIVEN
    byte[] body = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
    hub.serveRepo(
        REDUX, COMMIT, Map.of("data/kmmlu_redux.jsonl", new String(body, StandardCharsets.UTF_8)));
    hub.onCdn("/cdn/" + REDUX + "/data/kmmlu_redux.jsonl", FakeHub.dropAfter(body, 1_000));
    // WHEN
    Throwable thrown =
        catchThrowable(() -> client().token(TOKEN).build().download(Benchmark.KMMLU_REDUX));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessageStartingWith(
            hub.hubUri()
                + "/datasets/"
                + REDUX
                + "/resolve/"
                + COMMIT
                + "/data/kmmlu_redux.jsonl: download failed: ")
        .hasMessageEndingWith("; nothing was cached, run the download again");
    then(thrown.toString()).doesNotContain(TOKEN);
    then(filesUnder(cache)).isEmpty();
  }

  @Test
  void should_leave_no_file_when_the_body_is_shorter_than_the_listed_size() throws IOException {
    // GIVEN
    hub.serveRepo(REDUX, COMMIT, Map.of("data/kmmlu_redux.jsonl", REDUX_ROWS));
    hub.onCdn(
        "/cdn/" + REDUX + "/data/kmmlu_redux.jsonl",
        FakeHub.bytes(200, "short".getBytes(StandardCharsets.UTF_8)));
    // WHEN
    Throwable thrown = catchThrowable(() -> client().build().download(Benchmark.KMMLU_REDUX));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessageEndingWith(
            "/data/kmmlu_redux.jsonl: received 5 bytes, but the hub lists "
                + REDUX_ROWS.getBytes(StandardCharsets.UTF_8).length
                + "; run the download again");
    then(filesUnder(cache)).isEmpty();
  }

  @Test
  void should_refuse_a_listed_path_that_leaves_the_snapshot_directory() throws IOException {
    // GIVEN
    hub.onHub(
        "/api/datasets/" + REDUX + "/revision/main",
        FakeHub.json(200, "{\"sha\":\"" + COMMIT + "\"}"));
    hub.onHub(
        "/api/datasets/" + REDUX + "/tree/" + COMMIT + "/data",
        FakeHub.json(
            200, "[{\"type\":\"file\",\"path\":\"data/../../../evil.jsonl\",\"size\":1}]"));
    // WHEN
    Throwable thrown = catchThrowable(() -> client().build().download(Benchmark.KMMLU_REDUX));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            "LGAI-EXAONE/KMMLU-Redux: the hub listed the unsafe file path"
                + " \"data/../../../evil.jsonl\"; refusing to write it");
    then(filesUnder(cache)).isEmpty();
    then(hub.targets(FakeHub.HUB)).hasSize(2);
  }

  @Test
  void should_refuse_an_api_answer_larger_than_the_limit() {
    // GIVEN
    hub.onHub(
        "/api/datasets/" + REDUX + "/revision/main",
        FakeHub.json(200, "{\"sha\":\"" + COMMIT + "\",\"padding\":\"" + "p".repeat(200) + "\"}"));
    // WHEN
    Throwable thrown =
        catchThrowable(
            () -> client().maxResponseBytes(100).build().download(Benchmark.KMMLU_REDUX));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            hub.hubUri()
                + "/api/datasets/LGAI-EXAONE/KMMLU-Redux/revision/main: the answer is"
                + " larger than the limit of 100 bytes");
  }

  @Test
  void should_list_what_is_missing_when_offline_with_an_empty_cache() {
    // GIVEN
    HubClient client = client().offline(true).build();
    // WHEN
    Throwable thrown = catchThrowable(() -> client.download(Benchmark.KMMLU));
    // THEN
    Path directory = cache.resolve("HAERAE-HUB--KMMLU").resolve("main");
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            directory
                + ": offline, but HAERAE-HUB/KMMLU at revision main is not in the cache:"
                + " missing data/*-test.csv and data/*-dev.csv and the snapshot record"
                + " .kmmlu-snapshot.json; run once with offline(false) to download it into "
                + cache
                + ", or load the files from a directory that holds them");
    then(hub.requests()).isEmpty();
  }

  @Test
  void should_read_the_cache_without_any_request_when_offline_with_a_full_cache() {
    // GIVEN
    hub.serveRepo(REDUX, COMMIT, Map.of("data/kmmlu_redux.jsonl", REDUX_ROWS));
    HubSnapshot online = client().build().download(Benchmark.KMMLU_REDUX);
    hub.clearRequests();
    // WHEN
    HubSnapshot offline = client().offline(true).build().download(Benchmark.KMMLU_REDUX);
    // THEN
    then(offline).isEqualTo(online);
    then(hub.requests()).isEmpty();
  }

  @Test
  void should_read_a_pinned_commit_from_the_cache_when_offline() {
    // GIVEN
    hub.serveRepo(REDUX, COMMIT, Map.of("data/kmmlu_redux.jsonl", REDUX_ROWS));
    HubSnapshot online = client().build().download(Benchmark.KMMLU_REDUX);
    hub.clearRequests();
    // WHEN
    HubSnapshot offline =
        client().offline(true).revision(COMMIT).build().download(Benchmark.KMMLU_REDUX);
    // THEN
    then(offline).isEqualTo(online);
    then(hub.requests()).isEmpty();
  }

  @Test
  void should_list_the_missing_files_when_offline_with_a_partial_cache() throws IOException {
    // GIVEN
    hub.serveRepo(KMMLU, COMMIT, Map.of("data/Law-dev.csv", "dev", "data/Law-test.csv", "test"));
    HubSnapshot online = client().build().download(Benchmark.KMMLU);
    Files.delete(online.directory().resolve("data/Law-test.csv"));
    // WHEN
    Throwable thrown =
        catchThrowable(() -> client().offline(true).build().download(Benchmark.KMMLU));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            online.directory()
                + ": offline, but the cached copy of HAERAE-HUB/KMMLU at revision "
                + COMMIT
                + " is incomplete: missing data/Law-test.csv; run once with"
                + " offline(false) to download them again, or load the files from a directory"
                + " that holds them");
  }

  @Test
  void should_encode_a_revision_with_slashes_as_one_segment_when_it_names_a_ref()
      throws IOException {
    // GIVEN
    hub.serveRepo(REDUX, COMMIT, Map.of("data/kmmlu_redux.jsonl", REDUX_ROWS));
    hub.onHub(
        "/api/datasets/" + REDUX + "/revision/refs%2Fconvert%2Fparquet",
        FakeHub.json(200, "{\"sha\":\"" + COMMIT + "\"}"));
    // WHEN
    HubSnapshot snapshot =
        client().revision("refs/convert/parquet").build().download(Benchmark.KMMLU_REDUX);
    // THEN
    then(snapshot.revision()).isEqualTo(COMMIT);
    then(hub.targets(FakeHub.HUB).get(0))
        .isEqualTo("/api/datasets/LGAI-EXAONE/KMMLU-Redux/revision/refs%2Fconvert%2Fparquet");
    then(read(cache.resolve("LGAI-EXAONE--KMMLU-Redux/refs/refs--convert--parquet")))
        .isEqualTo(COMMIT + "\n");
  }

  @Test
  void should_follow_the_next_link_when_the_tree_listing_has_several_pages() {
    // GIVEN
    hub.serveRepo(KMMLU, COMMIT, Map.of("data/Law-dev.csv", "dev", "data/Law-test.csv", "test"));
    String tree = "/api/datasets/" + KMMLU + "/tree/" + COMMIT + "/data";
    hub.onHub(
        tree,
        exchange -> {
          if (exchange.getRequestURI().getRawQuery().contains("cursor=2")) {
            FakeHub.json(200, "[{\"type\":\"file\",\"path\":\"data/Law-test.csv\",\"size\":4}]")
                .handle(exchange);
          } else {
            exchange
                .getResponseHeaders()
                .set("Link", "<" + tree + "?recursive=true&cursor=2>; rel=\"next\"");
            FakeHub.json(200, "[{\"type\":\"file\",\"path\":\"data/Law-dev.csv\",\"size\":3}]")
                .handle(exchange);
          }
        });
    // WHEN
    HubSnapshot snapshot = client().build().download(Benchmark.KMMLU);
    // THEN
    then(snapshot.relativePaths()).containsExactly("data/Law-dev.csv", "data/Law-test.csv");
    then(hub.targets(FakeHub.HUB))
        .contains(tree + "?recursive=true", tree + "?recursive=true&cursor=2");
  }
}
