// Prints vitest's JSON totals as the plain line CI reads: "N passed, N failed".
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "test-results.json";
try {
  const results = JSON.parse(readFileSync(file, "utf8"));
  const skipped = results.numPendingTests + results.numTodoTests;
  const tail = skipped > 0 ? `, ${skipped} skipped` : "";
  console.log(`${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}`);
} catch {
  console.log("0 passed, 1 failed");
  process.exitCode = 1;
}
