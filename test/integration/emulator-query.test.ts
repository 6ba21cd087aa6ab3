/**
 * CloudWatch's query protocol on the wire: the exact form bodies query clients send (written out
 * in the style of the CloudWatch API reference's examples: `Action=…&Version=2010-08-01`, lists as
 * `Name.member.N`, timestamps ISO 8601), replies parsed with an XML parser. Expected figures come
 * from the config: October 2026 has 31 days × 250,000 invocations = 7,750,000, and × 180 ms =
 * 1,395,000,000 ms of Duration.
 */
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, manualClock, startHarness } from "./emulator-helpers.js";

const NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";
const AUTH =
  "AWS4-HMAC-SHA256 Credential=AKID/20261126/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=0";
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => name === "member" || name === "entry",
});

// biome-ignore lint/suspicious/noExplicitAny: the parsed XML is checked field by field below
type Xml = any;

async function post(h: Harness, body: string) {
  const response = await fetch(`${h.emulator.endpoint}/`, {
    method: "POST",
    headers: {
      authorization: AUTH,
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
    },
    body,
  });
  const text = await response.text();
  return { response, text, xml: parser.parse(text) as Xml };
}

const sum = (members: string[]) => members.reduce((total, v) => total + Number(v), 0);

describe("emulator: CloudWatch query protocol", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(
      {
        functions: [
          {
            name: "resize-image",
            history: [
              { month: "2026-10", invocationsPerDay: 250_000, avgDurationMs: 180 },
              { month: "2026-11", invocationsPerDay: 1_000, avgDurationMs: 50 },
            ],
          },
        ],
      },
      { now: manualClock("2026-11-26T09:00:00Z").now },
    );
  });
  afterAll(() => h.close());

  it("GetMetricStatistics: XML in the 2010-08-01 namespace, a datapoint per day, ResponseMetadata", async () => {
    const { response, xml } = await post(
      h,
      "Action=GetMetricStatistics&Version=2010-08-01&Namespace=AWS%2FLambda&MetricName=Invocations" +
        "&Dimensions.member.1.Name=FunctionName&Dimensions.member.1.Value=resize-image" +
        "&StartTime=2026-10-01T00%3A00%3A00Z&EndTime=2026-11-01T00%3A00%3A00Z&Period=86400" +
        "&Statistics.member.1=Sum&Statistics.member.2=SampleCount&ExtendedStatistics.member.1=p99",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml");
    const root = xml.GetMetricStatisticsResponse;
    expect(root["@_xmlns"]).toBe(NAMESPACE);
    expect(root.ResponseMetadata.RequestId).toBe(response.headers.get("x-amzn-requestid"));
    const result = root.GetMetricStatisticsResult;
    expect(result.Label).toBe("Invocations");
    const points = result.Datapoints.member as Xml[];
    expect(points).toHaveLength(31);
    expect(points[0].Timestamp).toBe("2026-10-01T00:00:00Z");
    expect(points[0].Unit).toBe("Count");
    expect(sum(points.map((p) => p.Sum))).toBe(7_750_000);
    expect(points[0].ExtendedStatistics.entry[0].key).toBe("p99");
  });

  it("GetMetricData: MetricDataQueries.member.N with nested Dimensions.member.N", async () => {
    const query = (n: number, id: string, metric: string) =>
      `&MetricDataQueries.member.${n}.Id=${id}` +
      `&MetricDataQueries.member.${n}.MetricStat.Metric.Namespace=AWS%2FLambda` +
      `&MetricDataQueries.member.${n}.MetricStat.Metric.MetricName=${metric}` +
      `&MetricDataQueries.member.${n}.MetricStat.Metric.Dimensions.member.1.Name=FunctionName` +
      `&MetricDataQueries.member.${n}.MetricStat.Metric.Dimensions.member.1.Value=resize-image` +
      `&MetricDataQueries.member.${n}.MetricStat.Period=2678400` +
      `&MetricDataQueries.member.${n}.MetricStat.Stat=Sum` +
      `&MetricDataQueries.member.${n}.ReturnData=true`;
    const { response, xml } = await post(
      h,
      "Action=GetMetricData&Version=2010-08-01" +
        query(1, "inv", "Invocations") +
        query(2, "dur", "Duration") +
        "&MetricDataQueries.member.2.Label=Duration%20%3Cms%3E%20%26%20more" +
        "&StartTime=2026-10-01T00%3A00%3A00Z&EndTime=2026-11-01T00%3A00%3A00Z&ScanBy=TimestampAscending",
    );
    expect(response.status).toBe(200);
    const results = xml.GetMetricDataResponse.GetMetricDataResult.MetricDataResults.member as Xml[];
    expect(results.map((r) => [r.Id, r.StatusCode])).toEqual([
      ["inv", "Complete"],
      ["dur", "Complete"],
    ]);
    expect(results[0].Timestamps.member).toEqual(["2026-10-01T00:00:00Z"]);
    expect(results[0].Values.member).toEqual(["7750000"]);
    expect(results[1].Values.member).toEqual(["1395000000"]);
    // Markup in a label comes back escaped and parses to the same text.
    expect(results[1].Label).toBe("Duration <ms> & more");
  });

  it("ListMetrics: Metrics.member with Dimensions; an empty list is sent as `Dimensions=`", async () => {
    const { xml } = await post(
      h,
      "Action=ListMetrics&Version=2010-08-01&Namespace=AWS%2FLambda&MetricName=Invocations" +
        "&Dimensions.member.1.Name=FunctionName&Dimensions.member.1.Value=resize-image",
    );
    const metrics = xml.ListMetricsResponse.ListMetricsResult.Metrics.member as Xml[];
    expect(metrics).toEqual([
      {
        Namespace: "AWS/Lambda",
        MetricName: "Invocations",
        Dimensions: { member: [{ Name: "FunctionName", Value: "resize-image" }] },
      },
    ]);
    const all = await post(h, "Action=ListMetrics&Version=2010-08-01&Dimensions=");
    expect(all.response.status).toBe(200);
    expect(all.xml.ListMetricsResponse.ListMetricsResult.Metrics.member.length).toBeGreaterThan(1);
  });

  it("errors: an XML ErrorResponse with the same code and message as JSON mode", async () => {
    const query = await post(
      h,
      "Action=GetMetricStatistics&Version=2010-08-01&Namespace=AWS%2FLambda&MetricName=Invocations" +
        "&StartTime=2026-10-01T00%3A00%3A00Z&EndTime=2026-10-01T00%3A00%3A00Z&Period=60&Statistics.member.1=Sum",
    );
    const json = await fetch(`${h.emulator.endpoint}/`, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": "GraniteServiceVersion20100801.GetMetricStatistics",
      },
      body: JSON.stringify({
        Namespace: "AWS/Lambda",
        MetricName: "Invocations",
        StartTime: 1790812800,
        EndTime: 1790812800,
        Period: 60,
        Statistics: ["Sum"],
      }),
    });
    const message = "The parameter StartTime must be less than the parameter EndTime.";
    expect(query.response.status).toBe(400);
    expect(json.status).toBe(400);
    expect(query.xml.ErrorResponse["@_xmlns"]).toBe(NAMESPACE);
    expect(query.xml.ErrorResponse.Error).toEqual({
      Type: "Sender",
      Code: "InvalidParameterValue",
      Message: message,
    });
    expect(query.xml.ErrorResponse.RequestId).toBe(query.response.headers.get("x-amzn-requestid"));
    expect(json.headers.get("x-amzn-query-error")).toBe("InvalidParameterValue;Sender");
    expect(((await json.json()) as { message: string }).message).toBe(message);
  });

  it.each(
    [
      ["Action=DeleteAlarms&Version=2010-08-01", "InvalidAction", "Unknown operation DeleteAlarms"],
      ["Version=2010-08-01", "MissingAction", "The request must contain the parameter Action."],
      [
        "Action=ListMetrics&Version=2009-05-15",
        "InvalidAction",
        "Could not find operation ListMetrics for version 2009-05-15",
      ],
      [
        "Action=ListMetrics",
        "InvalidAction",
        "Could not find operation ListMetrics for version NO_VERSION_SPECIFIED",
      ],
      [
        "Action=ListMetrics&Version=2010-08-01&Dimensions.member.0.Name=x",
        "InvalidQueryParameter",
        "The parameter Dimensions.member.0.Name is not valid in a query request.",
      ],
      [
        "Action=ListMetrics&Version=2010-08-01&__proto__.polluted=1",
        "InvalidQueryParameter",
        "The parameter __proto__.polluted is not valid in a query request.",
      ],
      [
        `Action=ListMetrics&Version=2010-08-01&${"A.".repeat(20_000)}B=1`,
        "InvalidQueryParameter",
        `The parameter ${"A.".repeat(100)} is not valid in a query request.`,
      ],
    ].map(([body = "", code, message]) => [body.slice(0, 70), body, code, message] as const),
  )("%s → 400 %s", async (_title, body, code, message) => {
    const { response, xml } = await post(h, body);
    expect(response.status).toBe(400);
    expect(xml.ErrorResponse.Error).toEqual({ Type: "Sender", Code: code, Message: message });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a GET with the parameters in the query string is the same request", async () => {
    const response = await fetch(
      `${h.emulator.endpoint}/?Action=ListMetrics&Version=2010-08-01&MetricName=Errors`,
    );
    const xml = parser.parse(await response.text()) as Xml;
    expect(response.status).toBe(200);
    const names = (xml.ListMetricsResponse.ListMetricsResult.Metrics.member as Xml[]).map(
      (m) => m.MetricName,
    );
    expect(new Set(names)).toEqual(new Set(["Errors"]));
  });
});
