package org.polemos.io.experiment;

/**
 * A free parameter of a design, calibration or screening: a scenario path with bounds and an
 * optional initial value (NaN when not given).
 */
public record ParameterBounds(
    String path, double min, double max, double initial, Location location) {}
