/**
 * The tuning target's aliases: reading one, pointing one at a version (RevisionId-checked when
 * it exists), and the marker alias that claims a function for one run.
 */
import {
  CreateAliasCommand,
  DeleteAliasCommand,
  GetAliasCommand,
  UpdateAliasCommand,
} from "@aws-sdk/client-lambda";
import type { AliasView } from "../core/tuning/ports.js";
import { type LambdaFunctionCalls, notFound } from "./lambda-function-calls.js";

/** The alias, or undefined when the function has none of that name. */
export function getAlias(
  calls: LambdaFunctionCalls,
  aliasName: string,
): Promise<AliasView | undefined> {
  return calls.call(
    "lambda:GetAlias",
    async () => {
      const out = await calls.client.send(
        new GetAliasCommand({ FunctionName: calls.name, Name: aliasName }),
      );
      return {
        name: out.Name ?? aliasName,
        functionVersion: out.FunctionVersion ?? "",
        revisionId: out.RevisionId ?? "",
        weighted: Object.keys(out.RoutingConfig?.AdditionalVersionWeights ?? {}).length > 0,
        description: out.Description,
      };
    },
    { resource: `${calls.name}:${aliasName}`, expected: notFound(undefined) },
  );
}

/** Points the alias at `version`: UpdateAlias when it exists (at its RevisionId), else CreateAlias. */
export async function pointAlias(
  calls: LambdaFunctionCalls,
  aliasName: string,
  version: string,
  existing?: AliasView,
): Promise<void> {
  const alias = { FunctionName: calls.name, Name: aliasName, FunctionVersion: version };
  await calls.call(existing ? "lambda:UpdateAlias" : "lambda:CreateAlias", async () => {
    if (existing) {
      const RevisionId = existing.revisionId || undefined;
      await calls.client.send(new UpdateAliasCommand({ ...alias, RevisionId }));
    } else await calls.client.send(new CreateAliasCommand(alias));
  });
}

/** Creates the marker alias on $LATEST, or says it already exists. */
export function createMarkerAlias(
  calls: LambdaFunctionCalls,
  aliasName: string,
  description: string,
): Promise<"created" | "exists"> {
  return calls.call(
    "lambda:CreateAlias",
    async () => {
      await calls.client.send(
        new CreateAliasCommand({
          FunctionName: calls.name,
          Name: aliasName,
          FunctionVersion: "$LATEST",
          Description: description,
        }),
      );
      return "created" as const;
    },
    {
      resource: `${calls.name}:${aliasName}`,
      // "Alias already exists: …" (ResourceConflictException is also "update in progress").
      expected: (error) =>
        error?.name === "ResourceConflictException" && /exist/i.test(error.message ?? "")
          ? { value: "exists" as const }
          : undefined,
    },
  );
}

/** Deletes the alias; one already gone is fine. */
export async function deleteAlias(calls: LambdaFunctionCalls, aliasName: string): Promise<void> {
  await calls.call(
    "lambda:DeleteAlias",
    async () => {
      await calls.client.send(
        new DeleteAliasCommand({ FunctionName: calls.name, Name: aliasName }),
      );
    },
    { resource: `${calls.name}:${aliasName}`, expected: notFound(undefined) },
  );
}
