package dev.kmmlu.test;

import dev.kmmlu.Model;
import dev.kmmlu.Prompt;
import dev.kmmlu.Reply;
import dev.kmmlu.test.DefectiveWrapper.Defect;
import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Contract tests of deliberately broken models, run programmatically by {@link
 * ContractCheckFailuresTest}; surefire does not run these nested classes itself.
 */
final class BrokenContracts {
  private static final String RUN_BY_CONTRACT_RUNNER = "dev.kmmlu.test.ContractRunner#isRunning";

  private BrokenContracts() {}

  /** A contract of the defective wrapper with a short deadline, so hanging checks fail fast. */
  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  abstract static class Defective extends HttpModelContract {
    private final Defect defect;

    Defective(Defect defect) {
      this.defect = defect;
    }

    @Override
    protected Model model(StubModelServer server) {
      return new DefectiveWrapper(server.baseUrl(), apiKey(), defect);
    }

    @Override
    protected Duration deadline() {
      return Duration.ofSeconds(2);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class Sound extends Defective {
    Sound() {
      super(Defect.NONE);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class ReturnsNull extends Defective {
    ReturnsNull() {
      super(Defect.RETURNS_NULL);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class RejectsFiveOptions extends Defective {
    RejectsFiveOptions() {
      super(Defect.REJECTS_FIVE_OPTIONS);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class BlankId extends Defective {
    BlankId() {
      super(Defect.BLANK_ID);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class ReturnsPreviousReply extends Defective {
    ReturnsPreviousReply() {
      super(Defect.RETURNS_PREVIOUS_REPLY);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class EmptySuccessOnError extends Defective {
    EmptySuccessOnError() {
      super(Defect.EMPTY_SUCCESS_ON_ERROR);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class RetriesForever extends Defective {
    RetriesForever() {
      super(Defect.RETRIES_FOREVER);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class LeaksParseException extends Defective {
    LeaksParseException() {
      super(Defect.LEAKS_PARSE_EXCEPTION);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class NoContentAsEmptyReply extends Defective {
    NoContentAsEmptyReply() {
      super(Defect.NO_CONTENT_AS_EMPTY_REPLY);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class NullContentAsText extends Defective {
    NullContentAsText() {
      super(Defect.NULL_CONTENT_AS_TEXT);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class ClearsInterruptFlag extends Defective {
    ClearsInterruptFlag() {
      super(Defect.CLEARS_INTERRUPT_FLAG);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class IgnoresInterrupts extends Defective {
    IgnoresInterrupts() {
      super(Defect.IGNORES_INTERRUPTS);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class KeyInToString extends Defective {
    KeyInToString() {
      super(Defect.KEY_IN_TO_STRING);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class KeyInException extends Defective {
    KeyInException() {
      super(Defect.KEY_IN_EXCEPTION);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class DropsUsage extends Defective {
    DropsUsage() {
      super(Defect.DROPS_USAGE);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class Latin1Request extends Defective {
    Latin1Request() {
      super(Defect.LATIN1_REQUEST);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class Latin1Reply extends Defective {
    Latin1Reply() {
      super(Defect.LATIN1_REPLY);
    }
  }

  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class WrongPath extends Defective {
    WrongPath() {
      super(Defect.WRONG_PATH);
    }
  }

  /** A plain model that fails when two calls overlap, as a non-thread-safe client would. */
  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class NotThreadSafe extends ModelContract {
    private final AtomicInteger inFlight = new AtomicInteger();

    @Override
    protected Model model() {
      return new Model() {
        @Override
        public Reply respond(Prompt prompt) {
          inFlight.incrementAndGet();
          try {
            long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (inFlight.get() < 2 && System.nanoTime() < until) {
              Thread.onSpinWait();
            }
            if (inFlight.get() > 1) {
              throw new ConcurrentModificationException("client used by two threads");
            }
            return Reply.of("정답: A");
          } finally {
            inFlight.decrementAndGet();
          }
        }

        @Override
        public String id() {
          return "not-thread-safe";
        }
      };
    }

    @Override
    protected Duration deadline() {
      return Duration.ofSeconds(5);
    }
  }

  /** A plain model whose id changes on every call. */
  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class ChangingId extends ModelContract {
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    protected Model model() {
      return new Model() {
        @Override
        public Reply respond(Prompt prompt) {
          return Reply.of("정답: A");
        }

        @Override
        public String id() {
          return "changing:" + calls.incrementAndGet();
        }
      };
    }
  }

  /** A plain contract whose model() returns null. */
  @EnabledIf(RUN_BY_CONTRACT_RUNNER)
  static final class NullModel extends ModelContract {
    @Override
    protected Model model() {
      return null;
    }
  }
}
