/**
 * `lambda-cost pricing update` as a user runs it: offer files from a directory (--offer-dir) and
 * over real HTTP from a local server standing in for the Price List host (--endpoint-url),
 * the diff, --dry-run, and every bad input as one line and exit 2 with nothing written.
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPriceListText } from "../../src/aws/price-list-http.js";
import { PricingDataError } from "../../src/core/errors.js";
import { formatUsd } from "../../src/core/money/index.js";
import type { RawLambdaTable } from "../../src/core/pricing/price-list/merge-table.js";
import { estimateLambdaCost } from "../../src/prices/lambda-prices.js";
import {
  type GeneratedOffers,
  generateOffers,
  offerParts,
  writeOfferDir,
} from "../unit/price-list-offer-generator.js";
import { runBin } from "./run-cli.js";
import { expectOneLineExit2, runInProcess } from "./run-in-process.js";

const SHIPPED = fileURLToPath(new URL("../../pricing/lambda.json", import.meta.url));
const SHIPPED_TEXT = readFileSync(SHIPPED, "utf8");
const work = mkdtempSync(join(tmpdir(), "lambda-cost-pricing-update-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** A fresh copy of the shipped table and offer files generated from it (optionally edited). */
function setup(edit?: (offers: GeneratedOffers) => void) {
  const dir = join(work, `case-${++n}`);
  const offers = generateOffers(JSON.parse(SHIPPED_TEXT) as RawLambdaTable);
  edit?.(offers);
  writeOfferDir(join(dir, "offers"), offers);
  const table = join(dir, "lambda.json");
  copyFileSync(SHIPPED, table);
  return { dir, offerDir: join(dir, "offers"), table, offers };
}

/** us-east-1 x86_64 tier 2 at $0.0000145 instead of $0.000015. */
function cheaperTier2(offers: GeneratedOffers) {
  const file = offers.files["us-east-1"] as Record<string, unknown>;
  const { products, onDemand } = offerParts(file);
  const [id] =
    Object.entries(products).find(
      ([, p]) =>
        (p as { attributes: { usagetype: string } }).attributes.usagetype === "Lambda-GB-Second",
    ) ?? [];
  const term = Object.values(
    onDemand[id as string] as Record<
      string,
      { priceDimensions: Record<string, { beginRange: string; pricePerUnit: { USD: string } }> }
    >,
  )[0];
  const tier2 = Object.values(term?.priceDimensions ?? {}).find(
    (d) => d.beginRange === "6000000000",
  );
  tier2!.pricePerUnit.USD = "0.0000145000";
  file.publicationDate = "2026-11-20T10:00:00Z";
}

describe("pricing update --offer-dir", () => {
  it("round trip: files generated from the table leave it byte for byte as it was", async () => {
    const { offerDir, table } = setup();
    const result = await runInProcess([
      "pricing",
      "update",
      "--offer-dir",
      offerDir,
      "--table",
      table,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Offer files for 30 regions, table with 30: 0 prices changed, 0 added, 0 confirmed, 0 new regions, 0 regions and \d+ lines not in the offer files \(kept\)\./,
    );
    expect(result.stdout).toContain(`No change: ${table} already matches the offer files.`);
    expect(readFileSync(table, "utf8")).toBe(SHIPPED_TEXT);
  });

  it("a tier change: the diff first, then the table written with it", async () => {
    const { offerDir, table } = setup(cheaperTier2);
    const result = await runInProcess([
      "pricing",
      "update",
      "--offer-dir",
      offerDir,
      "--table",
      table,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^~ us-east-1 +x86_64 duration tier 2 +0\.000015 → 0\.0000145$/m);
    expect(result.stdout).toContain("1 price changed");
    expect(result.stdout).toContain(`Wrote ${table}.`);
    const written = JSON.parse(readFileSync(table, "utf8")) as RawLambdaTable;
    expect(
      written.regions["us-east-1"]?.architectures.x86_64.durationTiers?.[1]?.pricePerGbSecond,
    ).toBe("0.0000145");
    expect(written.regions["us-east-1"]?.asOf).toBe("2026-11-20");
    // Priced from the written table: 7e9 GB-s = 6e9 at tier 1 + 1e9 at the new tier 2, by hand:
    // 6,000,000,000 × 0.0000166667 = $100,000.20; 1,000,000,000 × 0.0000145 = $14,500.00.
    const estimate = estimateLambdaCost(
      [
        {
          region: "us-east-1",
          architecture: "x86_64",
          memoryMb: 1024,
          monthlyRequests: 7e9,
          averageDurationMs: 1000,
        },
      ],
      { freeTier: false, priceTablePath: table },
    );
    const duration = estimate.lines.filter((l) => l.name.startsWith("Duration"));
    expect(duration.map((l) => formatUsd(l.cost))).toEqual(["$100,000.20", "$14,500.00"]);
  });

  it("--dry-run prints the diff and writes nothing; --out writes elsewhere", async () => {
    const { dir, offerDir, table } = setup(cheaperTier2);
    const before = statSync(table).mtimeMs;
    const dry = await runInProcess([
      "pricing",
      "update",
      "--offer-dir",
      offerDir,
      "--table",
      table,
      "--dry-run",
    ]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^~ us-east-1 +x86_64 duration tier 2/m);
    expect(dry.stdout).toContain(`Dry run: nothing written (${table} would change).`);
    expect(readFileSync(table, "utf8")).toBe(SHIPPED_TEXT);
    expect(statSync(table).mtimeMs).toBe(before);
    const out = join(dir, "new.json");
    const wrote = await runInProcess([
      "pricing",
      "update",
      "--offer-dir",
      offerDir,
      "--table",
      table,
      "--out",
      out,
    ]);
    expect(wrote.code).toBe(0);
    expect(readFileSync(table, "utf8")).toBe(SHIPPED_TEXT);
    expect(readFileSync(out, "utf8")).toContain('"pricePerGbSecond": "0.0000145"');
  });

  it("--format json: the same changes as data", async () => {
    const { offerDir, table } = setup(cheaperTier2);
    const result = await runInProcess([
      "pricing",
      "update",
      "--offer-dir",
      offerDir,
      "--table",
      table,
      "--dry-run",
      "--format",
      "json",
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.changes).toContainEqual({
      region: "us-east-1",
      kind: "changed",
      line: "x86_64 duration tier 2",
      before: "0.000015",
      after: "0.0000145",
    });
    expect(report).toMatchObject({
      regionsInOffers: 30,
      regionsInTable: 30,
      changed: true,
      written: null,
    });
    expect(readFileSync(table, "utf8")).toBe(SHIPPED_TEXT);
  });

  it("the bin runs it too (one spawned case)", () => {
    const { offerDir, table } = setup();
    const result = runBin([
      "pricing",
      "update",
      "--offer-dir",
      offerDir,
      "--table",
      table,
      "--dry-run",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Dry run: nothing written");
  });

  it("the bin's default table is the package's pricing/lambda.json (not one beside dist/bin)", () => {
    const { offerDir } = setup(cheaperTier2);
    const result = runBin(["pricing", "update", "--offer-dir", offerDir, "--dry-run"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "~ us-east-1       x86_64 duration tier 2  0.000015 → 0.0000145",
    );
    expect(readFileSync(SHIPPED, "utf8")).toBe(SHIPPED_TEXT);
  });
});

describe("pricing update over HTTP (--endpoint-url)", () => {
  let server: Server;
  let base = "";
  let files = new Map<string, string>();
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? "");
      const body = files.get(req.url ?? "");
      res
        .writeHead(body === undefined ? 404 : 200, { "content-type": "application/json" })
        .end(body ?? "Not Found");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Serves the offers at the paths AWS uses. */
  function serve(offers: GeneratedOffers) {
    files = new Map([
      ["/offers/v1.0/aws/AWSLambda/current/region_index.json", JSON.stringify(offers.regionIndex)],
    ]);
    for (const [region, entry] of Object.entries(
      offers.regionIndex.regions as Record<string, { currentVersionUrl: string }>,
    )) {
      files.set(entry.currentVersionUrl, JSON.stringify(offers.files[region]));
    }
  }

  it("fetches the index, then every region's file, and round-trips the table", async () => {
    const { table, offers } = setup();
    serve(offers);
    requests.length = 0;
    const result = await runInProcess([
      "pricing",
      "update",
      "--endpoint-url",
      base,
      "--table",
      table,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(requests[0]).toBe("/offers/v1.0/aws/AWSLambda/current/region_index.json");
    expect(requests).toHaveLength(31);
    expect(requests).toContain("/offers/v1.0/aws/AWSLambda/20260919000000/us-east-1/index.json");
    expect(readFileSync(table, "utf8")).toBe(SHIPPED_TEXT);
  });

  it("writes a tier change read over HTTP, citing AWS's URL for the file", async () => {
    const { table, offers } = setup(cheaperTier2);
    serve(offers);
    const result = await runInProcess([
      "pricing",
      "update",
      "--endpoint-url",
      base,
      "--table",
      table,
    ]);
    expect(result.code).toBe(0);
    const written = JSON.parse(readFileSync(table, "utf8")) as RawLambdaTable;
    expect(written.regions["us-east-1"]?.sources).toEqual([
      "AWS Price List https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/20260919000000/us-east-1/index.json (offer version 20260919000000, published 2026-11-20)",
    ]);
  });

  it("a missing file is one line, exit 2, nothing written", async () => {
    const { table, offers } = setup(cheaperTier2);
    serve(offers);
    files.delete("/offers/v1.0/aws/AWSLambda/20260928000000/eu-west-1/index.json");
    expectOneLineExit2(
      await runInProcess(["pricing", "update", "--endpoint-url", base, "--table", table]),
      /eu-west-1\/index\.json answered HTTP 404; check --endpoint-url, or use --offer-dir/,
      expect,
    );
    expect(readFileSync(table, "utf8")).toBe(SHIPPED_TEXT);
  });

  it("a network failure is one line, exit 2", async () => {
    const { table } = setup();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expectOneLineExit2(
      await runInProcess([
        "pricing",
        "update",
        "--endpoint-url",
        `http://127.0.0.1:${port}`,
        "--table",
        table,
      ]),
      /cannot fetch http:\/\/127\.0\.0\.1:\d+\/offers\/v1\.0\/aws\/AWSLambda\/current\/region_index\.json \(ECONNREFUSED\); check the network/,
      expect,
    );
  });

  it("a body over the size limit is refused while it streams", async () => {
    files = new Map([["/big", "x".repeat(4096)]]);
    await expect(fetchPriceListText(`${base}/big`, { maxBytes: 1000 })).rejects.toThrow(
      PricingDataError,
    );
    await expect(fetchPriceListText(`${base}/big`, { maxBytes: 1000 })).rejects.toThrow(
      /is over 0\.0 MB/,
    );
  });
});

describe("pricing update: bad input", () => {
  it.each([
    [
      "a region file that is not JSON",
      (offerDir: string) => writeFileSync(join(offerDir, "us-east-2", "index.json"), "{ nope"),
      /us-east-2\/index\.json is not valid JSON/,
    ],
    [
      "a region file nested too deep",
      (offerDir: string) =>
        writeFileSync(
          join(offerDir, "us-east-2", "index.json"),
          `${"[".repeat(100)}${"]".repeat(100)}`,
        ),
      /us-east-2\/index\.json: nested more than 64 deep/,
    ],
    [
      "a region file of the wrong shape",
      (offerDir: string) =>
        writeFileSync(
          join(offerDir, "us-east-2", "index.json"),
          '{"publicationDate":"2026-01-01T00:00:00Z","products":[]}',
        ),
      /us-east-2\/index\.json: terms must be an object; this is not an AWS Price List file as AWS documents it/,
    ],
    [
      "a missing region file",
      (offerDir: string) => rmSync(join(offerDir, "us-east-2", "index.json")),
      /--offer-dir: .*us-east-2\/index\.json: cannot read it \(no such file\)/,
    ],
    [
      "a FIFO for the index",
      (offerDir: string) => {
        rmSync(join(offerDir, "region_index.json"));
        execFileSync("mkfifo", [join(offerDir, "region_index.json")]);
      },
      /region_index\.json: is not a regular file \(a pipe, socket or device\)/,
    ],
    [
      "a huge index",
      (offerDir: string) => truncateSync(join(offerDir, "region_index.json"), 65 * 1024 * 1024),
      /region_index\.json: is 65\.0 MB; files up to 64 MB are read/,
    ],
  ])("%s: one line, exit 2, nothing written", async (_name, spoil, message) => {
    const { offerDir, table } = setup(cheaperTier2);
    spoil(offerDir);
    expectOneLineExit2(
      await runInProcess(["pricing", "update", "--offer-dir", offerDir, "--table", table]),
      message,
      expect,
    );
    expect(readFileSync(table, "utf8")).toBe(SHIPPED_TEXT);
  });

  it("an --endpoint-url without a scheme is refused before any request", async () => {
    expectOneLineExit2(
      await runInProcess(["pricing", "update", "--endpoint-url", "pricing.example.com"]),
      /--endpoint-url "pricing\.example\.com" is not a URL; use a full URL with its scheme/,
      expect,
    );
  });
});
