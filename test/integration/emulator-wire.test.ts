/** The exact bytes on the wire (what the SDK tests cannot see): statuses, headers, error bodies. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./emulator-helpers.js";

const auth = (region: string, service = "lambda") =>
  `AWS4-HMAC-SHA256 Credential=AKID/20261126/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;

describe("emulator: wire format", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      faults: { throttleRate: 0 },
      functions: [
        { name: "f", region: "eu-west-1", memorySize: 1769, model: { fixedMs: 5 } },
        { name: "g", region: "us-east-1" },
      ],
    });
  });
  afterAll(() => h.close());

  it("a Lambda error: status, x-amzn-errortype, x-amzn-requestid and {Type, Message}", async () => {
    const response = await fetch(`${h.emulator.endpoint}/2015-03-31/functions/nope/configuration`, {
      headers: { authorization: auth("eu-west-1") },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-amzn-errortype")).toBe("ResourceNotFoundException");
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({
      Type: "User",
      Message: "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:nope",
    });
  });

  it("the region comes from the credential scope; no Authorization means us-east-1", async () => {
    const eu = await fetch(`${h.emulator.endpoint}/2015-03-31/functions/f`, {
      headers: { authorization: auth("eu-west-1") },
    });
    expect(eu.status).toBe(200);
    const unsigned = await fetch(`${h.emulator.endpoint}/2015-03-31/functions/g`);
    expect(unsigned.status).toBe(200);
    const wrong = await fetch(`${h.emulator.endpoint}/2015-03-31/functions/f`);
    expect(wrong.status).toBe(404);
  });

  it("an ARN in the path is percent-decoded", async () => {
    const arn = encodeURIComponent("arn:aws:lambda:eu-west-1:123456789012:function:f");
    const response = await fetch(
      `${h.emulator.endpoint}/2015-03-31/functions/${arn}/configuration`,
      {
        headers: { authorization: auth("eu-west-1") },
      },
    );
    expect(((await response.json()) as { FunctionName: string }).FunctionName).toBe("f");
  });

  it("Invoke answers with headers: X-Amz-Executed-Version, X-Amz-Log-Result; DryRun 204 with no body", async () => {
    const url = `${h.emulator.endpoint}/2015-03-31/functions/f/invocations`;
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: auth("eu-west-1"), "x-amz-log-type": "Tail" },
      body: "{}",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-amz-executed-version")).toBe("$LATEST");
    expect(Buffer.from(response.headers.get("x-amz-log-result")!, "base64").toString()).toMatch(
      /^INIT_START|^START/,
    );
    const dry = await fetch(url, {
      method: "POST",
      headers: { authorization: auth("eu-west-1"), "x-amz-invocation-type": "DryRun" },
    });
    expect(dry.status).toBe(204);
    expect(await dry.text()).toBe("");
  });

  it("an unknown route is 404 UnknownOperationException", async () => {
    const response = await fetch(`${h.emulator.endpoint}/2099-01-01/nothing`);
    expect(response.status).toBe(404);
    expect(response.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    expect(h.emulator.requests().at(-1)).toMatchObject({ action: "lambda:Unknown", status: 404 });
  });

  it("a CloudWatch error carries x-amzn-query-error and a __type body", async () => {
    const response = await fetch(`${h.emulator.endpoint}/`, {
      method: "POST",
      headers: {
        authorization: auth("us-east-1", "monitoring"),
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": "GraniteServiceVersion20100801.GetMetricData",
      },
      body: JSON.stringify({
        StartTime: 1790812800,
        EndTime: 1790812800,
        MetricDataQueries: [{ Id: "a", MetricStat: { Metric: {}, Period: 60, Stat: "Sum" } }],
      }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-query-error")).toBe("InvalidParameterValue;Sender");
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.0");
    expect(await response.json()).toEqual({
      __type: "com.amazonaws.cloudwatch#InvalidParameterValueException",
      message: "The parameter StartTime must be less than the parameter EndTime.",
    });
  });

  it("a CloudWatch success: timestamps as epoch seconds", async () => {
    const response = await fetch(`${h.emulator.endpoint}/`, {
      method: "POST",
      headers: { "x-amz-target": "GraniteServiceVersion20100801.ListMetrics" },
      body: "{}",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ Metrics: [] });
  });
});

describe("emulator: throttle on the wire", () => {
  it("429 with Retry-After and {Type, message, Reason}", async () => {
    const h = await startHarness({ faults: { throttleRate: 1 }, functions: [{ name: "f" }] });
    const response = await fetch(`${h.emulator.endpoint}/2015-03-31/functions/f/invocations`, {
      method: "POST",
      body: "{}",
    });
    await h.close();
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toEqual({
      Type: "User",
      message: "Rate Exceeded.",
      Reason: "ConcurrentInvocationLimitExceeded",
    });
  });
});
