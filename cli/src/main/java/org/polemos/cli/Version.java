package org.polemos.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The Polemos version, from the build (resource filtered by Maven). */
final class Version implements CommandLine.IVersionProvider {
  static final String VERSION = load();

  private static String load() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"polemos " + VERSION, "Java " + System.getProperty("java.version")};
  }
}
