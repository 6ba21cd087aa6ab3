/** The crossover model (pure): Lambda vs LMI vs Fargate vs EC2 for the same work, and break-even. */
export { firstBreakEven, type StepCurve } from "./break-even.js";
export {
  HOURS_PER_MONTH,
  MB_PER_VCPU,
  SEARCH_LIMIT_REQUESTS,
  SECONDS_PER_MONTH,
} from "./constants.js";
export { crossover, DEFAULT_EC2_TYPES } from "./crossover.js";
export {
  allFargateTaskSizes,
  parseFargateTaskSize,
  VALID_FARGATE_TASK_SIZES,
} from "./fargate-task-sizes.js";
export { ec2Fleet, fargateFleet, fleetCostAt, unitsAt } from "./fleet.js";
export { type LambdaCurve, type LambdaWorkload, lambdaCurve } from "./lambda-curve.js";
export { type LinearPiece, linearPieces } from "./linear-pieces.js";
export {
  environmentsPerInstance,
  familyMemoryPerVcpu,
  LMI_DEFAULT_MIN_INSTANCES,
  LMI_MEMORY_PER_VCPU_GIB,
  LMI_RUNTIMES,
  type LmiMemoryPerVcpu,
  type LmiRuntime,
  lmiSizing,
} from "./lmi-fleet.js";
export { parseEc2PriceTable, parseFargatePriceTable } from "./price-tables.js";
export type {
  CheapestOption,
  CrossoverInput,
  CrossoverResult,
  CrossoverTables,
  Ec2Candidate,
  LmiCandidate,
  ManagedInstancesResult,
  SweepRow,
} from "./result-types.js";
export { stepCurve } from "./step-curve.js";
export { sustainedBreakEven } from "./sustained.js";
export * from "./types.js";
export { averageRps, cpuSecondsPerRequest, vcpusNeeded } from "./work.js";
