package dev.kmmlu.examples;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code kmmlu} command line: one subcommand per task ({@code datasets}, {@code evaluate},
 * {@code report}, {@code compare}, {@code extract}), each its own class registered in
 * {@link #newCommandLine()}.
 *
 * <p>Exit codes: 0 on success, 2 on a usage error, 1 on any other error, which prints one line to
 * standard error (and the stack trace with {@code --verbose}).
 */
@Command(
    name = "kmmlu",
    mixinStandardHelpOptions = true,
    versionProvider = KmmluCommand.Version.class,
    description = "Evaluate language models on KMMLU, KMMLU-HARD, KMMLU-Redux and KMMLU-Pro.",
    subcommands = {
      DatasetsCommand.class,
      EvaluateCommand.class,
      ExtractCommand.class,
      ReportCommand.class,
      CompareCommand.class
    })
public final class KmmluCommand implements Callable<Integer> {
  /** The exit code of a run that failed for a reason other than usage. */
  public static final int EXIT_FAILURE = 1;

  @Spec CommandSpec spec;

  /** Creates the top-level command; picocli calls this. */
  public KmmluCommand() {}

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** Returns a command line with the subcommands and this program's error handling. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new KmmluCommand());
    commandLine.setExecutionExceptionHandler(KmmluCommand::handle);
    commandLine.setParameterExceptionHandler(KmmluCommand::usageError);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  /** Fails with a usage error: a subcommand is required. */
  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "a subcommand is required, such as: kmmlu datasets --help");
  }

  /**
   * Prints a usage error as one line plus a pointer to the help, not the whole usage text, and
   * returns exit code 2.
   */
  private static int usageError(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("error: " + String.valueOf(exception.getMessage()).replaceAll("\\R", " "));
    err.println(
        "Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static int handle(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String message = exception.getMessage() == null ? exception.toString() : exception.getMessage();
    err.println("error: " + message.replaceAll("\\R", " "));
    Object command = commandLine.getCommand();
    if (command instanceof Verbosity && ((Verbosity) command).isVerbose()) {
      exception.printStackTrace(err);
    }
    err.flush();
    return EXIT_FAILURE;
  }

  /** A subcommand that can ask for stack traces on failure. */
  interface Verbosity {
    /** Returns whether errors print their stack trace. */
    boolean isVerbose();
  }

  /** Reports the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = KmmluCommand.class.getPackage().getImplementationVersion();
      return new String[] {"kmmlu " + (version == null ? "(development build)" : version)};
    }
  }
}
