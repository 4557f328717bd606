package org.polemos.io.experiment;

import java.time.LocalDate;

/**
 * One row of an observed-figures CSV ({@code date_from,date_to,quantity,key,unit,low,high,source}).
 */
public record ObservedFigure(
    LocalDate dateFrom,
    LocalDate dateTo,
    String quantity,
    String key,
    String unit,
    double low,
    double high,
    String source,
    int line) {}
