/**
 * Hostile requests get AWS-shaped answers: operation names that are inherited properties, paths
 * that do not percent-decode, and bodies far beyond a service's limit (refused while they are
 * still streaming in, never buffered whole).
 */
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./emulator-helpers.js";

const MB = 1_048_576;

interface Refusal {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Bytes the client had written when the answer arrived. */
  sentBytes: number;
}

/**
 * Streams up to `totalBytes` of body in 1 MB chunks, each after the previous one drained, and
 * stops as soon as an answer arrives. With `declare`, Content-Length announces the full size.
 */
function streamBody(
  endpoint: string,
  options: { path: string; headers?: Record<string, string>; totalBytes: number; declare: boolean },
): Promise<Refusal> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(MB, 0x61);
    let sentBytes = 0;
    let answered = false;
    const req = request(`${endpoint}${options.path}`, {
      method: "POST",
      headers: {
        ...options.headers,
        ...(options.declare ? { "content-length": String(options.totalBytes) } : {}),
      },
    });
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => {
        body += text;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sentBytes }),
      );
    });
    // The server closes the connection after refusing; a write racing that close may fail.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sentBytes < options.totalBytes) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    if (options.declare) req.flushHeaders();
    setImmediate(pump);
  });
}

describe("emulator: hostile requests", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ functions: [{ name: "f", model: { fixedMs: 5 } }] });
  });
  afterAll(() => h.close());

  it.each(["constructor", "__proto__", "hasOwnProperty", "toString"])(
    "X-Amz-Target GraniteServiceVersion20100801.%s is 400 UnknownOperationException, nothing else",
    async (name) => {
      const response = await fetch(`${h.emulator.endpoint}/`, {
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.0",
          "x-amz-target": `GraniteServiceVersion20100801.${name}`,
        },
        body: "{}",
      });
      expect(response.status).toBe(400);
      expect(response.headers.get("x-amzn-query-error")).toBe("InvalidAction;Sender");
      expect(await response.json()).toEqual({
        __type: "com.amazonaws.cloudwatch#UnknownOperationException",
        message: `Unknown operation ${name}`,
      });
    },
  );

  it("a query Action=constructor is the same 400, in XML", async () => {
    const response = await fetch(`${h.emulator.endpoint}/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=constructor&Version=2010-08-01",
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain("<Code>InvalidAction</Code>");
    expect(text).not.toContain("functions");
  });

  it("a path that does not percent-decode is 400 ValidationException, not a 500 URIError", async () => {
    const response = await fetch(`${h.emulator.endpoint}/2015-03-31/functions/f%zz/configuration`);
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")).toBe("ValidationException");
    const body = (await response.json()) as { message: string };
    expect(body.message).toMatch(
      /^1 validation error detected: Value 'f%zz' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
    );
    const alias = await fetch(`${h.emulator.endpoint}/2015-03-31/functions/f/aliases/%E0%A4%A`);
    expect(alias.status).toBe(400);
    expect(((await alias.json()) as { message: string }).message).toContain("at 'name'");
  });

  it("a request target that is not a URI is 400, not a 500 TypeError", async () => {
    const { port } = new URL(h.emulator.endpoint);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () =>
        socket.write("GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
      );
      let text = "";
      socket.on("data", (data) => {
        text += data.toString();
      });
      socket.on("close", () => resolve(text));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw.toLowerCase()).toContain("x-amzn-errortype: validationexception");
    expect(raw).toContain('"message":"Invalid request target: http://["');
  });

  it("Invoke announcing 150 MB is refused 413 before a byte of the body is read", async () => {
    const refusal = await streamBody(h.emulator.endpoint, {
      path: "/2015-03-31/functions/f/invocations",
      totalBytes: 150 * MB,
      declare: true,
    });
    expect(refusal.status).toBe(413);
    expect(refusal.headers["x-amzn-errortype"]).toBe("RequestEntityTooLargeException");
    expect(JSON.parse(refusal.body)).toEqual({
      Type: "User",
      message: "Request must be smaller than 6291456 bytes for the InvokeFunction operation",
    });
    // 6 MB allowed + at most 8 MB read and dropped after the answer: far from 150 MB.
    expect(refusal.sentBytes).toBeLessThan(20 * MB);
  });

  it("a chunked 150 MB Invoke (no Content-Length) is refused once it passes 6 MB", async () => {
    const refusal = await streamBody(h.emulator.endpoint, {
      path: "/2015-03-31/functions/f/invocations",
      totalBytes: 150 * MB,
      declare: false,
    });
    expect(refusal.status).toBe(413);
    expect(refusal.sentBytes).toBeLessThan(20 * MB);
  });

  it("an Event Invoke over 1 MB names its size, as Lambda does", async () => {
    const refusal = await streamBody(h.emulator.endpoint, {
      path: "/2015-03-31/functions/f/invocations",
      headers: { "x-amz-invocation-type": "Event" },
      totalBytes: 2 * MB,
      declare: true,
    });
    expect(refusal.status).toBe(413);
    expect(JSON.parse(refusal.body).message).toBe(
      "2097152 byte payload is too large for the Event invocation type (limit 1048576 bytes)",
    );
  });

  it("CloudWatch refuses a body over 614,400 bytes with 413 RequestEntityTooLarge (JSON and query)", async () => {
    const json = await streamBody(h.emulator.endpoint, {
      path: "/",
      headers: {
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": "GraniteServiceVersion20100801.GetMetricData",
      },
      totalBytes: 150 * MB,
      declare: true,
    });
    expect(json.status).toBe(413);
    expect(json.headers["x-amzn-query-error"]).toBe("RequestEntityTooLarge;Sender");
    expect(JSON.parse(json.body).message).toBe(`Request size ${150 * MB} exceeded 614400 bytes`);
    const query = await streamBody(h.emulator.endpoint, {
      path: "/",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      totalBytes: MB,
      declare: true,
    });
    expect(query.status).toBe(413);
    expect(query.body).toContain("<Code>RequestEntityTooLarge</Code>");
    expect(json.sentBytes + query.sentBytes).toBeLessThan(20 * MB);
  });

  it("the emulator keeps answering after the refusals", async () => {
    const response = await fetch(`${h.emulator.endpoint}/2015-03-31/functions/f/invocations`, {
      method: "POST",
      body: "{}",
    });
    expect(response.status).toBe(200);
    const statuses = h.emulator.requests().map((r) => r.status);
    expect(statuses).toContain(413);
    expect(statuses).not.toContain(500);
  });
});
