/** The crossover question and answer, as the core returns them (renderers read these). */
import type { Decimal } from "../money/index.js";
import type { Architecture, LambdaPriceTable } from "../pricing/types.js";
import type { LmiMemoryPerVcpu, LmiRuntime } from "./lmi-fleet.js";
import type {
  BreakEven,
  Ec2PriceTable,
  FargatePriceTable,
  FargateTaskSize,
  SavingsPlan,
} from "./types.js";

/** The question: one Lambda workload and how a container fleet would be run instead. */
export interface CrossoverInput {
  region: string;
  architecture: Architecture;
  memoryMb: number;
  durationMs: number;
  monthlyRequests: number;
  cpuBoundFraction: number;
  cpuSecondsPerRequest?: number | undefined;
  peakToAverage: number;
  targetUtilization: number;
  minInstances: number;
  /** "1vcpu-2gb" or a parsed size. */
  fargateTask: string | FargateTaskSize;
  fargateArchitecture: Architecture;
  fargateSpot: boolean;
  /** Candidate types; undefined = DEFAULT_EC2_TYPES (and no error if the region has no EC2 prices). */
  ec2Types?: readonly string[] | undefined;
  includeBurstable: boolean;
  savingsPlan: SavingsPlan;
  freeTier: boolean;
  /** LMI: the runtime, which sets concurrent requests per vCPU (default nodejs, 64). */
  runtime?: LmiRuntime | undefined;
  /** LMI candidate types; undefined = every eligible type of `lmiArchitecture`. */
  lmiTypes?: readonly string[] | undefined;
  /** Default arm64. */
  lmiArchitecture?: Architecture | undefined;
  /** GiB per vCPU for every candidate; undefined = by family (c 2, m 4, r 8). */
  lmiMemoryPerVcpuGib?: LmiMemoryPerVcpu | undefined;
  /** Smallest LMI fleet; default 3 (one instance per AZ). */
  lmiMinInstances?: number | undefined;
  /** Price exactly this many LMI instances at every volume instead of sizing a fleet. */
  lmiInstances?: number | undefined;
}

export interface CrossoverTables {
  lambda: LambdaPriceTable;
  fargate: FargatePriceTable;
  ec2: Ec2PriceTable;
}

export type CheapestOption = "lambda" | "fargate" | "ec2" | "managedInstances";

export interface SweepRow {
  monthlyRequests: number;
  averageRps: Decimal;
  lambda: Decimal;
  fargate: Decimal;
  fargateTasks: number;
  ec2: Decimal | null;
  ec2InstanceType: string | null;
  ec2Instances: number | null;
  /** The cheapest LMI fleet (null when LMI is left out). */
  managedInstances: Decimal | null;
  managedInstancesType: string | null;
  managedInstancesCount: number | null;
  cheapest: CheapestOption;
}

export interface Ec2Candidate {
  instanceType: string;
  capacityVcpus: Decimal;
  unitMonthlyCost: Decimal;
  instances: number;
  monthlyCost: Decimal;
  breakEven: BreakEven;
}

export interface CrossoverResult {
  input: CrossoverInput & { fargateTask: string };
  averageRps: Decimal;
  cpuSecondsPerRequest: Decimal;
  vcpusNeeded: Decimal;
  lambda: { monthlyCost: Decimal };
  fargate: {
    task: string;
    architecture: Architecture;
    spot: boolean;
    tasks: number;
    unitMonthlyCost: Decimal;
    monthlyCost: Decimal;
    breakEven: BreakEven;
  };
  ec2: {
    instanceType: string | null;
    instances: number | null;
    monthlyCost: Decimal | null;
    candidates: Ec2Candidate[];
    breakEven: BreakEven;
    /** Why EC2 is left out (no prices for the region), when it is. */
    unavailable: string | null;
  };
  managedInstances: ManagedInstancesResult;
  cheapest: CheapestOption;
  sweep: SweepRow[];
  /** Finer log-spaced points (12 a decade) for a chart. */
  chart: SweepRow[];
  assumptions: string[];
  caveats: string[];
}

export interface LmiCandidate {
  instanceType: string;
  environments: number;
  memoryPerVcpuGib: number;
  /** One instance for a month: instance-hours plus the management fee. */
  instanceMonthlyCost: Decimal;
  instances: number;
  instanceCost: Decimal;
  managementFee: Decimal;
  requestCost: Decimal;
  monthlyCost: Decimal;
  breakEven: BreakEven;
}

export interface ManagedInstancesResult {
  runtime: LmiRuntime;
  maxConcurrencyPerVcpu: number;
  /** vCPUs (one-vCPU environments) the peak needs: max of the CPU and concurrency terms. */
  vcpusNeeded: Decimal;
  /** What set the chosen fleet's size at the asked volume. */
  sizedBy: "cpu" | "concurrency" | "minimum" | "given" | null;
  fixedInstances: number | null;
  instanceType: string | null;
  instances: number | null;
  instanceCost: Decimal | null;
  managementFee: Decimal | null;
  requestCost: Decimal | null;
  monthlyCost: Decimal | null;
  candidates: LmiCandidate[];
  breakEven: BreakEven;
  unavailable: string | null;
}
