package org.polemos.sim;

/**
 * What one replication did.
 *
 * @param replication replication index
 * @param eventsFired kernel events fired
 * @param samples sample dates written
 * @param wallNanos wall-clock time of the run, in nanoseconds
 */
public record RunSummary(int replication, long eventsFired, int samples, long wallNanos) {}
