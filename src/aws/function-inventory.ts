/**
 * What the monthly report needs to know about a region's functions: name, current memory,
 * architecture and ephemeral storage (ListFunctions, every page), and the provisioned
 * concurrency configured on each (ListProvisionedConcurrencyConfigs, every page, per function
 * that has a published version). The account ID is read from the function ARNs, so no STS call.
 *
 * Why only functions with a published version: provisioned concurrency is configured on "a
 * function's alias or version" (PutProvisionedConcurrencyConfig, Qualifier = "the version number
 * or alias name"), and "you can't allocate provisioned concurrency on an alias that points to the
 * unpublished version ($LATEST)" (AWS Lambda Developer Guide, "Managing concurrency" /
 * https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html). So a function
 * with no published version has no PC configuration, and asking is a wasted control-plane call
 * (~15 requests/s per account). ListFunctions with FunctionVersion=ALL shows which functions
 * have versions in the same pages. Trade-off: that listing holds one entry per published version
 * too, so an account with many versions per function pages through more entries (50 a page):
 * ceil((functions + versions) / 50) calls, still bounded and far fewer than one call per
 * function. Emulator, 10,000 functions of which 20 have a version: 201 pages + 20 PC calls
 * instead of 200 + 10,000.
 */
import {
  LambdaClient,
  paginateListFunctions,
  paginateListProvisionedConcurrencyConfigs,
} from "@aws-sdk/client-lambda";
import pLimit from "p-limit";
import { LAMBDA_DEFAULTS } from "../core/lambda-limits.js";
import type { Architecture } from "../core/pricing/types.js";
import { parseLambdaArn } from "./arn.js";
import { type AwsConnection, sdkClientConfig, withClient } from "./connection.js";
import { toAwsError } from "./errors.js";

export interface ProvisionedConfig {
  /** The alias or version the configuration is on (from the ARN's last segment). */
  qualifier: string;
  /** What the user configured; what AWS bills for while it is enabled. */
  requested: number;
}

export interface InventoriedFunction {
  region: string;
  functionName: string;
  functionArn: string;
  architecture: Architecture;
  memoryMb: number;
  ephemeralStorageMb: number;
  /** At least one published version exists (only then can PC be configured). */
  hasPublishedVersion: boolean;
  /** undefined for container images (the image holds the runtime). */
  runtime: string | undefined;
  packageType: "Zip" | "Image";
  layerCount: number;
  timeoutS: number;
  /** `LoggingConfig.LogGroup`, Lambda's default `/aws/lambda/<name>` when absent. */
  logGroupName: string;
  provisionedConfigs: ProvisionedConfig[];
}

export interface FunctionInventory {
  region: string;
  /** From the first function ARN; undefined when the region has no functions. */
  accountId: string | undefined;
  functions: InventoriedFunction[];
}

export interface InventoryOptions {
  region: string;
  /** ListProvisionedConcurrencyConfigs calls in flight at once (default 8). */
  concurrency?: number | undefined;
}

/** Lambda returns at most 50 functions per ListFunctions page. */
const LIST_PAGE_SIZE = 50;

/** arn:aws:lambda:us-east-1:123456789012:function:name → "123456789012". */
export function accountIdFromArn(arn: string): string | undefined {
  const account = parseLambdaArn(arn)?.accountId;
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * Adaptive retry: on throttling (the control plane allows ~15 requests/s) the SDK also slows its
 * own send rate instead of spending its retries at once.
 */
const adaptiveClient = (connection: AwsConnection) =>
  new LambdaClient({ ...sdkClientConfig(connection), retryMode: "adaptive" });

/**
 * Lists every function in the region with its provisioned concurrency.
 * Accepts a connection (a client is built and destroyed here) or a ready client (left open).
 */
export async function listFunctionInventory(
  source: AwsConnection | LambdaClient,
  options: InventoryOptions,
): Promise<FunctionInventory> {
  return withClient(source, adaptiveClient, async (client) => {
    const inventory = await listRegionFunctions(client, options.region);
    await attachProvisionedConfigs(
      client,
      options.region,
      inventory.functions,
      options.concurrency,
    );
    return inventory;
  });
}

/**
 * ListFunctions (FunctionVersion=ALL), every page: the functions with their current ($LATEST)
 * configuration and whether they have a published version, PC not yet read (`provisionedConfigs`
 * empty). Callers that want to overlap the PC calls with other work (the report reads metrics
 * meanwhile) call attachProvisionedConfigs themselves.
 */
export async function listRegionFunctions(
  source: AwsConnection | LambdaClient,
  region: string,
): Promise<FunctionInventory> {
  return withClient(source, adaptiveClient, async (client) => {
    const functions = await listFunctions(client, region);
    const first = functions[0];
    return {
      region,
      accountId: first ? accountIdFromArn(first.functionArn) : undefined,
      functions,
    };
  });
}

/**
 * Reads the provisioned concurrency configurations of each function that has a published
 * version (one paginated ListProvisionedConcurrencyConfigs per such function: the API has no
 * account-wide listing) and stores them on the function; the others cannot have any (see the
 * file comment) and keep `[]` without a call. `concurrency` calls are in flight at once
 * (default 8).
 */
export async function attachProvisionedConfigs(
  source: AwsConnection | LambdaClient,
  region: string,
  functions: InventoriedFunction[],
  concurrency = 8,
): Promise<void> {
  await withClient(source, adaptiveClient, async (client) => {
    const limit = pLimit(concurrency);
    await Promise.all(
      functions
        .filter((fn) => fn.hasPublishedVersion)
        .map((fn) =>
          limit(async () => {
            fn.provisionedConfigs = await listProvisionedConfigs(client, region, fn);
          }),
        ),
    );
  });
}

async function listFunctions(client: LambdaClient, region: string): Promise<InventoriedFunction[]> {
  const functions: InventoriedFunction[] = [];
  // Names seen with a published version; a version entry may come on a different page than its
  // function's $LATEST entry, so the flags are set after the last page.
  const versioned = new Set<string>();
  try {
    // FunctionVersion=ALL: each $LATEST entry is a function (the metrics are per name), each
    // other entry a published version of one.
    for await (const page of paginateListFunctions(
      { client, pageSize: LIST_PAGE_SIZE },
      { MaxItems: LIST_PAGE_SIZE, FunctionVersion: "ALL" },
    )) {
      for (const config of page.Functions ?? []) {
        if (!config.FunctionName || !config.FunctionArn) continue;
        if (config.Version !== undefined && config.Version !== "$LATEST") {
          versioned.add(config.FunctionName);
          continue;
        }
        functions.push({
          region,
          functionName: config.FunctionName,
          // Unqualified, whether or not the listing qualified $LATEST's ARN.
          functionArn: config.FunctionArn.replace(/:\$LATEST$/, ""),
          architecture: config.Architectures?.[0] === "arm64" ? "arm64" : "x86_64",
          // Lambda's documented defaults when a field is absent: 128 MB memory, 512 MB /tmp.
          memoryMb: config.MemorySize ?? LAMBDA_DEFAULTS.memoryMb,
          ephemeralStorageMb: config.EphemeralStorage?.Size ?? LAMBDA_DEFAULTS.ephemeralStorageMb,
          hasPublishedVersion: false,
          runtime: config.Runtime,
          packageType: config.PackageType === "Image" ? "Image" : "Zip",
          layerCount: config.Layers?.length ?? 0,
          // Lambda's default timeout is 3 s.
          timeoutS: config.Timeout ?? 3,
          logGroupName: config.LoggingConfig?.LogGroup ?? `/aws/lambda/${config.FunctionName}`,
          provisionedConfigs: [],
        });
      }
    }
  } catch (error) {
    throw toAwsError(error, { action: "lambda:ListFunctions", region });
  }
  for (const fn of functions) fn.hasPublishedVersion = versioned.has(fn.functionName);
  return functions;
}

async function listProvisionedConfigs(
  client: LambdaClient,
  region: string,
  fn: InventoriedFunction,
): Promise<ProvisionedConfig[]> {
  const configs: ProvisionedConfig[] = [];
  try {
    for await (const page of paginateListProvisionedConcurrencyConfigs(
      { client, pageSize: 50 },
      { FunctionName: fn.functionName },
    )) {
      for (const item of page.ProvisionedConcurrencyConfigs ?? []) {
        configs.push({
          qualifier: parseLambdaArn(item.FunctionArn ?? "")?.qualifier ?? "",
          requested: item.RequestedProvisionedConcurrentExecutions ?? 0,
        });
      }
    }
  } catch (error) {
    // Deleted between ListFunctions and now: it has no configuration to bill.
    if ((error as { name?: string }).name === "ResourceNotFoundException") return [];
    throw toAwsError(error, {
      action: "lambda:ListProvisionedConcurrencyConfigs",
      region,
      resource: `function ${fn.functionName}`,
    });
  }
  return configs;
}
