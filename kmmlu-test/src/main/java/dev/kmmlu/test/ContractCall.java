package dev.kmmlu.test;

import dev.kmmlu.Model;
import dev.kmmlu.Prompt;
import dev.kmmlu.Reply;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One {@code respond} call on its own thread, so a contract check can bound its wait. */
final class ContractCall {
  private final Thread thread;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Reply reply;
  private volatile Throwable thrown;
  private volatile boolean interruptFlagAfter;

  private ContractCall(Model model, Prompt prompt, CountDownLatch start, String name) {
    thread =
        new Thread(
            () -> {
              try {
                start.await();
                reply = model.respond(prompt);
              } catch (Throwable t) {
                thrown = t;
              } finally {
                interruptFlagAfter = Thread.currentThread().isInterrupted();
                done.countDown();
              }
            },
            name);
    thread.setDaemon(true);
  }

  /** Starts a call that begins once {@code start} opens. */
  static ContractCall start(Model model, Prompt prompt, CountDownLatch start, String name) {
    ContractCall call = new ContractCall(model, prompt, start, name);
    call.thread.start();
    return call;
  }

  /** Starts a call at once. */
  static ContractCall start(Model model, Prompt prompt) {
    return start(model, prompt, new CountDownLatch(0), "model-contract-call");
  }

  /** Returns whether the call finished within {@code timeout}; interrupts it when it did not. */
  boolean await(Duration timeout) {
    try {
      if (done.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread.interrupt();
    return false;
  }

  boolean isDone() {
    return done.getCount() == 0;
  }

  void interrupt() {
    thread.interrupt();
  }

  Reply reply() {
    return reply;
  }

  Throwable thrown() {
    return thrown;
  }

  boolean interruptFlagAfter() {
    return interruptFlagAfter;
  }
}
