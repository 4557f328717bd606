package org.polemos.model.process;

import java.util.List;
import org.polemos.model.distribution.DistributionSpec;

/**
 * The sections of the built-in mechanisms, registered like any extension's (through {@code
 * META-INF/services/org.polemos.model.process.ProcessProvider} in {@code model}).
 *
 * <p>The defaults are neutral, order-of-magnitude values for tests and tutorials; not a
 * calibration. Every sensitivity that couples one mechanism to another through momentum or
 * territory is 0 or 1 so that a scenario behaves plainly until a researcher sets it:
 *
 * <ul>
 *   <li>recruitment: Poisson departures, no compartmental parameters;
 *   <li>intake: 1,000 servers, exponential service with mean 21 days (so the queue is M/M/c), roles
 *       0.8 fighter, 0.15 support, 0.05 external operations;
 *   <li>local recruitment: 0.001 recruits per held inhabitant per year, pay dependence 0.5;
 *   <li>combat: 10% of fighters engaged per day, capture when defenders fall below 0.5 of attackers
 *       or below 50 fighters, 0.5 fighters put out of action per air strike, air support multiplier
 *       1.5, step 1 day;
 *   <li>territory (read by combat): deterministic battles, no siege advantage, no underground;
 *   <li>momentum: 90-day memory, gain and loss weights 0 (momentum stays neutral at 1), bounds
 *       [0.25, 4];
 *   <li>economy: $0.10 tax per held inhabitant per day, oil at $25/bbl with 50% of capacity sold,
 *       $50,000/day other income, $1.50 pay per fighter per day, $0.02 administration per
 *       inhabitant per day, treasury $10 million;
 *   <li>attrition: 5% desertion per year, momentum sensitivity 0, doubled while unpaid, 30% of
 *       foreign deserters return home, half of returnees arrested;
 *   <li>external operations: exponential training (mean 60 days) and plot duration (mean 90 days),
 *       no territorial shift, 0 inspired attacks per year, momentum sensitivity 0;
 *   <li>families: no women or minors travel with the recruits;
 *   <li>transit: no crossing capacity, a lost crossing's throughput decays over 14 days, 2% of
 *       waiting travellers give up and (at a lost crossing) 10% reroute per day;
 *   <li>message: never switches from "come" to "stay and attack at home".
 * </ul>
 */
public final class BuiltInProcesses implements ProcessProvider {

  @Override
  public List<ProcessDefinition<?>> processes() {
    return List.of(
        ProcessDefinition.of(
            "recruitment", RecruitmentParameters.class, RecruitmentParameters.defaults()),
        ProcessDefinition.of(
            "intake",
            IntakeParameters.class,
            new IntakeParameters(
                1000, new DistributionSpec.Exponential(21), new RoleShares(0.8, 0.15, 0.05))),
        ProcessDefinition.of(
            "localRecruitment",
            LocalRecruitmentParameters.class,
            new LocalRecruitmentParameters(0.001, 0.5)),
        ProcessDefinition.of(
            "combat", CombatParameters.class, new CombatParameters(0.1, 0.5, 50, 0.5, 1.5, 1)),
        ProcessDefinition.of(
            "territory", TerritoryParameters.class, TerritoryParameters.defaults()),
        ProcessDefinition.of(
            "momentum", MomentumParameters.class, new MomentumParameters(90, 0, 0, 0.25, 4, 0.0)),
        ProcessDefinition.of("economy", EconomyParameters.class, EconomyParameters.defaults()),
        ProcessDefinition.of(
            "attrition", AttritionParameters.class, AttritionParameters.defaults()),
        ProcessDefinition.of(
            "externalOperations",
            ExternalOperationsParameters.class,
            ExternalOperationsParameters.defaults()),
        ProcessDefinition.of("families", FamiliesParameters.class, FamiliesParameters.none()),
        ProcessDefinition.of("transit", TransitParameters.class, TransitParameters.defaults()),
        ProcessDefinition.of("message", MessageParameters.class, MessageParameters.none()));
  }
}
