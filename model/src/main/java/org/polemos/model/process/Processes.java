package org.polemos.model.process;

/** Parameters of every mechanism the simulation runs, one record each. */
public record Processes(RecruitmentParameters recruitment, IntakeParameters intake,
    LocalRecruitmentParameters localRecruitment, CombatParameters combat, MomentumParameters momentum,
    EconomyParameters economy, AttritionParameters attrition, ExternalOperationsParameters externalOperations) {
}
