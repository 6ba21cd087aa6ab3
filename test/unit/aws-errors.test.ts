/**
 * A network failure (DNS, refused, reset, timeout) is one line naming the endpoint, exit 1: the
 * errors below are shaped as Node's own (`getaddrinfo ENOTFOUND host`, `connect ECONNREFUSED`),
 * which the SDK passes on unchanged.
 */
import { describe, expect, it } from "vitest";
import { toAwsError } from "../../src/aws/errors.js";
import { AwsError } from "../../src/core/errors.js";

const context = { action: "lambda:GetFunction", region: "us-east-1" };

function nodeError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe("toAwsError: network failures", () => {
  it.each([
    [
      nodeError("getaddrinfo ENOTFOUND nonexistent.invalid", {
        code: "ENOTFOUND",
        hostname: "nonexistent.invalid",
      }),
      "cannot reach nonexistent.invalid for lambda:GetFunction (no such host, ENOTFOUND); check --endpoint-url, the network, and that the service is running",
    ],
    [
      nodeError("getaddrinfo EAI_AGAIN lambda.us-east-1.amazonaws.com", {
        code: "EAI_AGAIN",
        hostname: "lambda.us-east-1.amazonaws.com",
      }),
      "cannot reach lambda.us-east-1.amazonaws.com for lambda:GetFunction (DNS lookup failed, EAI_AGAIN); check --endpoint-url, the network, and that the service is running",
    ],
    [
      nodeError("connect ECONNREFUSED 127.0.0.1:4010", {
        code: "ECONNREFUSED",
        address: "127.0.0.1",
        port: 4010,
      }),
      "cannot reach 127.0.0.1:4010 for lambda:GetFunction (connection refused, ECONNREFUSED); check --endpoint-url, the network, and that the service is running",
    ],
    [
      nodeError("socket hang up", { code: "ECONNRESET" }),
      "cannot reach the AWS endpoint for lambda:GetFunction (connection reset, ECONNRESET); check --endpoint-url, the network, and that the service is running",
    ],
  ])("%s", (error, message) => {
    const mapped = toAwsError(error, context);
    expect(mapped).toBeInstanceOf(AwsError);
    expect((mapped as AwsError).exitCode).toBe(1);
    expect(mapped.message).toBe(message);
  });
});
