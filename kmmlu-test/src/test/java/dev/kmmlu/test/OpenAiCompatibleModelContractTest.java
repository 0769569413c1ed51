package dev.kmmlu.test;

import dev.kmmlu.Model;
import dev.kmmlu.OpenAiCompatibleModel;

/** The built-in OpenAI-compatible adapter passes every HTTP contract check with its defaults. */
class OpenAiCompatibleModelContractTest extends HttpModelContract {
  @Override
  protected Model model(StubModelServer server) {
    return OpenAiCompatibleModel.builder()
        .baseUrl(server.baseUrl())
        .apiKey(apiKey())
        .modelName("contract-model")
        .build();
  }
}
