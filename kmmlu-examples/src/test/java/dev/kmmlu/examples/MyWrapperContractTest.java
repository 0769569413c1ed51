package dev.kmmlu.examples;

import dev.kmmlu.Model;
import dev.kmmlu.test.HttpModelContract;
import dev.kmmlu.test.StubModelServer;

/**
 * Unit-tests {@link SimpleChatModel} with the kit: the inherited checks run it against a loopback
 * OpenAI-compatible stub server, offline, in about a second.
 */
class MyWrapperContractTest extends HttpModelContract {
  @Override
  protected Model model(StubModelServer server) {
    return new SimpleChatModel(server.baseUrl(), apiKey(), "my-model");
  }
}
