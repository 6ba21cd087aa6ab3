/**
 * The emulator's S3 (path-style, in memory) with the real @aws-sdk/client-s3: buckets, objects
 * round-tripped byte for byte, and S3's own error codes as the SDK parses them from the XML.
 */

import { Readable } from "node:stream";
import {
  CreateBucketCommand,
  GetObjectCommand,
  NoSuchBucket,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/http-server.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { CREDENTIALS } from "./emulator-helpers.js";

let emulator: EmulatorHandle;
let s3: S3Client;

beforeAll(async () => {
  emulator = await startEmulator({ config: { functions: [] } });
  s3 = new S3Client({
    region: "eu-west-1",
    endpoint: emulator.endpoint,
    forcePathStyle: true,
    credentials: CREDENTIALS,
    maxAttempts: 1,
  });
  await s3.send(new CreateBucketCommand({ Bucket: "reports" }));
  await s3.send(new CreateBucketCommand({ Bucket: "archive" }));
});
afterAll(async () => {
  s3.destroy();
  await emulator.close();
});

const get = async (Bucket: string, Key: string) => {
  const response = await s3.send(new GetObjectCommand({ Bucket, Key }));
  return { response, text: await response.Body?.transformToString("utf8") };
};

describe("emulator S3", () => {
  it("PutObject then GetObject returns the bytes, type and ETag stored", async () => {
    const body = "month,total\n2026-10,1234.56\n";
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: "reports",
        Key: "reports/2026-10 account.csv",
        Body: body,
        ContentType: "text/csv; charset=utf-8",
      }),
    );
    // md5("month,total\n2026-10,1234.56\n"), computed independently with `md5sum`.
    expect(put.ETag).toBe('"24f04bc20000109f1155b7076f9b444d"');
    const { response, text } = await get("reports", "reports/2026-10 account.csv");
    expect(text).toBe(body);
    expect(response.ContentType).toBe("text/csv; charset=utf-8");
    expect(response.ETag).toBe(put.ETag);
  });

  it("keeps buckets apart and overwrites a key in place", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "archive", Key: "k", Body: "old" }));
    await s3.send(new PutObjectCommand({ Bucket: "archive", Key: "k", Body: "new" }));
    await s3.send(new PutObjectCommand({ Bucket: "reports", Key: "k", Body: "other" }));
    expect((await get("archive", "k")).text).toBe("new");
    expect((await get("reports", "k")).text).toBe("other");
  });

  it("round-trips binary bytes sent as a stream (aws-chunked, trailing checksum)", async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
    await s3.send(
      new PutObjectCommand({
        Bucket: "archive",
        Key: "bin/a.dat",
        Body: Readable.from([bytes.subarray(0, 30_000), bytes.subarray(30_000)]),
        ContentLength: bytes.length,
      }),
    );
    const response = await s3.send(new GetObjectCommand({ Bucket: "archive", Key: "bin/a.dat" }));
    expect(Buffer.from(await response.Body!.transformToByteArray()).equals(bytes)).toBe(true);
  });

  it("answers NoSuchBucket and NoSuchKey as S3 does (404, XML error document)", async () => {
    const missingBucket = s3.send(new PutObjectCommand({ Bucket: "nope", Key: "k", Body: "x" }));
    await expect(missingBucket).rejects.toBeInstanceOf(NoSuchBucket);
    await expect(missingBucket).rejects.toMatchObject({
      message: "The specified bucket does not exist",
      $metadata: { httpStatusCode: 404 },
    });
    const missingKey = s3.send(new GetObjectCommand({ Bucket: "reports", Key: "absent.csv" }));
    await expect(missingKey).rejects.toBeInstanceOf(NoSuchKey);
    await expect(missingKey).rejects.toMatchObject({
      message: "The specified key does not exist.",
      $metadata: { httpStatusCode: 404 },
    });
  });

  it("refuses a second CreateBucket and an invalid bucket name", async () => {
    const again = s3.send(new CreateBucketCommand({ Bucket: "reports" }));
    await expect(again).rejects.toMatchObject({
      name: "BucketAlreadyOwnedByYou",
      $metadata: { httpStatusCode: 409 },
    });
    const invalid = s3.send(new CreateBucketCommand({ Bucket: "Bad_Name" }));
    await expect(invalid).rejects.toBeInstanceOf(S3ServiceException);
    await expect(invalid).rejects.toMatchObject({
      name: "InvalidBucketName",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("records each call with its IAM-style action", () => {
    const actions = new Set(emulator.requests().map((r) => r.action));
    expect([...actions]).toEqual(
      expect.arrayContaining(["s3:CreateBucket", "s3:PutObject", "s3:GetObject"]),
    );
  });
});
