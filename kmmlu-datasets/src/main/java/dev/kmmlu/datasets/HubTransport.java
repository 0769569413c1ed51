package dev.kmmlu.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Sends the hub's GET requests: adds the bearer token only for trusted origins, follows redirects
 * itself so that a redirect to another origin (the hub's file CDN) never carries the token, and
 * turns I/O failures into {@link DatasetException}s that name the URL but never the token.
 */
final class HubTransport {
  static final int MAX_REDIRECTS = 5;
  static final String USER_AGENT = "kmmlu-java";

  private final HttpClient client;
  private final String token;
  private final Set<String> trustedOrigins;
  private final Duration requestTimeout;

  HubTransport(HttpClient client, String token, List<URI> trusted, Duration requestTimeout) {
    this.client = client;
    this.token = token;
    this.trustedOrigins =
        trusted.stream()
            .map(HubTransport::origin)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.requestTimeout = requestTimeout;
  }

  boolean hasToken() {
    return token != null;
  }

  /**
   * Returns the response to a GET of {@code uri} after following up to {@link #MAX_REDIRECTS}
   * redirects, with the body still open; the caller closes it.
   */
  HttpResponse<InputStream> get(URI uri) {
    URI current = uri;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(current)
              .GET()
              .timeout(requestTimeout)
              .header("User-Agent", USER_AGENT);
      if (token != null && trustedOrigins.contains(origin(current))) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<InputStream> response = send(uri, current, request.build());
      if (!isRedirect(response.statusCode())) {
        return response;
      }
      Optional<String> location = response.headers().firstValue("Location");
      close(response);
      if (location.isEmpty()) {
        throw new DatasetException(
            uri.toString(),
            "HTTP "
                + response.statusCode()
                + " redirect from "
                + describe(current)
                + " has no Location header");
      }
      if (hop == MAX_REDIRECTS) {
        throw new DatasetException(
            uri.toString(),
            "more than " + MAX_REDIRECTS + " redirects; the hub may be misconfigured");
      }
      URI next;
      try {
        next = current.resolve(location.get().strip());
      } catch (IllegalArgumentException e) {
        throw new DatasetException(
            uri.toString(), "redirect to an invalid Location from " + describe(current), e);
      }
      String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new DatasetException(uri.toString(), "redirect to a non-HTTP location");
      }
      if ("https".equalsIgnoreCase(current.getScheme()) && scheme.equals("http")) {
        throw new DatasetException(
            uri.toString(), "refusing a redirect from https to plain http at " + next.getHost());
      }
      current = next;
    }
  }

  private HttpResponse<InputStream> send(URI original, URI current, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new DatasetException(
          original.toString(),
          "GET "
              + describe(current)
              + " failed: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatasetException(original.toString(), "interrupted while downloading", e);
    }
  }

  /** Closes a response body, ignoring failures: the body is not needed any more. */
  static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // the connection is discarded either way
    }
  }

  /**
   * Returns the URL without its query, which on a CDN holds a signature; enough to tell where a
   * failure happened.
   */
  static String describe(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getRawAuthority()
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port == -1) {
      port = scheme.equals("https") ? 443 : 80;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + ":" + port;
  }
}
