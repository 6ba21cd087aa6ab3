/**
 * STS over the query protocol (form-encoded `Action=AssumeRole&Version=2011-06-15&…`, XML
 * replies in the 2011-06-15 namespace), as the STS API reference shows AssumeRole and
 * GetCallerIdentity: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html.
 * Access: a configured account allows OrganizationAccountAccessRole unless it lists its own
 * `roles`; any other role or account is 403 AccessDenied, as STS answers a trust policy that
 * does not let the caller in.
 */
import { ApiError } from "./http.js";
import type { EmulatorOrganization } from "./organization.js";
import type { Rng } from "./rng.js";
import { escapeXml } from "./xml.js";

export const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
const STS_VERSION = "2011-06-15";
/** AssumeRole's default session length; the role's MaxSessionDuration default is 1 hour too. */
const DEFAULT_DURATION_S = 3600;
const MAX_DURATION_S = 3600;

export interface StsCall {
  org: EmulatorOrganization;
  /** The caller's account and ARN (from its access key). */
  callerAccountId: string;
  callerArn: string;
  rng: Rng;
  /** The wall clock (expiry is checked by the caller against its own clock). */
  nowMs: number;
}

/** STS errors: the awsQuery code, its HTTP status and fault. */
const STS_ERRORS: Record<string, { status: number; fault: "Sender" | "Receiver" }> = {
  AccessDenied: { status: 403, fault: "Sender" },
  ValidationError: { status: 400, fault: "Sender" },
  MissingAction: { status: 400, fault: "Sender" },
  InvalidAction: { status: 400, fault: "Sender" },
  MalformedPolicyDocument: { status: 400, fault: "Sender" },
};

export function stsError(code: keyof typeof STS_ERRORS, message: string): ApiError {
  return new ApiError(STS_ERRORS[code]!.status, code, message);
}

export function stsErrorXml(error: ApiError, requestId: string): string {
  const fault = STS_ERRORS[error.code]?.fault ?? "Receiver";
  return (
    `<ErrorResponse xmlns="${STS_NAMESPACE}"><Error><Type>${fault}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

/** The action of an STS request (for records and access checks) before it is served. */
export function stsAction(form: URLSearchParams): string {
  return form.get("Action") || "Unknown";
}

/** Serves one STS request; returns the XML body of a 200 answer, or throws an ApiError. */
export function serveSts(call: StsCall, form: URLSearchParams, requestId: string): string {
  const action = form.get("Action");
  if (!action) throw stsError("MissingAction", "The request must contain the parameter Action.");
  const version = form.get("Version") || "NO_VERSION_SPECIFIED";
  if (version !== STS_VERSION || (action !== "AssumeRole" && action !== "GetCallerIdentity")) {
    throw stsError("InvalidAction", `Could not find operation ${action} for version ${version}`);
  }
  const result = action === "AssumeRole" ? assumeRole(call, form) : callerIdentity(call);
  return (
    `<${action}Response xmlns="${STS_NAMESPACE}"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

function callerIdentity(call: StsCall): string {
  const userId = /assumed-role/.test(call.callerArn)
    ? `AROA${call.callerAccountId}EMUL:${call.callerArn.split("/").pop()}`
    : `AIDA${call.callerAccountId}EMUL`;
  return (
    `<Arn>${escapeXml(call.callerArn)}</Arn><UserId>${escapeXml(userId)}</UserId>` +
    `<Account>${call.callerAccountId}</Account>`
  );
}

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

function assumeRole(call: StsCall, form: URLSearchParams): string {
  const roleArn = form.get("RoleArn") ?? "";
  const sessionName = form.get("RoleSessionName") ?? "";
  if (roleArn.length < 20 || roleArn.length > 2048) {
    throw stsError(
      "ValidationError",
      `1 validation error detected: Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`,
    );
  }
  if (!SESSION_NAME.test(sessionName)) {
    throw stsError(
      "ValidationError",
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  const durationS = Number(form.get("DurationSeconds") ?? DEFAULT_DURATION_S);
  if (!Number.isInteger(durationS) || durationS < 900) {
    throw stsError(
      "ValidationError",
      `1 validation error detected: Value '${form.get("DurationSeconds")}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`,
    );
  }
  if (durationS > MAX_DURATION_S) {
    throw stsError(
      "ValidationError",
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    );
  }
  const match = ROLE_ARN.exec(roleArn);
  const accountId = match?.[1] ?? "";
  const roleName = match?.[2] ?? "";
  if (!match || !call.org.rolesOf(accountId).includes(roleName)) {
    throw stsError(
      "AccessDenied",
      `User: ${call.callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  }
  const expiresAtMs = Math.floor(call.nowMs / 1000) * 1000 + durationS * 1000;
  const accessKeyId = call.org.openSession({ accountId, roleName, sessionName, expiresAtMs });
  const secret = token(call.rng, 40);
  const sessionToken = token(call.rng, 356);
  const roleId = `AROA${accountId}${roleName.length.toString().padStart(4, "0")}`;
  return (
    `<AssumedRoleUser><AssumedRoleId>${roleId}:${escapeXml(sessionName)}</AssumedRoleId>` +
    `<Arn>arn:aws:sts::${accountId}:assumed-role/${escapeXml(roleName)}/${escapeXml(sessionName)}</Arn></AssumedRoleUser>` +
    `<Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>${secret}</SecretAccessKey>` +
    `<SessionToken>${sessionToken}</SessionToken>` +
    `<Expiration>${new Date(expiresAtMs).toISOString().replace(".000Z", "Z")}</Expiration></Credentials>`
  );
}

const TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function token(rng: Rng, length: number): string {
  let out = "";
  for (let i = 0; i < length; i += 1) out += TOKEN_CHARS[Math.floor(rng.next() * 64)];
  return out;
}
