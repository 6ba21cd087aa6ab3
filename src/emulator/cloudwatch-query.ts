/**
 * CloudWatch's query protocol (awsQuery), which older clients still speak: a form-encoded
 * `Action=GetMetricData&Version=2010-08-01&…` request whose lists are spelled
 * `Name.member.N` (`MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=…`),
 * answered in XML in the 2010-08-01 namespace. The request becomes the same input the JSON 1.0
 * handlers take (timestamps as epoch seconds), and their output is written back as XML, so both
 * dialects share one implementation and the same errors.
 * Shapes: CloudWatch API reference (Query API), "Making query requests" and the awsQuery
 * protocol of the service model (`resultWrapper` `<Action>Result`, lists as `<member>`, maps as
 * `<entry><key/><value/></entry>`).
 */
import type { ServerResponse } from "node:http";
import { type ApiError, cloudwatchError, cloudwatchQueryError } from "./http.js";
import { escapeXml } from "./xml.js";

export const QUERY_NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";
export const QUERY_VERSION = "2010-08-01";

/** Input members by type, for the three actions served (service model 2010-08-01). */
const TIMESTAMPS = new Set(["StartTime", "EndTime"]);
const INTEGERS = new Set(["Period", "MaxDatapoints"]);
const BOOLEANS = new Set(["ReturnData", "IncludeLinkedAccounts"]);
/** An empty list travels as `Name=` with no members. */
const LISTS = new Set(["MetricDataQueries", "Dimensions", "Statistics", "ExtendedStatistics"]);
/** Output members: timestamps become ISO 8601, ExtendedStatistics is a map. */
const OUTPUT_TIMESTAMPS = new Set(["Timestamp", "Timestamps"]);
const OUTPUT_MAPS = new Set(["ExtendedStatistics"]);

type Node = string | Map<string, Node>;

const MAX_KEY_SEGMENTS = 16;

export interface QueryRequest {
  action: string;
  input: Record<string, unknown>;
}

/**
 * The action and JSON-shaped input of a query request. Malformed parameter names are 400
 * InvalidQueryParameter; a missing Action is MissingAction; another Version is InvalidAction
 * ("Could not find operation … for version …"), as AWS answers.
 */
export function parseQueryRequest(form: URLSearchParams): QueryRequest {
  const action = form.get("Action");
  if (action === null || action === "") {
    throw cloudwatchError("MissingAction", "The request must contain the parameter Action.");
  }
  const version = form.get("Version") || "NO_VERSION_SPECIFIED";
  if (version !== QUERY_VERSION) {
    throw cloudwatchError(
      "UnknownOperationException",
      `Could not find operation ${action} for version ${version}`,
    );
  }
  const root = new Map<string, Node>();
  for (const [key, value] of form) {
    if (key === "Action" || key === "Version") continue;
    insert(root, key, value);
  }
  return { action, input: toObject(root) };
}

function malformed(key: string): ApiError {
  return cloudwatchError(
    "InvalidQueryParameter",
    `The parameter ${key} is not valid in a query request.`,
  );
}

/** Names are member names; after `member` comes a 1-based index. Nothing else is accepted. */
function insert(root: Map<string, Node>, key: string, value: string): void {
  const segments = key.split(".");
  // The deepest member of these actions has 9 segments; a deeper key is hostile, and building it
  // recursively could exhaust the stack.
  if (segments.length > MAX_KEY_SEGMENTS) throw malformed(key.slice(0, 200));
  let node = root;
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    const afterMember = i > 0 && segments[i - 1] === "member";
    const ok = afterMember
      ? /^[1-9]\d{0,8}$/.test(segment)
      : /^[A-Za-z][A-Za-z0-9]*$/.test(segment);
    if (!ok) throw malformed(key);
    const last = i === segments.length - 1;
    const existing = node.get(segment);
    if (last) {
      if (existing !== undefined) throw malformed(key);
      node.set(segment, value);
      return;
    }
    if (typeof existing === "string") throw malformed(key);
    const next = existing ?? new Map<string, Node>();
    node.set(segment, next);
    node = next;
  }
}

function toObject(node: Map<string, Node>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, child] of node) {
    if (name === "member") throw malformed(name);
    out[name] = toValue(name, child);
  }
  return out;
}

function toValue(name: string, node: Node): unknown {
  if (typeof node === "string") return scalar(name, node);
  const members = node.get("member");
  if (members === undefined) return toObject(node);
  if (node.size !== 1 || typeof members === "string") throw malformed(`${name}.member`);
  return [...members.entries()]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, member]) => toValue(name, member));
}

/** Typed members become what JSON 1.0 carries; a value that does not parse stays a string, so the
 * handler's own validation names it. */
function scalar(name: string, text: string): unknown {
  if (LISTS.has(name) && text === "") return [];
  if (TIMESTAMPS.has(name)) {
    const ms = Date.parse(text);
    return /^\d{4}-\d{2}-\d{2}T/.test(text) && Number.isFinite(ms) ? ms / 1000 : text;
  }
  if (INTEGERS.has(name)) return /^-?\d{1,15}$/.test(text) ? Number(text) : text;
  if (BOOLEANS.has(name)) return text === "true" ? true : text === "false" ? false : text;
  return text;
}

/** `<GetMetricDataResponse xmlns=…><GetMetricDataResult>…</GetMetricDataResult><ResponseMetadata>…`. */
export function queryResponseXml(action: string, output: unknown, requestId: string): string {
  const result = elements(output as Record<string, unknown>);
  return (
    `<${action}Response xmlns="${QUERY_NAMESPACE}"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function queryErrorXml(error: ApiError, requestId: string): string {
  const spec = cloudwatchQueryError(error.code);
  return (
    `<ErrorResponse xmlns="${QUERY_NAMESPACE}"><Error><Type>${spec.fault}</Type>` +
    `<Code>${spec.queryCode}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

export function sendXml(
  res: ServerResponse,
  status: number,
  xml: string,
  headers: Record<string, string>,
): void {
  res.writeHead(status, {
    "content-type": "text/xml",
    "content-length": Buffer.byteLength(xml),
    ...headers,
  });
  res.end(xml);
}

function elements(object: Record<string, unknown>): string {
  let xml = "";
  for (const [name, value] of Object.entries(object)) {
    if (value === undefined || value === null) continue;
    xml += `<${name}>${content(name, value)}</${name}>`;
  }
  return xml;
}

function content(name: string, value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((member) => `<member>${content(name, member)}</member>`).join("");
  }
  if (typeof value === "object" && value !== null) {
    if (!OUTPUT_MAPS.has(name)) return elements(value as Record<string, unknown>);
    return Object.entries(value)
      .map(([key, v]) => `<entry><key>${escapeXml(key)}</key><value>${String(v)}</value></entry>`)
      .join("");
  }
  if (OUTPUT_TIMESTAMPS.has(name) && typeof value === "number") {
    return new Date(value * 1000).toISOString().replace(".000Z", "Z");
  }
  return escapeXml(String(value));
}
