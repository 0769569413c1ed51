package dev.kmmlu.datasets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The datasets server's {@code /rows} API over {@code total} generated rows. */
final class FakeRows implements HttpHandler {
  private final int total;

  FakeRows(int total) {
    this.total = total;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Map<String, String> query = new HashMap<>();
    for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      query.put(parts[0], parts[1]);
    }
    int offset = Integer.parseInt(query.get("offset"));
    int length = Integer.parseInt(query.get("length"));
    StringBuilder rows = new StringBuilder();
    for (int index = offset; index < Math.min(total, offset + length); index++) {
      if (rows.length() > 0) {
        rows.append(',');
      }
      rows.append("{\"row_idx\":")
          .append(index)
          .append(",\"row\":{\"question\":\"q")
          .append(index)
          .append("\",\"solution\":\"")
          .append(index % 5 + 1)
          .append("\"},\"truncated_cells\":[]}");
    }
    String body =
        "{\"features\":[],\"rows\":["
            + rows
            + "],\"num_rows_total\":"
            + total
            + ",\"num_rows_per_page\":100,\"partial\":false}";
    FakeHub.json(200, body).handle(exchange);
  }
}
