/** Request reading within a size limit, and the error dialects: Lambda restJson1 and CloudWatch JSON 1.0. */
import type { IncomingMessage, ServerResponse } from "node:http";

/** An error the emulator answers with, in the protocol of the service that raised it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, unknown>;
  readonly headers: Record<string, string>;
  constructor(
    status: number,
    code: string,
    message: string,
    options: { fields?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = options.fields ?? {};
    this.headers = options.headers ?? {};
  }
}

/** Lambda's error classes with their HTTP status and the case of their message field (aws-wire.md §1.2). */
const LAMBDA_ERRORS: Record<string, { status: number; messageKey: string; type: string }> = {
  ResourceNotFoundException: { status: 404, messageKey: "Message", type: "User" },
  ResourceConflictException: { status: 409, messageKey: "message", type: "User" },
  TooManyRequestsException: { status: 429, messageKey: "message", type: "User" },
  InvalidParameterValueException: { status: 400, messageKey: "message", type: "User" },
  ServiceException: { status: 500, messageKey: "Message", type: "Service" },
  PreconditionFailedException: { status: 412, messageKey: "message", type: "User" },
  ResourceNotReadyException: { status: 502, messageKey: "message", type: "Service" },
  ProvisionedConcurrencyConfigNotFoundException: {
    status: 404,
    messageKey: "message",
    type: "User",
  },
  AccessDeniedException: { status: 403, messageKey: "Message", type: "User" },
  InvalidRequestContentException: { status: 400, messageKey: "message", type: "User" },
  /** Constraint violations ("1 validation error detected: …"), outside the SDK's model. */
  ValidationException: { status: 400, messageKey: "message", type: "User" },
  /**
   * The code Lambda sends for an oversized Invoke (the SDK models it as RequestTooLargeException,
   * but clients report `RequestEntityTooLargeException: Request must be smaller than 6291456
   * bytes for the InvokeFunction operation`).
   */
  RequestEntityTooLargeException: { status: 413, messageKey: "message", type: "User" },
  UnknownOperationException: { status: 404, messageKey: "Message", type: "User" },
};

/** A Lambda error by class name, e.g. `lambdaError("ResourceNotFoundException", "…")`. */
export function lambdaError(
  code: keyof typeof LAMBDA_ERRORS,
  message: string,
  options: { fields?: Record<string, unknown>; headers?: Record<string, string> } = {},
): ApiError {
  const spec = LAMBDA_ERRORS[code]!;
  return new ApiError(spec.status, code, message, options);
}

export function sendLambdaError(res: ServerResponse, error: ApiError, requestId: string): void {
  const spec = LAMBDA_ERRORS[error.code] ?? { messageKey: "message", type: "User" };
  const body = { Type: spec.type, [spec.messageKey]: error.message, ...error.fields };
  send(res, error.status, body, {
    "x-amzn-errortype": error.code,
    "x-amzn-requestid": requestId,
    ...error.headers,
  });
}

/**
 * CloudWatch's query-compatible errors: the `x-amzn-query-error: Code;Sender` header carries the
 * awsQuery code that the SDK maps to its exception class (aws-wire.md §2).
 */
const CLOUDWATCH_ERRORS: Record<string, { status: number; queryCode: string; fault: string }> = {
  InvalidParameterValueException: {
    status: 400,
    queryCode: "InvalidParameterValue",
    fault: "Sender",
  },
  InvalidParameterCombinationException: {
    status: 400,
    queryCode: "InvalidParameterCombination",
    fault: "Sender",
  },
  MissingRequiredParameterException: {
    status: 400,
    queryCode: "MissingParameter",
    fault: "Sender",
  },
  InvalidNextToken: { status: 400, queryCode: "InvalidNextToken", fault: "Sender" },
  ValidationException: { status: 400, queryCode: "ValidationError", fault: "Sender" },
  LimitExceededException: { status: 400, queryCode: "LimitExceededException", fault: "Sender" },
  InternalServiceFault: { status: 500, queryCode: "InternalServiceError", fault: "Receiver" },
  Throttling: { status: 400, queryCode: "Throttling", fault: "Sender" },
  AccessDenied: { status: 403, queryCode: "AccessDenied", fault: "Sender" },
  UnknownOperationException: { status: 400, queryCode: "InvalidAction", fault: "Sender" },
  /** GetMetricData over 614,400 bytes: "Request size 639468 exceeded 614400 bytes" (413). */
  RequestEntityTooLarge: { status: 413, queryCode: "RequestEntityTooLarge", fault: "Sender" },
  /** AWS query common errors: no Action; a parameter name the query syntax cannot carry. */
  MissingAction: { status: 400, queryCode: "MissingAction", fault: "Sender" },
  InvalidQueryParameter: { status: 400, queryCode: "InvalidQueryParameter", fault: "Sender" },
};

/** The awsQuery code and fault of a CloudWatch error (the XML `Code` and `Type`). */
export function cloudwatchQueryError(code: string): {
  status: number;
  queryCode: string;
  fault: string;
} {
  return CLOUDWATCH_ERRORS[code] ?? CLOUDWATCH_ERRORS.InternalServiceFault!;
}

export function cloudwatchError(code: keyof typeof CLOUDWATCH_ERRORS, message: string): ApiError {
  return new ApiError(CLOUDWATCH_ERRORS[code]!.status, code, message);
}

export function sendCloudWatchError(res: ServerResponse, error: ApiError, requestId: string): void {
  const spec = cloudwatchQueryError(error.code);
  const body = { __type: `com.amazonaws.cloudwatch#${error.code}`, message: error.message };
  send(res, error.status, body, {
    "content-type": "application/x-amz-json-1.0",
    "x-amzn-query-error": `${spec.queryCode};${spec.fault}`,
    "x-amzn-requestid": requestId,
    ...error.headers,
  });
}

export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A body past its service's limit: `declaredBytes` is the Content-Length, when one was sent. */
export class BodyTooLarge extends Error {
  readonly limitBytes: number;
  readonly declaredBytes: number | undefined;
  constructor(limitBytes: number, declaredBytes: number | undefined) {
    super(`request body over ${limitBytes} bytes`);
    this.limitBytes = limitBytes;
    this.declaredBytes = declaredBytes;
  }
}

/**
 * Reads a body of at most `limitBytes`, refusing while streaming: a Content-Length over the
 * limit is refused before anything is read, a chunked body as soon as it crosses the limit, so a
 * 150 MB upload is never held in memory.
 */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  const declaredBytes = Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
  if (declaredBytes !== undefined && declaredBytes > limitBytes) {
    throw new BodyTooLarge(limitBytes, declaredBytes);
  }
  // Listeners, not `for await`: leaving that loop early would destroy the socket before the 413.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= limitBytes) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      req.pause();
      reject(new BodyTooLarge(limitBytes, declaredBytes));
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/** Bytes of a refused body still read (and dropped) so the client sees the 413 before the close. */
const DISCARD_AFTER_REFUSAL_BYTES = 8 * 1_048_576;

/**
 * After a 413 the rest of the body is read and dropped (never kept), up to 8 MB; a client still
 * sending after that has its connection destroyed. Closing at once would make many clients see a
 * reset instead of the answer (the unread bytes turn the close into a TCP RST), and a
 * `Connection: close` answer makes Node close the socket as soon as the answer is written.
 */
export function discardThenClose(req: IncomingMessage): void {
  let dropped = 0;
  const stop = () => req.socket.destroy();
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_AFTER_REFUSAL_BYTES) stop();
  });
  req.on("error", stop);
  req.resume();
}

/** Parses a JSON body; an empty body is `{}`. */
export function parseJsonBody(body: Buffer, onError: () => ApiError): Record<string, unknown> {
  if (body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw onError();
    return value as Record<string, unknown>;
  } catch {
    throw onError();
  }
}

/** The region in the SigV4 credential scope: `Credential=AKID/20261126/us-east-1/lambda/aws4_request`. */
export function regionFromAuthorization(header: string | undefined): string | undefined {
  const match = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\//.exec(header ?? "");
  return match?.[1];
}
