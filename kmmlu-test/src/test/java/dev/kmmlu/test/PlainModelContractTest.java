package dev.kmmlu.test;

import dev.kmmlu.Model;

/** A scripted model passes the plain contract. */
class PlainModelContractTest extends ModelContract {
  @Override
  protected Model model() {
    return ScriptedModel.alwaysCorrect();
  }
}
