package org.polemos.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code polemos} command. */
@Command(
    name = "polemos",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Simulates the recruitment flows and territorial change of a transnational insurgent organisation.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      ScenariosCommand.class,
      ScenarioCommand.class,
      ImportCommand.class,
      ReportCommand.class,
      CompareCommand.class,
      SweepCommand.class,
      CalibrateCommand.class,
      HindcastCommand.class,
      SensitivityCommand.class,
      MergeCommand.class,
      SlurmCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit status: 0 success; 1 invalid input (e.g. a scenario file with problems);",
      "2 usage error; 3 unexpected failure (reported in one line, never a stack trace).",
      "",
      "Examples:",
      "  polemos run",
      "  polemos run minimal --replications 100 --out runs/minimal",
      "  polemos report runs/minimal",
      "  polemos scenarios",
      "  polemos scenario show minimal > mine.yaml",
      "  polemos validate mine.yaml",
      "  polemos compare runs/base runs/variant --out variant-vs-base.csv",
      "  polemos sweep examples/minimal-sweep.yaml --out sweeps/minimal",
      "  polemos calibrate examples/levant-2014-calibration.yaml --out calibration/levant",
      "  polemos hindcast examples/levant-2014-hindcast.yaml --cutoff 2015-06-30 --out hindcast/levant",
      "  polemos sensitivity examples/minimal-sensitivity.yaml --out sensitivity/minimal",
      ""
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // An Error (OutOfMemoryError in a worker or in picocli itself) must still end in one line, not
    // a stack trace.
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> fatal(e));
    int status;
    try {
      status = commandLine().execute(args);
    } catch (Throwable e) {
      status = fatal(e);
    }
    System.exit(status);
  }

  private static int fatal(Throwable e) {
    try {
      System.err.println("polemos: " + ErrorHandlers.oneLine(ErrorHandlers.describe(e)));
      System.err.flush();
    } catch (Throwable ignored) {
      // nothing more can be said
    }
    return ExitCodes.FAILURE;
  }

  /**
   * The configured command line: subcommands and the handlers that turn every error into one line.
   */
  public static CommandLine commandLine() {
    return commandLine(Guice.createInjector(new PolemosModule()));
  }

  /** The command line with its commands created by {@code injector}. */
  static CommandLine commandLine(Injector injector) {
    GuiceFactory factory = new GuiceFactory(injector);
    CommandLine commandLine = new CommandLine(Main.class, factory);
    ImportCommand.addDatasets(commandLine.getSubcommands().get("import"), factory);
    // slurm passes the experiment's own options (-n 100, --set ...) through as arguments
    commandLine.getSubcommands().get("slurm").setUnmatchedOptionsArePositionalParams(true);
    HelpLayout.apply(commandLine, System.getenv("COLUMNS"));
    return commandLine
        .setParameterExceptionHandler(ErrorHandlers::onParameterError)
        .setExecutionExceptionHandler(ErrorHandlers::onExecutionError)
        .setExecutionStrategy(ErrorHandlers::refuseUnmatched);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
