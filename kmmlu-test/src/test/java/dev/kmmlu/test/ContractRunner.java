package dev.kmmlu.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs one contract check of a contract class through the JUnit Platform, as a build would. */
final class ContractRunner {
  private static volatile boolean running;

  private ContractRunner() {}

  /** Returns whether a contract check is being run by this runner; enables the broken contracts. */
  static boolean isRunning() {
    return running;
  }

  /** The result of one check: its status and, when it failed, why. */
  record Result(TestExecutionResult.Status status, Optional<Throwable> failure) {}

  static Result run(Class<?> contract, String check) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectMethod(contract, check)).build();
    List<Result> results = new ArrayList<>();
    Launcher launcher = LauncherFactory.create();
    running = true;
    try {
      launcher.execute(
        request,
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            if (identifier.isTest()) {
              results.add(new Result(result.getStatus(), result.getThrowable()));
            }
          }
        });
    } finally {
      running = false;
    }
    if (results.size() != 1) {
      throw new IllegalStateException(
          "expected one test to run for " + contract.getSimpleName() + "." + check + ", but "
              + results.size() + " ran");
    }
    return results.get(0);
  }
}
