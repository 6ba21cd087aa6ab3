/**
 * Typed errors. Commands and the core throw these; only runCli (src/cli/program.ts) catches
 * them and turns them into an exit code and one line of text (exitCodeFor; docs/cli.md).
 */

/** Base class: every error the tool expects carries the exit code it should end with. */
export class LambdaCostError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number, options?: ErrorOptions) {
    super(message, options);
    this.name = "LambdaCostError";
    this.exitCode = exitCode;
  }
}

/** The user's input is wrong (a flag, a file, an argument). Exit 2, nothing changed. */
export class UsageError extends LambdaCostError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 2, options);
    this.name = "UsageError";
  }
}

/** The environment is wrong (credentials, a config file, a state directory). Exit 2. */
export class ConfigError extends LambdaCostError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 2, options);
    this.name = "ConfigError";
  }
}

/** A price table is missing, malformed or lacks a needed price. Exit 2. */
export class PricingDataError extends LambdaCostError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 2, options);
    this.name = "PricingDataError";
  }
}

/** AWS (or the emulator) refused or failed a call we could not recover from. Exit 1. */
export class AwsError extends LambdaCostError {
  readonly action: string | undefined;
  constructor(message: string, options?: ErrorOptions & { action?: string; exitCode?: number }) {
    super(message, options?.exitCode ?? 1, options);
    this.name = "AwsError";
    this.action = options?.action;
  }
}

/** The run finished but found a problem the user asked to be told about. Exit 1. */
export class CheckFailedError extends LambdaCostError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 1, options);
    this.name = "CheckFailedError";
  }
}

/**
 * The user interrupted and cleanup has run. Exit 128 + the signal's number, as shells report
 * it: 130 for Ctrl-C (SIGINT), 143 for SIGTERM.
 */
export class InterruptedError extends LambdaCostError {
  constructor(message = "Interrupted", options?: ErrorOptions & { signal?: string | undefined }) {
    super(message, options?.signal === "SIGTERM" ? 143 : 130, options);
    this.name = "InterruptedError";
  }
}
