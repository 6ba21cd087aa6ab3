/**
 * CodeTarget over the SDK: UpdateFunctionCode with Architectures (RevisionId-checked, then the
 * V2 waiter), the zip behind GetFunction's Code.Location, GetLayerVersion's
 * CompatibleArchitectures, ECR BatchGetImage for an image's manifest list, and S3 for a zip over
 * the 50 MB direct upload. The ECR and S3 clients are imported only when a run needs them.
 */
import {
  type FunctionConfiguration,
  GetLayerVersionCommand,
  type LambdaClient,
  UpdateFunctionCodeCommand,
} from "@aws-sdk/client-lambda";
import { AwsError } from "../core/errors.js";
import type { Architecture } from "../core/pricing/types.js";
import {
  type CallOptions,
  type CodeTarget,
  ConcurrentChangeError,
  configDifferences,
  type FunctionSnapshot,
} from "../core/tuning/ports.js";
import { type AwsConnection, sdkClientConfig } from "./connection.js";
import { normalizeConfig } from "./function-snapshot.js";

export interface CodeTargetDeps {
  client: LambdaClient;
  connection?: AwsConnection | undefined;
  region: string;
  functionName: string;
  snapshot(options?: CallOptions): Promise<FunctionSnapshot>;
  waitForUpdate(options?: CallOptions): Promise<FunctionSnapshot>;
  fail(error: unknown, action: string, resource?: string): Error;
}

/** Docker's and OCI's platform names for Lambda's architectures. */
const PLATFORMS: Record<string, Architecture> = { amd64: "x86_64", arm64: "arm64" };

export function createLambdaCodeTarget(deps: CodeTargetDeps): CodeTarget {
  const { client, functionName: name } = deps;
  const connection = deps.connection ?? { region: deps.region };
  return {
    async setCode(source, architecture, expectedRevisionId, options) {
      let updated: FunctionConfiguration;
      try {
        updated = await client.send(
          new UpdateFunctionCodeCommand({
            FunctionName: name,
            Architectures: [architecture],
            RevisionId: expectedRevisionId,
            ...(source.kind === "zip" ? { ZipFile: source.bytes } : {}),
            ...(source.kind === "s3" ? { S3Bucket: source.bucket, S3Key: source.key } : {}),
            ...(source.kind === "image" ? { ImageUri: source.imageUri } : {}),
          }),
          options,
        );
      } catch (error) {
        throw deps.fail(error, "lambda:UpdateFunctionCode");
      }
      const after = await deps.waitForUpdate(options);
      if (after.lastUpdateStatus === "Failed") {
        throw new AwsError(
          `${name}: the code update to ${architecture} failed (${after.lastUpdateStatusReason ?? "no reason given"})`,
          { action: "lambda:UpdateFunctionCode" },
        );
      }
      // The finished update must be ours: the configuration our update returned.
      const differs = configDifferences(normalizeConfig(updated), after.configuration);
      if (differs.length > 0 || after.architecture !== architecture) {
        throw new ConcurrentChangeError(
          `${name} was changed by someone else while tune was working on it (${differs.join(", ") || "Architectures"} changed).`,
        );
      }
      return after;
    },
    async downloadCode(options) {
      const snap = await deps.snapshot(options);
      const location = snap.code?.location;
      if (!location) throw new AwsError(`${name} has no code location (GetFunction Code.Location)`);
      const response = await fetch(location, { signal: options?.abortSignal ?? null });
      if (!response.ok) {
        throw new AwsError(
          `downloading ${name}'s code from its Code.Location failed: HTTP ${response.status}`,
        );
      }
      return new Uint8Array(await response.arrayBuffer());
    },
    async layerArchitectures(layerVersionArn) {
      const cut = layerVersionArn.lastIndexOf(":");
      try {
        const out = await client.send(
          new GetLayerVersionCommand({
            LayerName: layerVersionArn.slice(0, cut),
            VersionNumber: Number(layerVersionArn.slice(cut + 1)),
          }),
        );
        return (out.CompatibleArchitectures ?? []).filter(
          (a): a is Architecture => a === "x86_64" || a === "arm64",
        );
      } catch (error) {
        throw deps.fail(error, "lambda:GetLayerVersion", layerVersionArn);
      }
    },
    async imageArchitectures(imageUri) {
      const match =
        /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?$/.exec(
          imageUri,
        );
      if (!match) throw new AwsError(`${imageUri} is not an Amazon ECR image URI`);
      const [, registryId, region, repositoryName, tag, digest] = match;
      const { BatchGetImageCommand, ECRClient } = await import("@aws-sdk/client-ecr");
      const ecr = new ECRClient(sdkClientConfig({ ...connection, region: region ?? deps.region }));
      try {
        const out = await ecr.send(
          new BatchGetImageCommand({
            registryId,
            repositoryName,
            imageIds: [digest ? { imageDigest: digest } : { imageTag: tag ?? "latest" }],
            acceptedMediaTypes: [
              "application/vnd.docker.distribution.manifest.list.v2+json",
              "application/vnd.oci.image.index.v1+json",
              "application/vnd.docker.distribution.manifest.v2+json",
              "application/vnd.oci.image.manifest.v1+json",
            ],
          }),
        );
        const image = out.images?.[0];
        if (!image?.imageManifest) {
          const failure = out.failures?.[0];
          throw new AwsError(
            `ECR has no image ${imageUri}: ${failure?.failureCode ?? "not found"} ${failure?.failureReason ?? ""}`.trim(),
          );
        }
        const manifest = JSON.parse(image.imageManifest) as {
          manifests?: Array<{ platform?: { architecture?: string; os?: string } }>;
        };
        if (!Array.isArray(manifest.manifests)) return undefined;
        return [
          ...new Set(
            manifest.manifests.flatMap((m) => {
              const arch = PLATFORMS[m.platform?.architecture ?? ""];
              return arch && (m.platform?.os ?? "linux") === "linux" ? [arch] : [];
            }),
          ),
        ];
      } catch (error) {
        if (error instanceof AwsError) throw error;
        throw deps.fail(error, "ecr:BatchGetImage", imageUri);
      } finally {
        ecr.destroy();
      }
    },
    async putStagedCode(bucket, key, bytes) {
      await withS3(connection, "s3:PutObject", `s3://${bucket}/${key}`, async (s3, m) => {
        await s3.send(new m.PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes }));
      });
    },
    async deleteStagedCode(bucket, key) {
      await withS3(connection, "s3:DeleteObject", `s3://${bucket}/${key}`, async (s3, m) => {
        await s3.send(new m.DeleteObjectCommand({ Bucket: bucket, Key: key }));
      });
    },
  };
}

type S3Module = typeof import("@aws-sdk/client-s3");

async function withS3(
  connection: AwsConnection,
  action: string,
  resource: string,
  use: (client: InstanceType<S3Module["S3Client"]>, module: S3Module) => Promise<void>,
): Promise<void> {
  const module = await import("@aws-sdk/client-s3");
  const s3 = new module.S3Client({
    ...sdkClientConfig(connection),
    // A custom endpoint (the emulator, LocalStack) serves buckets by path, not by host name.
    ...(connection.endpointUrl ? { forcePathStyle: true } : {}),
  });
  try {
    await use(s3, module);
  } catch (error) {
    const e = error as { name?: string; message?: string };
    throw new AwsError(
      `${action} on ${resource} failed: ${e.name ?? "Error"}: ${e.message ?? ""}`,
      {
        cause: error,
        action,
      },
    );
  } finally {
    s3.destroy();
  }
}
