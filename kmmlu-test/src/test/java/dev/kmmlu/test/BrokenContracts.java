package dev.kmmlu.test;

import dev.kmmlu.Model;
import dev.kmmlu.Prompt;
import dev.kmmlu.Reply;
import dev.kmmlu.test.DefectiveWrapper.Defect;
import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Contract tests of deliberately broken models, run programmatically by {@link
 * ContractCheckFailuresTest}; surefire does not run these nested classes itself.
 */
final class BrokenContracts {
  private BrokenContracts() {}

  /** A contract of the defective wrapper with a short deadline, so hanging checks fail fast. */
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

  static final class Sound extends Defective {
    Sound() {
      super(Defect.NONE);
    }
  }

  static final class ReturnsNull extends Defective {
    ReturnsNull() {
      super(Defect.RETURNS_NULL);
    }
  }

  static final class RejectsFiveOptions extends Defective {
    RejectsFiveOptions() {
      super(Defect.REJECTS_FIVE_OPTIONS);
    }
  }

  static final class BlankId extends Defective {
    BlankId() {
      super(Defect.BLANK_ID);
    }
  }

  static final class ReturnsPreviousReply extends Defective {
    ReturnsPreviousReply() {
      super(Defect.RETURNS_PREVIOUS_REPLY);
    }
  }

  static final class EmptySuccessOnError extends Defective {
    EmptySuccessOnError() {
      super(Defect.EMPTY_SUCCESS_ON_ERROR);
    }
  }

  static final class RetriesForever extends Defective {
    RetriesForever() {
      super(Defect.RETRIES_FOREVER);
    }
  }

  static final class LeaksParseException extends Defective {
    LeaksParseException() {
      super(Defect.LEAKS_PARSE_EXCEPTION);
    }
  }

  static final class IgnoresInterrupts extends Defective {
    IgnoresInterrupts() {
      super(Defect.IGNORES_INTERRUPTS);
    }
  }

  static final class KeyInToString extends Defective {
    KeyInToString() {
      super(Defect.KEY_IN_TO_STRING);
    }
  }

  static final class KeyInException extends Defective {
    KeyInException() {
      super(Defect.KEY_IN_EXCEPTION);
    }
  }

  static final class DropsUsage extends Defective {
    DropsUsage() {
      super(Defect.DROPS_USAGE);
    }
  }

  static final class Latin1Request extends Defective {
    Latin1Request() {
      super(Defect.LATIN1_REQUEST);
    }
  }

  static final class Latin1Reply extends Defective {
    Latin1Reply() {
      super(Defect.LATIN1_REPLY);
    }
  }

  static final class WrongPath extends Defective {
    WrongPath() {
      super(Defect.WRONG_PATH);
    }
  }

  /** A plain model that fails when two calls overlap, as a non-thread-safe client would. */
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
  static final class NullModel extends ModelContract {
    @Override
    protected Model model() {
      return null;
    }
  }
}
