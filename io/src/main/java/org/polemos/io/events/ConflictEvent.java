package org.polemos.io.events;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One event of a source dataset in the normalised form every importer produces. Text fields are as
 * the source writes them (trimmed; empty text becomes {@code null} for the nullable fields).
 *
 * @param dataset the id of the dataset the event comes from ({@link EventDataset#id()}: gtd, acled,
 *     ucdp, ...)
 * @param rowId the source's own id: GTD {@code eventid}, ACLED {@code event_id_cnty} (or {@code
 *     data_id} when that is empty), UCDP {@code id}
 * @param date the event's date; the first day of the period when only the month or year is known
 * @param precision how precisely the source knows {@code date}
 * @param country country name as the source writes it
 * @param admin1 first-level administrative unit (GTD {@code provstate}, ACLED {@code admin1}, UCDP
 *     {@code adm_1}), nullable
 * @param location place name (GTD {@code city}, ACLED {@code location}, UCDP {@code
 *     where_coordinates}), nullable
 * @param latitude WGS84 latitude, nullable (missing or out of range)
 * @param longitude WGS84 longitude, nullable (missing or out of range)
 * @param actor1 first actor (GTD {@code gname}, ACLED {@code actor1}, UCDP {@code side_a}),
 *     nullable
 * @param actor2 second actor (ACLED {@code actor2}, UCDP {@code side_b}; always null for the GTD),
 *     nullable
 * @param eventType event type (GTD {@code attacktype1_txt}, ACLED {@code event_type}, UCDP type of
 *     violence as text)
 * @param subEventType sub-event type (ACLED {@code sub_event_type} where the layout has it),
 *     nullable
 * @param fatalities deaths (GTD {@code nkill}, ACLED {@code fatalities}, UCDP {@code best}); null
 *     when unknown
 * @param line the 1-based line of the file on which the event's record starts
 */
public record ConflictEvent(
    String dataset,
    String rowId,
    LocalDate date,
    DatePrecision precision,
    String country,
    String admin1,
    String location,
    Double latitude,
    Double longitude,
    String actor1,
    String actor2,
    String eventType,
    String subEventType,
    Integer fatalities,
    long line) {

  public ConflictEvent {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(rowId, "rowId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(precision, "precision");
  }
}
