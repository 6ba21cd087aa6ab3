/**
 * The tuning target's published versions: PublishVersion (waiting until the version is
 * Active), the versions a run created (found by their description) and deleting one.
 */
import {
  DeleteFunctionCommand,
  type FunctionConfiguration,
  PublishVersionCommand,
  paginateListVersionsByFunction,
  waitUntilPublishedVersionActive,
} from "@aws-sdk/client-lambda";
import { AwsError } from "../core/errors.js";
import type { CallOptions, PublishedVersion } from "../core/tuning/ports.js";
import { type LambdaFunctionCalls, notFound } from "./lambda-function-calls.js";
import type { LambdaWaiter } from "./lambda-waiters.js";

export async function publishVersion(
  calls: LambdaFunctionCalls,
  waiter: LambdaWaiter,
  expectedRevisionId: string,
  description: string,
  options?: CallOptions,
): Promise<PublishedVersion> {
  const { client, name } = calls;
  const out: FunctionConfiguration = await calls.call("lambda:PublishVersion", () =>
    client.send(
      new PublishVersionCommand({
        FunctionName: name,
        RevisionId: expectedRevisionId,
        Description: description,
      }),
      options,
    ),
  );
  const version = out.Version ?? "";
  if (!/^\d+$/.test(version)) {
    throw new AwsError(`PublishVersion returned no version number for ${name}.`);
  }
  if (out.State && out.State !== "Active") {
    await waiter.wait(`make version ${version} Active`, () =>
      waitUntilPublishedVersionActive(waiter.params(options), {
        FunctionName: name,
        Qualifier: version,
      }),
    );
  }
  // Lambda hands back the existing version when nothing changed since the last publish; that
  // version keeps its own description, so ours marks exactly the versions this run created.
  return { version, created: out.Description === description, memoryMb: out.MemorySize ?? 0 };
}

/** The published version numbers whose description is `description`. */
export function versionsDescribedAs(
  calls: LambdaFunctionCalls,
  description: string,
): Promise<string[]> {
  return calls.call("lambda:ListVersionsByFunction", async () => {
    const found: string[] = [];
    const pages = paginateListVersionsByFunction(
      { client: calls.client },
      { FunctionName: calls.name },
    );
    for await (const page of pages) {
      for (const v of page.Versions ?? []) {
        if (v.Description === description && v.Version && /^\d+$/.test(v.Version))
          found.push(v.Version);
      }
    }
    return found;
  });
}

/** Deletes one published version; one already gone is fine. */
export async function deleteVersion(calls: LambdaFunctionCalls, version: string): Promise<void> {
  // Never $LATEST, never an alias: only a published version number.
  if (!/^\d+$/.test(version)) throw new Error(`refusing to delete qualifier "${version}"`);
  await calls.call(
    "lambda:DeleteFunction",
    async () => {
      await calls.client.send(
        new DeleteFunctionCommand({ FunctionName: calls.name, Qualifier: version }),
      );
    },
    { resource: `${calls.name}:${version}`, expected: notFound(undefined) },
  );
}
