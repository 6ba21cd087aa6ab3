/**
 * Reads AWS Price List bulk files over HTTP(S): public files, no credentials, no SDK (the bulk
 * files are plain GETs; the SDK's Pricing client is the Query API, which needs credentials).
 * Each body is capped while it streams, so a hostile or broken endpoint cannot fill memory.
 */
import { ConfigError, PricingDataError } from "../core/errors.js";

/** AWS's Price List host; `--endpoint-url` replaces it (a mirror, or a test server). */
export const PRICE_LIST_HOST = "https://pricing.us-east-1.amazonaws.com";

export interface PriceListHttpOptions {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Per request; the us-east-1 Lambda file is under 1 MB. */
  timeoutMs?: number | undefined;
}

/**
 * GETs `url` and returns its body as text; a network failure or a non-200 status is a
 * ConfigError (exit 2) naming the URL, a body over `maxBytes` a PricingDataError.
 */
export async function fetchPriceListText(
  url: string,
  options: PriceListHttpOptions,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    const reason = cause?.code ?? (error as Error).message;
    throw new ConfigError(
      `cannot fetch ${url} (${reason}); check the network, or use --offer-dir with files downloaded earlier`,
      { cause: error },
    );
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new ConfigError(
      `${url} answered HTTP ${response.status}; check --endpoint-url, or use --offer-dir with files downloaded earlier`,
    );
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, declared, options.maxBytes);
  }
  try {
    return await readCapped(response, url, options.maxBytes);
  } catch (error) {
    if (error instanceof PricingDataError) throw error;
    throw new ConfigError(`cannot read ${url} (${(error as Error).message}); try again`, {
      cause: error,
    });
  }
}

async function readCapped(response: Response, url: string, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const next = reader ? await reader.read() : { done: true as const, value: undefined };
    if (next.done) break;
    received += next.value.byteLength;
    if (received > maxBytes) {
      await reader?.cancel();
      throw tooLarge(url, received, maxBytes);
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(url: string, bytes: number, maxBytes: number): PricingDataError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new PricingDataError(
    `${url} is over ${mb(maxBytes)} MB (${mb(bytes)} MB so far); a Lambda Price List file is about 1 MB: check --endpoint-url`,
  );
}
