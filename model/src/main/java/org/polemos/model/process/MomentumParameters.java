package org.polemos.model.process;

/**
 * Perceived momentum of the organisation, from its recent territorial gains and losses.
 *
 * @param memoryDays time constant of the exponential memory of gains and losses
 * @param gainWeight momentum added per share of the map's area gained (losses count with {@code lossWeight})
 * @param lossWeight momentum removed per share of the map's area lost
 * @param minimum lower bound of momentum (momentum 1 is neutral)
 * @param maximum upper bound of momentum
 */
public record MomentumParameters(double memoryDays, double gainWeight, double lossWeight, double minimum,
    double maximum) {
}
