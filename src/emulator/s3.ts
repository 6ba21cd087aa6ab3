/**
 * A little of Amazon S3 (REST-XML, path-style addressing): CreateBucket, PutObject,
 * GetObject and DeleteObject on buckets kept in memory, so a scheduled report that writes to S3 is tested end
 * to end with the real @aws-sdk/client-s3. Errors carry S3's codes, statuses and messages as
 * its XML error document (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
 * Requests are told apart by the service in their SigV4 scope (`…/us-east-1/s3/aws4_request`);
 * ./s3-dispatch.ts reads them off the wire.
 */
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { decodeAwsChunked } from "./s3-chunked.js";
import { escapeXml } from "./xml.js";

interface StoredObject {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

/** The buckets of one emulator: a bucket name → its objects by key. */
export class S3Store {
  readonly buckets = new Map<string, Map<string, StoredObject>>();
}

export interface S3Request {
  method: string;
  /** The URL path, still percent-encoded: `/bucket/key`. */
  rawPath: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  requestId: string;
  now: Date;
}

export interface S3Response {
  /** IAM-style, e.g. "s3:PutObject", for the emulator's request log. */
  action: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The service named in a SigV4 Authorization header's credential scope. */
export function serviceFromAuthorization(header: string | undefined): string | undefined {
  return /Credential=[^/,\s]+\/\d{8}\/[^/,\s]+\/([^/,\s]+)\//.exec(header ?? "")?.[1];
}

// S3's rule for new bucket names: 3–63 lower-case letters, digits, dots and hyphens.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function handleS3(store: S3Store, request: S3Request): S3Response {
  const [, bucketPart = "", ...keyParts] = request.rawPath.split("/");
  const bucket = decodePath(bucketPart);
  const key = decodePath(keyParts.join("/"));
  const action = `s3:${bucket === undefined || key === undefined ? "Unknown" : operation(request.method, bucket, key)}`;
  const error = (status: number, code: string, message: string, extra = {}) =>
    errorResponse(request.requestId, action, status, code, message, extra);
  if (bucket === undefined || key === undefined) {
    return error(400, "InvalidURI", "Couldn't parse the specified URI.");
  }
  if (action === "s3:Unsupported") {
    return error(
      501,
      "NotImplemented",
      "A header you provided implies functionality that is not implemented.",
    );
  }
  if (action === "s3:CreateBucket") {
    if (!BUCKET_NAME.test(bucket)) {
      return error(400, "InvalidBucketName", "The specified bucket is not valid.", {
        BucketName: bucket,
      });
    }
    if (store.buckets.has(bucket)) {
      return error(
        409,
        "BucketAlreadyOwnedByYou",
        "Your previous request to create the named bucket succeeded and you already own it.",
        { BucketName: bucket },
      );
    }
    store.buckets.set(bucket, new Map());
    return ok(request.requestId, action, { location: `/${bucket}` });
  }
  const objects = store.buckets.get(bucket);
  if (!objects) {
    return error(404, "NoSuchBucket", "The specified bucket does not exist", {
      BucketName: bucket,
    });
  }
  if (action === "s3:PutObject") {
    const body = decodeAwsChunked(request.headers, request.body);
    const etag = `"${createHash("md5").update(body).digest("hex")}"`;
    objects.set(key, {
      body,
      contentType: String(request.headers["content-type"] ?? "binary/octet-stream"),
      etag,
      lastModified: request.now,
    });
    return ok(request.requestId, action, { etag });
  }
  if (action === "s3:DeleteObject") {
    // S3 answers 204 whether or not the key existed.
    objects.delete(key);
    return { ...ok(request.requestId, action, {}), status: 204 };
  }
  const object = objects.get(key);
  if (!object) {
    return error(404, "NoSuchKey", "The specified key does not exist.", { Key: key });
  }
  return ok(
    request.requestId,
    action,
    {
      "content-type": object.contentType,
      etag: object.etag,
      "last-modified": object.lastModified.toUTCString(),
    },
    object.body,
  );
}

function decodePath(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined; // a malformed %-escape
  }
}

function operation(method: string, bucket: string, key: string): string {
  if (bucket === "") return "Unsupported"; // ListBuckets and the like
  if (key === "") return method === "PUT" ? "CreateBucket" : "Unsupported";
  if (method === "PUT") return "PutObject";
  if (method === "GET") return "GetObject";
  if (method === "DELETE") return "DeleteObject";
  return "Unsupported";
}

function ok(
  requestId: string,
  action: string,
  headers: Record<string, string>,
  body: Buffer = Buffer.alloc(0),
): S3Response {
  return {
    action,
    status: 200,
    headers: { "x-amz-request-id": requestId, "content-length": String(body.length), ...headers },
    body,
  };
}

/** An S3 error document: `<Error><Code>…</Code><Message>…</Message>…<RequestId>…</Error>`. */
export function errorResponse(
  requestId: string,
  action: string,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string>,
): S3Response {
  const fields = Object.entries({ Code: code, Message: message, ...extra, RequestId: requestId })
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join("");
  const body = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<Error>${fields}</Error>`);
  return {
    action,
    status,
    headers: {
      "content-type": "application/xml",
      "content-length": String(body.length),
      "x-amz-request-id": requestId,
    },
    body,
  };
}
