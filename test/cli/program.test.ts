import { describe, expect, it } from "vitest";
import { runBin } from "./run-cli.js";

describe("lambda-cost (no command)", () => {
  it("prints help with --help and exits 0", () => {
    const { code, stdout } = runBin(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: lambda-cost");
  });

  it("rejects an unknown option with one line and exit 2", () => {
    const { code, stderr } = runBin(["--bogus"]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("unknown option '--bogus'");
  });
});
