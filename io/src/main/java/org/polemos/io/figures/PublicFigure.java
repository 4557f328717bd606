package org.polemos.io.figures;

import java.time.LocalDate;

/**
 * One row of a public-figures file ({@code date_from,date_to,quantity,key,unit,low,high,source}): a
 * publicly reported quantity over a period, as an interval (low = high for a point figure).
 *
 * @param from first day of the reporting period
 * @param to last day of the reporting period (not before {@code from})
 * @param quantity what was reported, e.g. {@code territory_held}
 * @param key what the figure is about, e.g. {@code organisation} or a source country's name
 * @param unit e.g. {@code km2}, {@code persons}, {@code usd_per_day}
 * @param low low end of the reported range
 * @param high high end (not below {@code low})
 * @param source who reported it
 * @param line line of the file the row starts on
 */
public record PublicFigure(
    LocalDate from,
    LocalDate to,
    String quantity,
    String key,
    String unit,
    double low,
    double high,
    String source,
    long line) {}
