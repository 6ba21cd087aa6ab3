/**
 * The aws-chunked body encoding the S3 SDK uses when it streams a body with a trailing checksum
 * (`content-encoding: aws-chunked`, `x-amz-content-sha256: STREAMING-…`): chunks of
 * `<hex size>[;chunk-signature=…]\r\n<data>\r\n`, a zero-size chunk, then trailer headers.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */
import type { IncomingHttpHeaders } from "node:http";

/** The object's bytes: the body itself, or its chunks joined when it is aws-chunked. */
export function decodeAwsChunked(headers: IncomingHttpHeaders, body: Buffer): Buffer {
  const encoding = String(headers["content-encoding"] ?? "");
  const sha = String(headers["x-amz-content-sha256"] ?? "");
  if (!encoding.includes("aws-chunked") && !sha.startsWith("STREAMING-")) return body;
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const lineEnd = body.indexOf("\r\n", at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.subarray(at, lineEnd).toString("latin1").split(";")[0]!, 16);
    if (!Number.isFinite(size) || size <= 0) break; // the last chunk; trailers follow
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
