/**
 * The services an organisation-wide report needs beyond Lambda and CloudWatch: STS (query
 * protocol, told apart by the `sts` service in the request's SigV4 scope), Organizations and
 * Cost Explorer (JSON 1.1, told apart by `x-amz-target`). The caller's account comes from its
 * access key (organization.ts); `allowedActions` applies as for every other action
 * (`sts:AssumeRole`, `organizations:ListAccounts`, `ce:GetCostAndUsage`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isAllowed } from "./access.js";
import { COST_EXPLORER_TARGET, costExplorerError, serveCostExplorer } from "./cost-explorer.js";
import { ApiError, parseJsonBody, readBody, regionFromAuthorization, send } from "./http.js";
import { accessKeyFromAuthorization, type EmulatorOrganization } from "./organization.js";
import { ORGANIZATIONS_TARGET, organizationsError, serveOrganizations } from "./organizations.js";
import { serviceFromAuthorization } from "./s3.js";
import { serveSts, stsAction, stsError, stsErrorXml } from "./sts.js";
import type { RecordedRequest } from "./types.js";

/** STS, Organizations and Cost Explorer bodies are small; 1 MB is far above any real request. */
const BODY_LIMIT_BYTES = 1_048_576;

export interface OrgServiceHooks {
  beforeRequest(): void;
  record(request: RecordedRequest): void;
}

export function isOrganizationServiceRequest(req: IncomingMessage): boolean {
  const target = String(req.headers["x-amz-target"] ?? "");
  return (
    serviceFromAuthorization(req.headers.authorization) === "sts" ||
    target.startsWith(ORGANIZATIONS_TARGET) ||
    target.startsWith(COST_EXPLORER_TARGET)
  );
}

export async function serveOrganizationServices(
  org: EmulatorOrganization,
  hooks: OrgServiceHooks,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const authorization = req.headers.authorization;
  const region = regionFromAuthorization(authorization) ?? "us-east-1";
  const callerAccountId = org.accountOf(authorization);
  const session = org.session(accessKeyFromAuthorization(authorization));
  const state = org.state(callerAccountId) ?? org.management;
  const requestId = state.idRng.uuid();
  const target = String(req.headers["x-amz-target"] ?? "");
  const body = await readBody(req, BODY_LIMIT_BYTES).catch(() => Buffer.alloc(0));
  hooks.beforeRequest();
  const record = (action: string, status: number) =>
    hooks.record({
      action,
      method: req.method ?? "POST",
      path: "/",
      region,
      status,
      ...(org.multiAccount ? { accountId: callerAccountId } : {}),
    });
  const headers = { "x-amzn-requestid": requestId };

  if (!target) {
    const form = new URLSearchParams(body.toString("utf8"));
    const action = `sts:${stsAction(form)}`;
    try {
      if (!isAllowed(state, action)) {
        throw stsError("AccessDenied", notAuthorized(callerArn(callerAccountId, session), action));
      }
      const xml = serveSts(
        {
          org,
          callerAccountId,
          callerArn: callerArn(callerAccountId, session),
          rng: state.idRng,
          // Expiry follows the real clock, not the model clock a test may have set in the past:
          // the credentials' holder compares it with its own clock, as against AWS.
          nowMs: Date.now(),
        },
        form,
        requestId,
      );
      sendXml(res, 200, xml, headers);
      record(action, 200);
    } catch (error) {
      const apiError =
        error instanceof ApiError ? error : stsError("ValidationError", String(error));
      const status = apiError.status;
      sendXml(res, status, stsErrorXml(apiError, requestId), headers);
      record(action, status);
    }
    return;
  }

  const organizations = target.startsWith(ORGANIZATIONS_TARGET);
  const op = target.slice((organizations ? ORGANIZATIONS_TARGET : COST_EXPLORER_TARGET).length);
  const action = `${organizations ? "organizations" : "ce"}:${op}`;
  const fail = (code: string, message: string) =>
    organizations ? organizationsError(code, message) : costExplorerError(code, message);
  try {
    if (!isAllowed(state, action)) {
      throw fail(
        "AccessDeniedException",
        notAuthorized(callerArn(callerAccountId, session), action),
      );
    }
    const input = parseJsonBody(body, () =>
      fail("SerializationException", "Could not parse request body as JSON"),
    );
    const output = organizations
      ? serveOrganizations(org, callerAccountId, op, input)
      : serveCostExplorer(org, callerAccountId, op, input);
    send(res, 200, output, { "content-type": "application/x-amz-json-1.1", ...headers });
    record(action, 200);
  } catch (error) {
    const apiError =
      error instanceof ApiError ? error : new ApiError(500, "ServiceException", String(error));
    send(
      res,
      apiError.status,
      { __type: apiError.code, Message: apiError.message, ...apiError.fields },
      {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-errortype": apiError.code,
        ...headers,
      },
    );
    record(action, apiError.status);
  }
}

function callerArn(
  accountId: string,
  session: ReturnType<EmulatorOrganization["session"]>,
): string {
  return session
    ? `arn:aws:sts::${accountId}:assumed-role/${session.roleName}/${session.sessionName}`
    : `arn:aws:iam::${accountId}:user/emulator`;
}

function notAuthorized(arn: string, action: string): string {
  return `User: ${arn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
}

function sendXml(
  res: ServerResponse,
  status: number,
  xml: string,
  headers: Record<string, string>,
) {
  res.writeHead(status, {
    "content-type": "text/xml",
    "content-length": Buffer.byteLength(xml),
    ...headers,
  });
  res.end(xml);
}
