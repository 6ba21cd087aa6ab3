/**
 * `npm run bench:tune-concurrency`: the full concurrency sweep behind the vitest suite
 * (test/integration/tune-concurrency.test.ts runs a representative subset): someone else's
 * deploy at EVERY request of a run, for each kind of change and two update latencies, and two
 * runs at once at many offsets. Prints trials / held per group; exits 1 if any trial broke
 * the promise (the function exactly as found, or exit 1 with a precise statement of whose each
 * field is).
 */
import {
  cleanRunActions,
  deployTrial,
  PATCHES,
  twoRunsTrial,
} from "../test/integration/tune-concurrency-trials.js";

let broken = 0;
const total = (await cleanRunActions()).length;
for (const [label, patch] of PATCHES) {
  let trials = 0;
  let held = 0;
  for (const latency of [0, 15]) {
    for (let after = 0; after <= total; after++) {
      trials += 1;
      const { problems } = await deployTrial(after, patch, latency);
      if (problems.length === 0) held += 1;
      else console.log(`  after ${after} requests, latency ${latency} ms: ${problems.join("; ")}`);
    }
  }
  broken += trials - held;
  console.log(`concurrent deploy touching ${label}: ${trials} trials, ${held} held`);
}
let trials = 0;
let held = 0;
for (const latency of [0, 5, 25]) {
  for (const offset of [0, 1, 3, 10, 30, 80]) {
    trials += 1;
    const problems = await twoRunsTrial(latency, offset);
    if (problems.length === 0) held += 1;
    else console.log(`  latency ${latency} ms, offset ${offset} ms: ${problems.join("; ")}`);
  }
}
broken += trials - held;
console.log(`two runs at once (separate state directories): ${trials} trials, ${held} held`);
if (broken > 0) process.exitCode = 1;
