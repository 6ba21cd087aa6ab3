/**
 * `lambda-cost pricing update`: reads the region index and every region's Price List file (over
 * HTTP, or from --offer-dir), maps them onto the table (src/core/pricing/price-list), prints the
 * diff, validates the result against the schema, and writes it atomically.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pLimit from "p-limit";
import { fetchPriceListText, PRICE_LIST_HOST } from "../../aws/price-list-http.js";
import { ConfigError, PricingDataError } from "../../core/errors.js";
import { mapOfferFile, type OfferRegionPrices } from "../../core/pricing/price-list/map-offer.js";
import { mergePriceList, type RawLambdaTable } from "../../core/pricing/price-list/merge-table.js";
import {
  parseOfferFile,
  parseRegionIndex,
  type RegionIndexEntry,
} from "../../core/pricing/price-list/offer-file.js";
import { parseLambdaPriceTable } from "../../core/pricing/price-table-schema.js";
import { writeOutputSync } from "../../fs/output-target.js";
import { renderPriceListDiff } from "../../output/price-list-diff.js";
import { checkNesting, readInputFile } from "../input-file.js";
import type { CliIo } from "../io.js";
import { prepareOut, writeFailure } from "../out-file.js";
import type { PricingUpdateFlags } from "./pricing.js";

const MB = 1024 * 1024;
/** The us-east-1 Lambda file is under 1 MB and the index a few KB: generous, but bounded. */
const MAX_OFFER_BYTES = 64 * MB;
const MAX_TABLE_BYTES = 16 * MB;
const INDEX_PATH = "/offers/v1.0/aws/AWSLambda/current/region_index.json";

/** Where the region index and each region's file come from. */
interface OfferReader {
  indexName: string;
  regionIndex(): Promise<string>;
  fileName(entry: RegionIndexEntry): string;
  regionFile(entry: RegionIndexEntry): Promise<string>;
}

/** Files as `curl` would save them: DIR/region_index.json and DIR/<region>/index.json. */
function directoryReader(dir: string): OfferReader {
  const indexName = join(dir, "region_index.json");
  const fileName = (entry: RegionIndexEntry) => join(dir, entry.regionCode, "index.json");
  return {
    indexName,
    regionIndex: async () => readInputFile(indexName, `--offer-dir: ${indexName}`, MAX_OFFER_BYTES),
    fileName,
    regionFile: async (entry) =>
      readInputFile(fileName(entry), `--offer-dir: ${fileName(entry)}`, MAX_OFFER_BYTES),
  };
}

function httpReader(host: string): OfferReader {
  const base = host.replace(/\/+$/, "");
  const fileName = (entry: RegionIndexEntry) => `${base}${entry.currentVersionUrl}`;
  return {
    indexName: `${base}${INDEX_PATH}`,
    regionIndex: () => fetchPriceListText(`${base}${INDEX_PATH}`, { maxBytes: MAX_OFFER_BYTES }),
    fileName,
    regionFile: (entry) => fetchPriceListText(fileName(entry), { maxBytes: MAX_OFFER_BYTES }),
  };
}

/** JSON from a file or a response: bounded nesting first (input-file.ts), then one-line errors. */
function parseJson(text: string, where: string): unknown {
  checkNesting(text, where, "json");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PricingDataError(`${where} is not valid JSON (${(error as Error).message})`);
  }
}

/** pricing/lambda.json of this package, found from wherever the code runs (src, dist, the bundle). */
function shippedTablePath(): string {
  // The package's root, not the nearest package.json: dist/bin has its own ({"type":
  // "commonjs"}, scripts/bundle-cli.mjs), which made the default table dist/bin/pricing/….
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!isPackageRoot(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, "pricing", "lambda.json");
}

function isPackageRoot(dir: string): boolean {
  try {
    return (
      (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown }).name ===
      "lambda-cost"
    );
  } catch {
    return false;
  }
}

function validate(json: unknown, what: string): void {
  try {
    parseLambdaPriceTable(json);
  } catch (error) {
    if (error instanceof PricingDataError) {
      throw new PricingDataError(`${what}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

async function readOffers(reader: OfferReader): Promise<OfferRegionPrices[]> {
  const index = parseRegionIndex(
    parseJson(await reader.regionIndex(), reader.indexName),
    reader.indexName,
  );
  const limit = pLimit(4);
  return Promise.all(
    index.regions.map((entry) =>
      limit(async () => {
        const where = reader.fileName(entry);
        const offer = parseOfferFile(parseJson(await reader.regionFile(entry), where), where);
        // Cited by AWS's own URL whatever the transport (a mirror, --offer-dir): the file is
        // identified by its path, version and publication date.
        return mapOfferFile(
          offer,
          entry.regionCode,
          `${PRICE_LIST_HOST}${entry.currentVersionUrl}`,
        );
      }),
    ),
  );
}

/** Prints the diff, then writes (unless --dry-run); returns the closing line. */
export async function runPricingUpdate(flags: PricingUpdateFlags, io: CliIo): Promise<string> {
  const tablePath = flags.table ?? shippedTablePath();
  const outPath = flags.out ?? tablePath;
  if (flags.out !== undefined) prepareOut(flags.out, "lambda.json");
  const currentText = readInputFile(tablePath, `--table ${tablePath}`, MAX_TABLE_BYTES);
  const current = parseJson(currentText, `--table ${tablePath}`);
  validate(current, tablePath);
  const reader = flags.offerDir
    ? directoryReader(flags.offerDir)
    : httpReader(flags.endpointUrl ?? PRICE_LIST_HOST);
  const offers = await readOffers(reader);
  const merged = mergePriceList(current as RawLambdaTable, offers);
  const nextText = `${JSON.stringify(merged.table, null, 2)}\n`;
  validate(JSON.parse(nextText), "the updated table would be invalid (nothing written)");
  const model = {
    changes: merged.changes,
    unmappedUsageTypes: merged.unmappedUsageTypes,
    regionsInOffers: offers.length,
    regionsInTable: Object.keys((current as RawLambdaTable).regions).length,
  };
  const json = flags.format === "json";
  if (!json) io.stdout(renderPriceListDiff(model));
  const unchanged = nextText === currentText;
  const write = !flags.dryRun && !(unchanged && outPath === tablePath);
  if (write) writeTable(outPath, nextText);
  if (json)
    return `${JSON.stringify({ ...model, changed: !unchanged, written: write ? outPath : null }, null, 2)}\n`;
  if (flags.dryRun) {
    return `Dry run: nothing written (${outPath} would ${unchanged ? "stay as it is" : "change"}).\n`;
  }
  if (!write) return `No change: ${tablePath} already matches the offer files.\n`;
  return `Wrote ${outPath}. estimate prices from the table built into dist/: run \`npm run build\` in a clone to use it.\n`;
}

function writeTable(path: string, text: string): void {
  try {
    writeOutputSync(path, text);
  } catch (error) {
    throw new ConfigError(`cannot write ${path} (${writeFailure(error)}); nothing was written.`, {
      cause: error,
    });
  }
}
