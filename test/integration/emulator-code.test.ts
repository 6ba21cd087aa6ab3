/**
 * A function's code in the emulator, with the real SDK clients: GetFunction's Code.Location
 * serves the zip whose base64 SHA-256 is CodeSha256; UpdateFunctionCode (ZipFile, S3, ImageUri,
 * Architectures, RevisionId, Publish, DryRun) with Lambda's errors; GetLayerVersion's
 * CompatibleArchitectures; ECR BatchGetImage's manifest list; a fault between swap and publish.
 */
import { createHash } from "node:crypto";
import { BatchGetImageCommand, ECRClient, RepositoryNotFoundException } from "@aws-sdk/client-ecr";
import {
  GetFunctionCommand,
  GetLayerVersionCommand,
  InvokeCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
} from "@aws-sdk/client-lambda";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREDENTIALS, type Harness, reportFields, startHarness, tail } from "./emulator-helpers.js";

const X86_LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:native-deps:3";
const BOTH_LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:utils:7";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    functions: [
      { name: "zipfn", memorySize: 1769, model: { cpuMs: 1000, arm64CpuFactor: 0.8 } },
      {
        name: "layered",
        layers: [
          { arn: X86_LAYER, compatibleArchitectures: ["x86_64"] },
          { arn: BOTH_LAYER, compatibleArchitectures: ["x86_64", "arm64"] },
        ],
      },
      { name: "multiimg", packageType: "Image", imageArchitectures: ["x86_64", "arm64"] },
      { name: "oneimg", packageType: "Image" },
    ],
    faults: { failRequests: [{ action: "lambda:PublishVersion", nth: 2 }] },
  });
});
afterAll(() => h.close());

const zipOf = async (name: string) => {
  const out = await h.lambda().send(new GetFunctionCommand({ FunctionName: name }));
  const response = await fetch(out.Code?.Location ?? "");
  return { out, bytes: Buffer.from(await response.arrayBuffer()), status: response.status };
};
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("base64");

describe("emulator: a function's code", () => {
  it("Code.Location serves a zip whose base64 SHA-256 is CodeSha256, and CodeSize its length", async () => {
    const { out, bytes, status } = await zipOf("zipfn");
    expect(status).toBe(200);
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    expect(out.Configuration?.CodeSha256).toBe(sha(bytes));
    expect(out.Configuration?.CodeSize).toBe(bytes.length);
    expect(out.Code?.RepositoryType).toBe("S3");
  });

  it("UpdateFunctionCode with the same bytes and arm64: same CodeSha256, new architecture, runs slower by arm64CpuFactor", async () => {
    const lambda = h.lambda();
    const { out, bytes } = await zipOf("zipfn");
    const updated = await lambda.send(
      new UpdateFunctionCodeCommand({
        FunctionName: "zipfn",
        ZipFile: bytes,
        Architectures: ["arm64"],
        RevisionId: out.Configuration?.RevisionId,
      }),
    );
    expect(updated.Architectures).toEqual(["arm64"]);
    expect(updated.CodeSha256).toBe(out.Configuration?.CodeSha256);
    expect(updated.RevisionId).not.toBe(out.Configuration?.RevisionId);
    // 1000 ms of CPU at one vCPU (1769 MB) × 0.8 on arm64 = 800 ms (noise 0 by default).
    const run = await lambda.send(new InvokeCommand({ FunctionName: "zipfn", LogType: "Tail" }));
    expect(reportFields(tail(run.LogResult)).Duration).toBe("800.00");
    // A stale RevisionId is 412, and nothing changes.
    await expect(
      lambda.send(
        new UpdateFunctionCodeCommand({
          FunctionName: "zipfn",
          ZipFile: bytes,
          Architectures: ["x86_64"],
          RevisionId: out.Configuration?.RevisionId,
        }),
      ),
    ).rejects.toMatchObject({
      name: "PreconditionFailedException",
      $metadata: { httpStatusCode: 412 },
    });
  });

  it("refuses what Lambda refuses: not a zip, two sources, an image for a zip function, two architectures", async () => {
    const lambda = h.lambda();
    const bad = [
      [
        { ZipFile: Buffer.from("not a zip at all, just text") },
        "InvalidParameterValueException",
        /Could not unzip/,
      ],
      [
        { ZipFile: Buffer.from("PK"), S3Bucket: "b", S3Key: "k" },
        "InvalidParameterValueException",
        /only one source/,
      ],
      [
        { ImageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/x:latest" },
        "InvalidParameterValueException",
        /packageType Zip/,
      ],
      [{}, "InvalidParameterValueException", /provide a source/],
    ] as const;
    for (const [input, name, message] of bad) {
      await expect(
        lambda.send(new UpdateFunctionCodeCommand({ FunctionName: "zipfn", ...input })),
      ).rejects.toMatchObject({ name, message: expect.stringMatching(message) });
    }
    const { bytes } = await zipOf("zipfn");
    await expect(
      lambda.send(
        new UpdateFunctionCodeCommand({
          FunctionName: "zipfn",
          ZipFile: bytes,
          Architectures: ["x86_64", "arm64"],
        }),
      ),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 }, message: /architectures/ });
  });

  it("S3Bucket/S3Key: the object's bytes become the code; a missing key is Lambda's NoSuchKey message; DryRun changes nothing", async () => {
    const lambda = h.lambda();
    const s3 = new S3Client({
      region: "us-east-1",
      endpoint: h.emulator.endpoint,
      forcePathStyle: true,
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    try {
      const { out, bytes } = await zipOf("layered");
      await s3.send(new CreateBucketCommand({ Bucket: "staging" }));
      await s3.send(new PutObjectCommand({ Bucket: "staging", Key: "code.zip", Body: bytes }));
      await expect(
        lambda.send(
          new UpdateFunctionCodeCommand({
            FunctionName: "layered",
            S3Bucket: "staging",
            S3Key: "nope.zip",
          }),
        ),
      ).rejects.toMatchObject({ message: /S3 Error Code: NoSuchKey/ });
      const dry = await lambda.send(
        new UpdateFunctionCodeCommand({
          FunctionName: "layered",
          S3Bucket: "staging",
          S3Key: "code.zip",
          Architectures: ["arm64"],
          DryRun: true,
        }),
      );
      expect(dry.Architectures).toEqual(["x86_64"]);
      const updated = await lambda.send(
        new UpdateFunctionCodeCommand({
          FunctionName: "layered",
          S3Bucket: "staging",
          S3Key: "code.zip",
          Architectures: ["arm64"],
          Publish: true,
        }),
      );
      expect(updated.Version).toBe("1");
      expect(updated.Architectures).toEqual(["arm64"]);
      expect(updated.CodeSha256).toBe(out.Configuration?.CodeSha256);
    } finally {
      s3.destroy();
    }
  });

  it("GetLayerVersion answers each layer's CompatibleArchitectures; an unknown one is 404", async () => {
    const lambda = h.lambda();
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: "layered" }));
    expect(fn.Configuration?.Layers?.map((l) => l.Arn)).toEqual([X86_LAYER, BOTH_LAYER]);
    const x86 = await lambda.send(
      new GetLayerVersionCommand({
        LayerName: "arn:aws:lambda:us-east-1:123456789012:layer:native-deps",
        VersionNumber: 3,
      }),
    );
    expect(x86.CompatibleArchitectures).toEqual(["x86_64"]);
    expect(x86.LayerVersionArn).toBe(X86_LAYER);
    const both = await lambda.send(
      new GetLayerVersionCommand({ LayerName: "utils", VersionNumber: 7 }),
    );
    expect(both.CompatibleArchitectures).toEqual(["x86_64", "arm64"]);
    await expect(
      lambda.send(new GetLayerVersionCommand({ LayerName: "utils", VersionNumber: 8 })),
    ).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });

  it("Image functions: Code names the image; ECR BatchGetImage returns a manifest list for a multi-arch image, a single manifest otherwise", async () => {
    const lambda = h.lambda();
    const ecr = new ECRClient({
      region: "us-east-1",
      endpoint: h.emulator.endpoint,
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    try {
      const multi = await lambda.send(new GetFunctionCommand({ FunctionName: "multiimg" }));
      expect(multi.Configuration?.PackageType).toBe("Image");
      expect(multi.Code?.RepositoryType).toBe("ECR");
      expect(multi.Code?.ImageUri).toBe(
        "123456789012.dkr.ecr.us-east-1.amazonaws.com/multiimg:latest",
      );
      const listed = await ecr.send(
        new BatchGetImageCommand({
          repositoryName: "multiimg",
          imageIds: [{ imageTag: "latest" }],
        }),
      );
      const manifest = JSON.parse(listed.images?.[0]?.imageManifest ?? "{}") as {
        manifests: Array<{ platform: { architecture: string } }>;
      };
      expect(listed.images?.[0]?.imageManifestMediaType).toBe(
        "application/vnd.docker.distribution.manifest.list.v2+json",
      );
      expect(manifest.manifests.map((m) => m.platform.architecture)).toEqual(["amd64", "arm64"]);
      // CodeSha256 of an image function is its manifest's digest.
      expect(`sha256:${multi.Configuration?.CodeSha256}`).toBe(
        listed.images?.[0]?.imageId?.imageDigest,
      );
      const single = await ecr.send(
        new BatchGetImageCommand({ repositoryName: "oneimg", imageIds: [{ imageTag: "latest" }] }),
      );
      expect(single.images?.[0]?.imageManifestMediaType).toBe(
        "application/vnd.docker.distribution.manifest.v2+json",
      );
      const missing = await ecr.send(
        new BatchGetImageCommand({ repositoryName: "oneimg", imageIds: [{ imageTag: "v9" }] }),
      );
      expect(missing.failures?.[0]?.failureCode).toBe("ImageNotFound");
      await expect(
        ecr.send(
          new BatchGetImageCommand({ repositoryName: "nope", imageIds: [{ imageTag: "latest" }] }),
        ),
      ).rejects.toBeInstanceOf(RepositoryNotFoundException);
      await expect(
        lambda.send(
          new UpdateFunctionCodeCommand({ FunctionName: "multiimg", ZipFile: Buffer.from("PK") }),
        ),
      ).rejects.toMatchObject({ message: /provide ImageUri/ });
      const arm = await lambda.send(
        new UpdateFunctionCodeCommand({
          FunctionName: "multiimg",
          ImageUri: multi.Code?.ImageUri,
          Architectures: ["arm64"],
        }),
      );
      expect(arm.Architectures).toEqual(["arm64"]);
      expect(arm.CodeSha256).toBe(multi.Configuration?.CodeSha256);
    } finally {
      ecr.destroy();
    }
  });

  it("faults.failRequests: the 2nd PublishVersion fails (a fault between a code swap and its publish)", async () => {
    const lambda = h.lambda();
    await lambda.send(new PublishVersionCommand({ FunctionName: "oneimg" }));
    await expect(
      lambda.send(new PublishVersionCommand({ FunctionName: "oneimg", Description: "x" })),
    ).rejects.toMatchObject({ name: "InvalidParameterValueException", message: /failRequests/ });
    await lambda.send(new PublishVersionCommand({ FunctionName: "oneimg", Description: "y" }));
  });
});
