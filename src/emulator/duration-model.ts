/**
 * The duration model of a synthetic function (issue #3). Lambda gives a function CPU in
 * proportion to its memory: 1769 MB is one full vCPU, up to 6 vCPUs at 10,240 MB (AWS Lambda
 * developer guide, "Memory and computing power").
 */
import { LAMBDA_CPU } from "../core/lambda-limits.js";
import type { FunctionModel } from "./types.js";

/** MB of memory that buy one vCPU, and the most vCPUs a function gets. */
export const { mbPerVcpu: MB_PER_VCPU, maxVcpus: MAX_VCPU } = LAMBDA_CPU;

export interface ModelInput {
  model: FunctionModel;
  memoryMb: number;
  architecture: "x86_64" | "arm64";
}

export function vcpuFor(memoryMb: number): number {
  return Math.min(memoryMb / MB_PER_VCPU, MAX_VCPU);
}

/** The garbage-collection multiplier 1 + gcPressure × u / (1 − u), u = used / memory. */
export function gcMultiplier(model: FunctionModel, memoryMb: number): number {
  if (model.gcPressure === 0) return 1;
  const u = model.memoryUsedMb / memoryMb;
  if (u >= 1) return Number.POSITIVE_INFINITY;
  return 1 + (model.gcPressure * u) / (1 - u);
}

/**
 * Noise-free handler duration in ms:
 * fixedMs + (cpuMs / min(1, vcpu) + parallelCpuMs / min(threads, vcpu)) × gc × archFactor.
 */
export function expectedDurationMs({ model, memoryMb, architecture }: ModelInput): number {
  const vcpu = vcpuFor(memoryMb);
  const cpu = model.cpuMs / Math.min(1, vcpu);
  const parallel =
    model.parallelCpuMs === 0 ? 0 : model.parallelCpuMs / Math.min(model.threads, vcpu);
  const arch = architecture === "arm64" ? model.arm64CpuFactor : 1;
  const cpuTerms = cpu + parallel;
  return model.fixedMs + (cpuTerms === 0 ? 0 : cpuTerms * gcMultiplier(model, memoryMb) * arch);
}

/** Noise-free INIT duration in ms: initMs / min(1, vcpu). */
export function expectedInitMs({ model, memoryMb }: ModelInput): number {
  return model.initMs / Math.min(1, vcpuFor(memoryMb));
}

export type InvocationStatus = "success" | "error" | "timeout" | "oom";

export interface InvocationOutcome {
  status: InvocationStatus;
  /** Handler duration, ms (the REPORT `Duration`). */
  durationMs: number;
  /** INIT duration on a cold start, else undefined. */
  initMs: number | undefined;
  /** ceil(duration + init): since 1 Aug 2025 INIT is billed (aws-wire.md §4). */
  billedMs: number;
  maxMemoryUsedMb: number;
  errorType: string | undefined;
}

/** Random draws an invocation needs, taken by the caller from its seeded stream. */
export interface InvocationDraws {
  durationNoise: number;
  initNoise: number;
  /** Uniform [0,1) compared with errorRate. */
  errorDraw: number;
}

/** What one invocation does, given the draws. Pure. */
export function simulateInvocation(
  input: ModelInput & { timeoutSec: number; cold: boolean },
  draws: InvocationDraws,
): InvocationOutcome {
  const { model, memoryMb, timeoutSec, cold } = input;
  const timeoutMs = timeoutSec * 1000;
  const initMs = cold ? expectedInitMs(input) * draws.initNoise : undefined;
  const used = Math.min(memoryMb, Math.round(model.memoryUsedMb));
  // Sum in integer hundredths so that 100.10 + 49.90 bills 150, not 151.
  const billed = (durationMs: number) =>
    Math.ceil((Math.round(durationMs * 100) + Math.round((initMs ?? 0) * 100)) / 100);
  if (memoryMb < model.memoryUsedMb) {
    // Out of memory: the runtime is killed after the fixed part of the work.
    const durationMs = Math.min(model.fixedMs * draws.durationNoise, timeoutMs);
    return {
      status: "oom",
      durationMs,
      initMs,
      billedMs: billed(durationMs),
      maxMemoryUsedMb: memoryMb,
      errorType: "Runtime.OutOfMemory",
    };
  }
  const durationMs = expectedDurationMs(input) * draws.durationNoise;
  if (!(durationMs <= timeoutMs)) {
    return {
      status: "timeout",
      durationMs: timeoutMs,
      initMs,
      billedMs: billed(timeoutMs),
      maxMemoryUsedMb: used,
      errorType: "Sandbox.Timedout",
    };
  }
  const failed = draws.errorDraw < model.errorRate;
  return {
    status: failed ? "error" : "success",
    durationMs,
    initMs,
    billedMs: billed(durationMs),
    maxMemoryUsedMb: used,
    errorType: failed ? "Runtime.Unhandled" : undefined,
  };
}

/** REPORT lines print two decimals; billing uses what the line says. */
export function round2(ms: number): number {
  return Math.round(ms * 100) / 100;
}
