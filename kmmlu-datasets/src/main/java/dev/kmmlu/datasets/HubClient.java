package dev.kmmlu.datasets;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client that downloads a benchmark's data files from the dataset hub (by default huggingface.co)
 * into a local cache, and reads them back from the cache when offline. Instances are immutable and
 * thread-safe; build one with {@link #builder()}.
 *
 * <pre>{@code
 * HubClient hub = HubClient.builder().tokenFromEnvironment().build();
 * HubSnapshot snapshot = hub.download(Benchmark.KMMLU_REDUX);
 * List<Path> files = snapshot.files();      // e.g. .../LGAI-EXAONE--KMMLU-Redux/<commit>/data/...
 * }</pre>
 *
 * <p>What {@link #download(Benchmark)} does, online:
 *
 * <ol>
 *   <li>resolves the revision (default {@code main}) to a commit with {@code GET
 *       /api/datasets/<repo>/revision/<revision>}, so every later request and the cache directory
 *       are pinned to that commit;
 *   <li>lists {@code data/} with the tree API and picks the raw files: for KMMLU and KMMLU-HARD the
 *       {@code *-test.csv} and {@code *-dev.csv} files, for KMMLU-Redux and KMMLU-Pro every {@code
 *       .jsonl}, {@code .json} and {@code .csv} file;
 *   <li>downloads each file from {@code /datasets/<repo>/resolve/<commit>/<path>} into {@code
 *       <cache>/<owner>--<name>/<commit>/<path>}, skipping a file already cached with the listed
 *       size. Each file is written to a temporary file in the same directory and then moved into
 *       place atomically, so an interrupted download never leaves a partial file under its name;
 *   <li>when the repository has no raw file (only parquet), reads the rows from the datasets
 *       server's {@code /rows} API, 100 at a time, and writes each test (and, for KMMLU, dev) split
 *       as JSON Lines {@code data/<config>-<split>.jsonl}. The datasets server serves the default
 *       branch, whatever revision was asked for.
 * </ol>
 *
 * <p>Offline ({@link Builder#offline(boolean)}), it reads only the cache and makes no request; a
 * snapshot that is missing or incomplete fails with a {@link DatasetException} naming what is
 * missing.
 *
 * <p>Security: the token is sent as {@code Authorization: Bearer} only to the origins of the
 * endpoint and of the datasets server. Redirects are followed by this class (at most 5 hops), and a
 * redirect to any other origin, such as the hub's file CDN, goes without the token; a redirect from
 * https to http is refused. The token never appears in {@link #toString()} or in exception
 * messages. API answers are capped at 64 MiB; files stream to disk.
 */
public final class HubClient {
  /** The default hub endpoint, {@code https://huggingface.co}. */
  public static final URI DEFAULT_ENDPOINT = URI.create("https://huggingface.co");

  /** The default datasets server, {@code https://datasets-server.huggingface.co}. */
  public static final URI DEFAULT_DATASETS_SERVER =
      URI.create("https://datasets-server.huggingface.co");

  /** The default revision, the {@code main} branch. */
  public static final String DEFAULT_REVISION = "main";

  static final String MANIFEST = ".kmmlu-snapshot.json";
  static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
  static final int ROWS_PER_PAGE = 100;
  static final int MAX_TREE_PAGES = 1000;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,254}");
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

  private final URI endpoint;
  private final URI datasetsServer;
  private final Path cacheDirectory;
  private final String revision;
  private final boolean offline;
  private final long maxResponseBytes;
  private final HubTransport transport;

  private HubClient(Builder builder) {
    this.endpoint = builder.endpoint;
    this.datasetsServer = builder.datasetsServer;
    this.cacheDirectory =
        builder.cacheDirectory != null
            ? builder.cacheDirectory
            : Path.of(System.getProperty("user.home"), ".cache", "kmmlu");
    this.revision = builder.revision;
    this.offline = builder.offline;
    this.maxResponseBytes = builder.maxResponseBytes;
    HttpClient client =
        builder.httpClient != null
            ? builder.httpClient
            : HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(builder.connectTimeout)
                .build();
    this.transport =
        new HubTransport(
            client, builder.token, List.of(endpoint, datasetsServer), builder.requestTimeout);
  }

  /** Returns a new builder with the defaults: huggingface.co, {@code ~/.cache/kmmlu}, main. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the hub endpoint, such as {@code https://huggingface.co}. */
  public URI endpoint() {
    return endpoint;
  }

  /** Returns the datasets server used when a repository has no raw data file. */
  public URI datasetsServer() {
    return datasetsServer;
  }

  /** Returns the cache directory, by default {@code ~/.cache/kmmlu}. */
  public Path cacheDirectory() {
    return cacheDirectory;
  }

  /** Returns the requested revision: a branch, a tag or a commit. */
  public String revision() {
    return revision;
  }

  /** Returns whether the client reads only the cache and never makes a request. */
  public boolean isOffline() {
    return offline;
  }

  /** Returns whether the client has a token to send to the hub. */
  public boolean hasToken() {
    return transport.hasToken();
  }

  /**
   * Returns the benchmark's data files, downloaded into the cache (or, offline, found there).
   *
   * @throws DatasetException if the hub refuses access (the message says how to get it), the
   *     repository or revision does not exist, a request or a write fails, or, offline, the cache
   *     lacks the files
   */
  public HubSnapshot download(Benchmark benchmark) {
    requireNonNull(benchmark, "benchmark");
    return offline ? fromCache(benchmark) : fromHub(benchmark);
  }

  private HubSnapshot fromHub(Benchmark benchmark) {
    String repo = benchmark.hubId();
    Path repoDirectory = cacheDirectory.resolve(repoDirectoryName(repo));
    Optional<String> commit = resolveCommit(benchmark);
    String pinned = commit.orElse(revision);
    Path snapshotDirectory = repoDirectory.resolve(directoryName(pinned));

    List<TreeFile> wanted = new ArrayList<>();
    for (TreeFile file : listData(benchmark, pinned)) {
      if (isWanted(benchmark, file.path())) {
        wanted.add(file);
      }
    }
    wanted.sort(Comparator.comparing(TreeFile::path));

    Map<String, Long> written = new LinkedHashMap<>();
    String source;
    if (!wanted.isEmpty()) {
      source = "files";
      for (TreeFile file : wanted) {
        Path target = inside(snapshotDirectory, file.path(), repo);
        if (file.size() < 0 || !hasSize(target, file.size())) {
          downloadFile(benchmark, pinned, file, target);
        }
        written.put(file.path(), size(target));
      }
    } else {
      source = "rows";
      written.putAll(fetchRows(benchmark, snapshotDirectory));
    }
    writeManifest(benchmark, pinned, commit.isPresent(), source, snapshotDirectory, written);
    if (commit.isPresent() && !commit.get().equals(revision)) {
      Path ref = repoDirectory.resolve("refs").resolve(directoryName(revision));
      writeAtomically(ref, (commit.get() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return snapshot(benchmark, pinned, snapshotDirectory, written.keySet());
  }

  private Optional<String> resolveCommit(Benchmark benchmark) {
    URI uri = apiUri(benchmark, "revision", revision, "");
    JsonNode info = readJson(open(uri, benchmark, revision), uri);
    JsonNode sha = info.path("sha");
    if (!sha.isTextual()) {
      return Optional.empty();
    }
    String commit = sha.asText();
    if (!SAFE_NAME.matcher(commit).matches()) {
      throw new DatasetException(
          uri.toString(), "field \"sha\" must be a commit id, but was \"" + commit + "\"");
    }
    return Optional.of(commit);
  }

  private List<TreeFile> listData(Benchmark benchmark, String pinned) {
    List<TreeFile> files = new ArrayList<>();
    URI uri = apiUri(benchmark, "tree", pinned, "/data?recursive=true");
    for (int page = 0; uri != null; page++) {
      if (page == MAX_TREE_PAGES) {
        throw new DatasetException(uri.toString(), "the tree listing has more than 1000 pages");
      }
      HttpResponse<InputStream> response = transport.get(uri);
      if (response.statusCode() == 404 && isMissingEntry(response)) {
        HubTransport.close(response);
        return files;
      }
      HttpResponse<InputStream> listing = checked(response, uri, benchmark, pinned);
      Optional<String> link = listing.headers().firstValue("Link");
      URI answered = listing.uri();
      JsonNode entries = readJson(listing, uri);
      if (!entries.isArray()) {
        throw new DatasetException(uri.toString(), "the tree listing must be a JSON array");
      }
      for (JsonNode entry : entries) {
        if ("file".equals(entry.path("type").asText()) && entry.path("path").isTextual()) {
          files.add(
              new TreeFile(
                  entry.path("path").asText(),
                  entry.path("size").canConvertToLong() ? entry.path("size").asLong() : -1));
        }
      }
      uri = link.flatMap(value -> nextLink(value, answered)).orElse(null);
    }
    return files;
  }

  private static boolean isMissingEntry(HttpResponse<InputStream> response) {
    String code = response.headers().firstValue("X-Error-Code").orElse("");
    return !code.equals("RepoNotFound") && !code.equals("RevisionNotFound");
  }

  private static Optional<URI> nextLink(String header, URI base) {
    Matcher matcher = NEXT_LINK.matcher(header);
    if (!matcher.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(base.resolve(matcher.group(1)));
    } catch (IllegalArgumentException e) {
      throw new DatasetException(base.toString(), "the Link header holds an invalid URL", e);
    }
  }

  private static boolean isWanted(Benchmark benchmark, String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("data/")) {
      return false;
    }
    switch (benchmark) {
      case KMMLU:
      case KMMLU_HARD:
        return lower.endsWith("-test.csv") || lower.endsWith("-dev.csv");
      case KMMLU_REDUX:
      case KMMLU_PRO:
      default:
        return lower.endsWith(".jsonl") || lower.endsWith(".json") || lower.endsWith(".csv");
    }
  }

  private void downloadFile(Benchmark benchmark, String pinned, TreeFile file, Path target) {
    URI uri =
        URI.create(
            base(endpoint)
                + "/datasets/"
                + encodePath(benchmark.hubId())
                + "/resolve/"
                + encodeSegment(pinned)
                + "/"
                + encodePath(file.path()));
    HttpResponse<InputStream> response = open(uri, benchmark, pinned);
    Path temp = null;
    try (InputStream body = response.body()) {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
      long count;
      try (OutputStream out = Files.newOutputStream(temp)) {
        count = body.transferTo(out);
      }
      if (file.size() >= 0 && count != file.size()) {
        throw new DatasetException(
            uri.toString(),
            "received "
                + count
                + " bytes, but the hub lists "
                + file.size()
                + "; run the download again");
      }
      move(temp, target);
      temp = null;
    } catch (IOException e) {
      throw new DatasetException(
          uri.toString(),
          "download failed: " + describe(e) + "; nothing was cached, run the download again",
          e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private Map<String, Long> fetchRows(Benchmark benchmark, Path snapshotDirectory) {
    String repo = benchmark.hubId();
    URI splitsUri = URI.create(base(datasetsServer) + "/splits?dataset=" + encodeQuery(repo));
    JsonNode listing = readJson(open(splitsUri, benchmark, revision), splitsUri);
    Set<String> splits =
        benchmark == Benchmark.KMMLU || benchmark == Benchmark.KMMLU_HARD
            ? Set.of("test", "dev")
            : Set.copyOf(benchmark.splits());
    Map<String, Long> cached = readManifestFiles(snapshotDirectory).orElse(Map.of());
    Map<String, Long> written = new LinkedHashMap<>();
    for (JsonNode entry : listing.path("splits")) {
      String config = entry.path("config").asText("");
      String split = entry.path("split").asText("");
      if (!splits.contains(split)) {
        continue;
      }
      if (!SAFE_NAME.matcher(config).matches() || !SAFE_NAME.matcher(split).matches()) {
        throw new DatasetException(
            splitsUri.toString(),
            "config and split must be plain names, but were \""
                + config
                + "\" and \""
                + split
                + "\"");
      }
      String path = "data/" + config + "-" + split + ".jsonl";
      Path target = inside(snapshotDirectory, path, repo);
      Long size = cached.get(path);
      if (size == null || !hasSize(target, size)) {
        fetchSplit(benchmark, config, split, target);
      }
      written.put(path, size(target));
    }
    if (written.isEmpty()) {
      throw new DatasetException(
          splitsUri.toString(),
          repo
              + " has no raw data file under data/ and the datasets server lists none of the"
              + " splits "
              + new TreeSet<>(splits)
              + "; check that the repository and revision are the benchmark's");
    }
    return written;
  }

  private void fetchSplit(Benchmark benchmark, String config, String split, Path target) {
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
      try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        long total = -1;
        long offset = 0;
        while (total < 0 || offset < total) {
          URI uri =
              URI.create(
                  base(datasetsServer)
                      + "/rows?dataset="
                      + encodeQuery(benchmark.hubId())
                      + "&config="
                      + encodeQuery(config)
                      + "&split="
                      + encodeQuery(split)
                      + "&offset="
                      + offset
                      + "&length="
                      + ROWS_PER_PAGE);
          JsonNode page = readJson(open(uri, benchmark, revision), uri);
          if (!page.path("num_rows_total").canConvertToLong() || !page.path("rows").isArray()) {
            throw new DatasetException(
                uri.toString(), "the rows answer must hold \"rows\" and \"num_rows_total\"");
          }
          total = page.path("num_rows_total").asLong();
          ArrayNode rows = (ArrayNode) page.path("rows");
          if (rows.isEmpty() && offset < total) {
            throw new DatasetException(
                uri.toString(),
                "the datasets server returned no rows at offset " + offset + " of " + total);
          }
          for (JsonNode row : rows) {
            if (row.path("truncated_cells").size() > 0) {
              throw new DatasetException(
                  uri.toString(),
                  "row "
                      + row.path("row_idx").asText()
                      + " has truncated cells "
                      + row.path("truncated_cells")
                      + "; the datasets server cannot serve it whole");
            }
            out.write(MAPPER.writeValueAsString(row.path("row")));
            out.write('\n');
          }
          offset += rows.size();
        }
      }
      move(temp, target);
      temp = null;
    } catch (IOException e) {
      throw new DatasetException(target.toString(), "writing the rows failed: " + describe(e), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private HubSnapshot fromCache(Benchmark benchmark) {
    String repo = benchmark.hubId();
    Path repoDirectory = cacheDirectory.resolve(repoDirectoryName(repo));
    String pinned = revision;
    Path ref = repoDirectory.resolve("refs").resolve(directoryName(revision));
    if (Files.isRegularFile(ref)) {
      try {
        String commit = Files.readString(ref, StandardCharsets.UTF_8).strip();
        if (SAFE_NAME.matcher(commit).matches()) {
          pinned = commit;
        }
      } catch (IOException e) {
        throw new DatasetException(ref.toString(), "cannot read: " + describe(e), e);
      }
    }
    Path snapshotDirectory = repoDirectory.resolve(directoryName(pinned));
    Optional<Map<String, Long>> files = readManifestFiles(snapshotDirectory);
    if (files.isEmpty()) {
      throw new DatasetException(
          snapshotDirectory.toString(),
          "offline, but "
              + repo
              + " at revision "
              + revision
              + " is not in the cache: missing "
              + expectedFiles(benchmark)
              + " and the snapshot record "
              + MANIFEST
              + "; run once with offline(false) to download it into "
              + cacheDirectory
              + ", or load the files from a directory that holds them");
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Long> file : files.get().entrySet()) {
      if (!hasSize(inside(snapshotDirectory, file.getKey(), repo), file.getValue())) {
        missing.add(file.getKey());
      }
    }
    if (!missing.isEmpty()) {
      throw new DatasetException(
          snapshotDirectory.toString(),
          "offline, but the cached copy of "
              + repo
              + " at revision "
              + pinned
              + " is incomplete: missing "
              + String.join(", ", missing)
              + "; run once with offline(false) to download them again, or load the files from"
              + " a directory that holds them");
    }
    return snapshot(benchmark, pinned, snapshotDirectory, files.get().keySet());
  }

  private static String expectedFiles(Benchmark benchmark) {
    switch (benchmark) {
      case KMMLU:
      case KMMLU_HARD:
        return "data/*-test.csv and data/*-dev.csv";
      case KMMLU_REDUX:
      case KMMLU_PRO:
      default:
        return "data/*.jsonl (or .json, .csv)";
    }
  }

  private void writeManifest(
      Benchmark benchmark,
      String pinned,
      boolean isCommit,
      String source,
      Path snapshotDirectory,
      Map<String, Long> files) {
    ObjectNode manifest = MAPPER.createObjectNode();
    manifest.put("repo", benchmark.hubId());
    manifest.put("revision", revision);
    if (isCommit) {
      manifest.put("commit", pinned);
    }
    manifest.put("source", source);
    ArrayNode list = manifest.putArray("files");
    files.forEach((path, size) -> list.addObject().put("path", path).put("size", size));
    try {
      writeAtomically(
          snapshotDirectory.resolve(MANIFEST),
          MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the snapshot record", e);
    }
  }

  private static Optional<Map<String, Long>> readManifestFiles(Path snapshotDirectory) {
    Path manifest = snapshotDirectory.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return Optional.empty();
    }
    try {
      JsonNode root = MAPPER.readTree(manifest.toFile());
      Map<String, Long> files = new LinkedHashMap<>();
      for (JsonNode file : root.path("files")) {
        files.put(file.path("path").asText(), file.path("size").asLong(-1));
      }
      return Optional.of(files);
    } catch (IOException e) {
      throw new DatasetException(
          manifest.toString(),
          "the snapshot record is unreadable: "
              + describe(e)
              + "; delete "
              + snapshotDirectory
              + " and download again",
          e);
    }
  }

  private HttpResponse<InputStream> open(URI uri, Benchmark benchmark, String atRevision) {
    return checked(transport.get(uri), uri, benchmark, atRevision);
  }

  private HttpResponse<InputStream> checked(
      HttpResponse<InputStream> response, URI uri, Benchmark benchmark, String atRevision) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response;
    }
    String code = response.headers().firstValue("X-Error-Code").orElse("");
    HubTransport.close(response);
    String repo = benchmark.hubId();
    if (status == 404 || code.equals("RepoNotFound") || code.equals("RevisionNotFound")) {
      throw new DatasetException(
          uri.toString(),
          "HTTP "
              + status
              + ": dataset "
              + repo
              + " at revision "
              + atRevision
              + " was not found; check the repository id and that the revision is an existing"
              + " branch, tag or commit");
    }
    if (status == 401 || status == 403) {
      String terms = "https://huggingface.co/datasets/" + repo;
      boolean gated = benchmark.isGated() || code.equals("GatedRepo");
      String what = gated ? "is a gated dataset" : "may be gated or private";
      if (!transport.hasToken()) {
        throw new DatasetException(
            uri.toString(),
            "HTTP "
                + status
                + ": "
                + repo
                + " "
                + what
                + " and no token was sent; accept its"
                + " terms at "
                + terms
                + " while logged in, create a read token at"
                + " https://huggingface.co/settings/tokens, then set HF_TOKEN and call"
                + " HubClient.builder().tokenFromEnvironment(), or pass it with token(String)");
      }
      throw new DatasetException(
          uri.toString(),
          "HTTP "
              + status
              + ": the hub refused the token for "
              + repo
              + ", which "
              + what
              + "; accept its terms at "
              + terms
              + " with the account that owns the token, and"
              + " check that the token may read gated repositories");
    }
    throw new DatasetException(
        uri.toString(),
        "HTTP "
            + status
            + " from GET "
            + HubTransport.describe(response.uri())
            + "; retry later, or use offline(true) with a filled cache");
  }

  private JsonNode readJson(HttpResponse<InputStream> response, URI uri) {
    byte[] bytes;
    try (InputStream body = response.body()) {
      bytes = body.readNBytes(Math.toIntExact(maxResponseBytes + 1));
    } catch (IOException e) {
      throw new DatasetException(uri.toString(), "reading the answer failed: " + describe(e), e);
    }
    if (bytes.length > maxResponseBytes) {
      throw new DatasetException(
          uri.toString(), "the answer is larger than the limit of " + maxResponseBytes + " bytes");
    }
    try {
      return MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new DatasetException(uri.toString(), "the answer is not valid JSON", e);
    }
  }

  private URI apiUri(Benchmark benchmark, String kind, String atRevision, String suffix) {
    return URI.create(
        base(endpoint)
            + "/api/datasets/"
            + encodePath(benchmark.hubId())
            + "/"
            + kind
            + "/"
            + encodeSegment(atRevision)
            + suffix);
  }

  private static String base(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** Percent-encodes one path segment: everything but RFC 3986 unreserved characters. */
  static String encodeSegment(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }

  private static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(encodeSegment(segment));
    }
    return out.toString();
  }

  private static String encodeQuery(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String repoDirectoryName(String repo) {
    return repo.replace("/", "--");
  }

  private static String directoryName(String revision) {
    return revision.replace("/", "--");
  }

  /** Returns the cache path of a repository file, refusing paths that would leave the snapshot. */
  private static Path inside(Path snapshotDirectory, String path, String repo) {
    boolean safe =
        !path.isEmpty() && !path.startsWith("/") && path.indexOf('\\') < 0 && path.indexOf(':') < 0;
    for (String segment : path.split("/", -1)) {
      safe &= !segment.isEmpty() && !segment.equals(".") && !segment.equals("..");
    }
    Path target = snapshotDirectory.resolve(path).normalize();
    if (!safe || !target.startsWith(snapshotDirectory.normalize())) {
      throw new DatasetException(
          repo, "the hub listed the unsafe file path \"" + path + "\"; refusing to write it");
    }
    return target;
  }

  private static HubSnapshot snapshot(
      Benchmark benchmark, String pinned, Path snapshotDirectory, Set<String> paths) {
    List<Path> files = new ArrayList<>();
    for (String path : new TreeSet<>(paths)) {
      files.add(inside(snapshotDirectory, path, benchmark.hubId()));
    }
    return new HubSnapshot(benchmark, pinned, snapshotDirectory.normalize(), files);
  }

  private static boolean hasSize(Path file, long size) {
    try {
      return Files.isRegularFile(file) && Files.size(file) == size;
    } catch (IOException e) {
      return false;
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new DatasetException(file.toString(), "cannot read the cached file: " + describe(e), e);
    }
  }

  private static void writeAtomically(Path target, byte[] bytes) {
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
      Files.write(temp, bytes);
      move(temp, target);
      temp = null;
    } catch (IOException e) {
      throw new DatasetException(target.toString(), "cannot write: " + describe(e), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // a stray temporary file is harmless: it never has a data file's name
      }
    }
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }

  /** Returns the settings, with the token shown as {@code ***} when one is set. */
  @Override
  public String toString() {
    return "HubClient[endpoint="
        + endpoint
        + ", datasetsServer="
        + datasetsServer
        + ", cacheDirectory="
        + cacheDirectory
        + ", revision="
        + revision
        + ", offline="
        + offline
        + ", token="
        + (transport.hasToken() ? "***" : "none")
        + "]";
  }

  private record TreeFile(String path, long size) {}

  /**
   * A builder of {@link HubClient}s. Not thread-safe; each setter validates its argument and
   * returns this builder.
   */
  public static final class Builder {
    private URI endpoint = DEFAULT_ENDPOINT;
    private URI datasetsServer = DEFAULT_DATASETS_SERVER;
    private Path cacheDirectory;
    private String token;
    private String revision = DEFAULT_REVISION;
    private boolean offline;
    private HttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    private Builder() {}

    /**
     * Sets the hub endpoint, such as a mirror's URL.
     *
     * @throws IllegalArgumentException if it is not an absolute http or https URI with a host
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = checkHttp("endpoint", endpoint);
      return this;
    }

    /**
     * Sets the datasets server, used when a repository has only parquet files.
     *
     * @throws IllegalArgumentException if it is not an absolute http or https URI with a host
     */
    public Builder datasetsServer(URI datasetsServer) {
      this.datasetsServer = checkHttp("datasetsServer", datasetsServer);
      return this;
    }

    /** Sets the cache directory; by default {@code ~/.cache/kmmlu} under {@code user.home}. */
    public Builder cacheDirectory(Path cacheDirectory) {
      this.cacheDirectory = requireNonNull(cacheDirectory, "cacheDirectory").toAbsolutePath();
      return this;
    }

    /**
     * Sets the access token, replacing any token set before.
     *
     * @throws IllegalArgumentException if it is blank
     */
    public Builder token(String token) {
      requireNonNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("token must not be blank");
      }
      this.token = token.strip();
      return this;
    }

    /**
     * Takes the token from the process environment by the hub's convention; see {@link
     * #tokenFromEnvironment(Map)}.
     */
    public Builder tokenFromEnvironment() {
      return tokenFromEnvironment(System.getenv());
    }

    /**
     * Takes the token from {@code environment} by the hub's convention, replacing any token set
     * before: the {@code HF_TOKEN} variable, else the file {@code $HF_HOME/token}, where {@code
     * HF_HOME} defaults to {@code $XDG_CACHE_HOME/huggingface}, then to {@code
     * ~/.cache/huggingface}. Leaves no token when neither exists.
     *
     * @throws DatasetException if the token file exists but cannot be read
     */
    public Builder tokenFromEnvironment(Map<String, String> environment) {
      requireNonNull(environment, "environment");
      this.token = HubTokens.find(environment, System.getProperty("user.home")).orElse(null);
      return this;
    }

    /**
     * Applies the hub's own environment conventions from the process environment; see {@link
     * #fromEnvironment(Map)}.
     */
    public Builder fromEnvironment() {
      return fromEnvironment(System.getenv());
    }

    /**
     * Applies the hub's own environment conventions from {@code environment}: the token as {@link
     * #tokenFromEnvironment(Map)} finds it, the endpoint from {@code HF_ENDPOINT} (for mirrors and
     * test servers), and offline mode when {@code HF_HUB_OFFLINE} is {@code 1} or {@code true}.
     *
     * @throws IllegalArgumentException if {@code HF_ENDPOINT} is not an http or https URL
     * @throws DatasetException if the token file exists but cannot be read
     */
    public Builder fromEnvironment(Map<String, String> environment) {
      requireNonNull(environment, "environment");
      tokenFromEnvironment(environment);
      String endpoint = environment.get("HF_ENDPOINT");
      if (endpoint != null && !endpoint.isBlank()) {
        URI uri;
        try {
          uri = URI.create(endpoint.strip());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "HF_ENDPOINT must be an http or https URL, but was \"" + endpoint + "\"", e);
        }
        if (uri.getScheme() == null
            || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
            || uri.getHost() == null) {
          throw new IllegalArgumentException(
              "HF_ENDPOINT must be an http or https URL, but was \"" + endpoint + "\"");
        }
        endpoint(uri);
      }
      String offline = environment.getOrDefault("HF_HUB_OFFLINE", "");
      if (offline.equals("1") || offline.equalsIgnoreCase("true")) {
        offline(true);
      }
      return this;
    }

    /**
     * Sets the revision: a branch, a tag or a commit (default {@code main}).
     *
     * @throws IllegalArgumentException if it is not a plain name of letters, digits, {@code .},
     *     {@code _}, {@code -} and {@code /}, or contains {@code ..}
     */
    public Builder revision(String revision) {
      requireNonNull(revision, "revision");
      if (!REVISION.matcher(revision).matches()
          || revision.contains("..")
          || revision.endsWith("/")) {
        throw new IllegalArgumentException(
            "revision must be a branch, tag or commit name, but was \"" + revision + "\"");
      }
      this.revision = revision;
      return this;
    }

    /** Sets whether to read only the cache and never make a request (default false). */
    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    /**
     * Sets the HTTP client; it must not follow redirects, because this client follows them itself
     * to keep the token from other hosts. The connect timeout is then the client's own.
     *
     * @throws IllegalArgumentException if the client follows redirects
     */
    public Builder httpClient(HttpClient httpClient) {
      requireNonNull(httpClient, "httpClient");
      if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException(
            "httpClient must use HttpClient.Redirect.NEVER, but was "
                + httpClient.followRedirects());
      }
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Sets the connect timeout of the default HTTP client (default 10 seconds).
     *
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = checkPositive("connectTimeout", connectTimeout);
      return this;
    }

    /**
     * Sets how long to wait for each response's headers (default 60 seconds).
     *
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = checkPositive("requestTimeout", requestTimeout);
      return this;
    }

    Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1 || maxResponseBytes >= Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be between 1 and 2^31 - 2, but was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** Returns a client with these settings. */
    public HubClient build() {
      return new HubClient(this);
    }

    private static URI checkHttp(String name, URI uri) {
      requireNonNull(uri, name);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute()
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            name + " must be an absolute http or https URI without query, but was " + uri);
      }
      return uri;
    }

    private static Duration checkPositive(String name, Duration duration) {
      requireNonNull(duration, name);
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, but was " + duration);
      }
      return duration;
    }
  }
}
