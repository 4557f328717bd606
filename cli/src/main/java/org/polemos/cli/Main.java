package org.polemos.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code polemos} command. */
@Command(name = "polemos", mixinStandardHelpOptions = true, version = "polemos 0.1.0-SNAPSHOT",
    description = "Simulates the recruitment flows and territorial change of a transnational insurgent organisation.")
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
