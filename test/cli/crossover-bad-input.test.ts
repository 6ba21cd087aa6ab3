/**
 * `crossover` rejects bad input with exit 2 and one line saying what is wrong and what is
 * allowed: its own flags and everything `estimate` rejects. Spawns the built bin
 * (`npm run build` first when running this file alone).
 */
import { describe, expect, it } from "vitest";
import { runBin } from "./run-cli.js";
import { expectOneLineExit2 as expectLine, runInProcess } from "./run-in-process.js";

const BASE = ["crossover", "--memory", "512", "--duration", "120ms", "--requests", "50M"];
const ENV = { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined };

/** In-process through runCli (the spawned bin is checked once, below). */
async function expectOneLineExit2(args: string[], message: RegExp) {
  expectLine(await runInProcess(args, ENV), message, expect);
}

describe("crossover: its own bad flags exit 2 with one line", () => {
  it.each([
    [
      ["--cpu-bound-fraction", "0"],
      /--cpu-bound-fraction "0" is too small; use a number greater than 0 to 1$/,
    ],
    [
      ["--cpu-bound-fraction", "1.5"],
      /--cpu-bound-fraction "1.5" is too large; use a number greater than 0 to 1$/,
    ],
    [
      ["--target-utilization", "0"],
      /--target-utilization "0" is too small; use a number from 0.01 to 1$/,
    ],
    // A fleet planned to idle at its peak: near 0 it needs more units than a number counts
    // (1e-320 once crashed the chart with exit 3).
    [
      ["--target-utilization", "1e-320"],
      /--target-utilization "1e-320" is too small; use a number from 0.01 to 1$/,
    ],
    [
      ["--target-utilization", "0.009"],
      /--target-utilization "0.009" is too small; use a number from 0.01 to 1$/,
    ],
    [["--target-utilization", "1.01"], /--target-utilization "1.01" is too large/],
    [
      ["--peak-to-average", "0.5"],
      /--peak-to-average "0.5" is too small; use a number from 1 to 1000000/,
    ],
    [["--peak-to-average", "abc"], /--peak-to-average "abc" is not a plain decimal number/],
    [
      ["--cpu-seconds-per-request", "0"],
      /--cpu-seconds-per-request "0" is too small; use a number greater than 0 to 5400 vCPU-seconds/,
    ],
    [
      ["--min-instances", "0"],
      /--min-instances "0" is below 1; use a whole number from 1 to 100000/,
    ],
    [["--min-instances", "2.5"], /--min-instances "2.5" is not a whole number/],
    [
      ["--fargate-task", "1vcpu-1gb"],
      /"1vcpu-1gb" is not a valid Fargate task size; valid sizes: 0\.25vcpu-\{0\.5,1,2\}gb, 0\.5vcpu-\{1\.\.4\}gb, 1vcpu-\{2\.\.8\}gb, 2vcpu-\{4\.\.16\}gb, 4vcpu-\{8\.\.30\}gb, 8vcpu-\{16\.\.60 by 4\}gb, 16vcpu-\{32\.\.120 by 8\}gb/,
    ],
    [["--fargate-task", "huge"], /not a valid Fargate task size; valid sizes:/],
    [
      ["--fargate-arch", "sparc"],
      /--fargate-arch "sparc" is not a known value; use one of: x86_64, arm64/,
    ],
    [
      ["--ec2-types", "x9.huge"],
      /unknown EC2 instance type "x9.huge"; pricing\/ec2.json knows: t4g\.nano/,
    ],
    [
      ["--ec2-types", ","],
      /--ec2-types "," is not a list of EC2 instance types; use a comma-separated list/,
    ],
    [
      ["--ec2-types", "t4g.large"],
      /t4g\.large is a burstable type that sustains only 30% of each vCPU; add --include-burstable/,
    ],
    [
      ["--region", "eu-central-1", "--ec2-types", "m7g.large"],
      /pricing\/ec2.json has no EC2 prices for eu-central-1, so m7g\.large cannot be priced there; priced regions: us-east-1/,
    ],
    [
      ["--region", "eu-central-1", "--fargate-arch", "arm64"],
      /no Fargate arm64 price for eu-central-1 .*priced: us-east-1 \(x86_64, arm64\), eu-central-1 \(x86_64\)/,
    ],
    [
      ["--fargate-spot", "--fargate-arch", "arm64"],
      /Fargate Spot does not run arm64 tasks \(Amazon ECS Developer Guide.*\); drop --fargate-spot or use --fargate-arch x86_64/,
    ],
    [["--region", "ap-south-1"], /no Fargate prices for ap-south-1; priced: us-east-1/],
    [
      ["--savings-plan", "compute-5yr"],
      /--savings-plan "compute-5yr" is not a known value; use one of: none/,
    ],
    [["--format", "xml"], /--format "xml" is not a known value; use one of: table, json, csv/],
  ])("%j", async (extra, message) => {
    await expectOneLineExit2([...BASE, ...extra], message);
  });
});

describe("crossover: what estimate rejects, crossover rejects", () => {
  it.each([
    [
      ["crossover", "--memory", "64", "--duration", "120ms", "--requests", "50M"],
      /--memory "64" is below 128; use a whole number of MB from 128 to 10240/,
    ],
    [
      ["crossover", "--memory", "10241", "--duration", "120ms", "--requests", "50M"],
      /--memory "10241" is above 10240/,
    ],
    [
      ["crossover", "--memory", "512", "--duration", "fast", "--requests", "50M"],
      /"fast" is not a duration/,
    ],
    [
      ["crossover", "--memory", "512", "--duration", "120ms", "--requests", "lots"],
      /"lots" is not a count/,
    ],
    [
      ["crossover", "--memory", "512", "--duration", "120ms", "--requests", "1.5"],
      /not a whole count/,
    ],
    [
      [...BASE, "--region", "mars-1"],
      /"mars-1" is not a region in the price table; use one of the 30 priced region codes/,
    ],
    [
      [...BASE, "--arch", "sparc"],
      /--arch "sparc" is not a known value; use one of: x86_64, arm64/,
    ],
    [
      ["crossover", "--duration", "120ms", "--requests", "50M"],
      /missing --memory; give it, e.g. --memory 512$/,
    ],
    [
      ["crossover", "--memory", "512", "--requests", "50M"],
      /missing --duration; give it, e.g. --duration 120ms$/,
    ],
    [
      ["crossover", "--memory", "512", "--duration", "120ms"],
      /missing --requests; give it, e.g. --requests 50M$/,
    ],
    [[...BASE, "--bogus"], /unknown option --bogus; see --help for the options/],
    [
      ["crossover"],
      /missing --memory, --duration, --requests; give them, e.g. --memory 512 --duration 120ms --requests 50M$/,
    ],
    [[...BASE, "--requests", "1e999999999"], /--requests "1e999999999" is too large/],
    [[...BASE, "--duration", "0"], /--duration "0" is below 1 ms/],
    [
      [...BASE, "--peak-to-average", "0x2"],
      /--peak-to-average "0x2" is not a plain decimal number/,
    ],
    [[...BASE, "--peak-to-average", "1e999"], /--peak-to-average "1e999" is too large/],
    [
      [...BASE, "--cpu-seconds-per-request", "Infinity"],
      /"Infinity" is not a plain decimal number/,
    ],
    [[...BASE, "--arch", "aarch64"], /--arch "aarch64" is not a known value; did you mean arm64\?/],
    [
      [...BASE, "--region", "US-EAST-1"],
      /"US-EAST-1" is not a region in the price table; did you mean us-east-1\?/,
    ],
  ])("%j", async (args, message) => {
    await expectOneLineExit2(args, message);
  });
});

describe("crossover: through the spawned bin", () => {
  it("gives the same one line as in-process (one case through the real entry)", () => {
    const { code, stdout, stderr } = runBin([...BASE, "--cpu-bound-fraction", "0x1"], { env: ENV });
    expect(stderr).toBe(
      'lambda-cost: --cpu-bound-fraction "0x1" is not a plain decimal number; use a number greater than 0 to 1\n',
    );
    expect(stdout).toBe("");
    expect(code).toBe(2);
  });
});
