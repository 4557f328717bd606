package org.polemos.io.events;

import java.util.Locale;

/** The event datasets the importers read. */
public enum Dataset {
  /** Global Terrorism Database (START), globalterrorismdb CSV export. */
  GTD,
  /** Armed Conflict Location and Event Data (ACLED) CSV exports. */
  ACLED,
  /** Uppsala Conflict Data Program Georeferenced Event Dataset (UCDP GED) CSV. */
  UCDP;

  /** The lower-case name used on the command line ({@code gtd}, {@code acled}, {@code ucdp}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
