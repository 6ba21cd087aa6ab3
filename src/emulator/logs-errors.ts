/**
 * CloudWatch Logs errors in AWS JSON 1.1: HTTP 400 (500 for the service's own faults) with
 * `{"__type": "<Code>", "message": "…"}`, the code the SDK maps to its exception class.
 */
import type { ServerResponse } from "node:http";
import { ApiError, send } from "./http.js";

const LOGS_ERRORS = {
  InvalidParameterException: 400,
  ResourceNotFoundException: 400,
  LimitExceededException: 400,
  MalformedQueryException: 400,
  ThrottlingException: 400,
  AccessDeniedException: 400,
  UnknownOperationException: 400,
  SerializationException: 400,
  ServiceUnavailableException: 500,
} as const;

export type LogsErrorCode = keyof typeof LOGS_ERRORS;

export function logsError(
  code: LogsErrorCode,
  message: string,
  fields: Record<string, unknown> = {},
): ApiError {
  return new ApiError(LOGS_ERRORS[code], code, message, { fields });
}

export function sendLogsError(res: ServerResponse, error: ApiError, requestId: string): void {
  send(
    res,
    error.status,
    { __type: error.code, message: error.message, ...error.fields },
    {
      "content-type": "application/x-amz-json-1.1",
      "x-amzn-requestid": requestId,
      ...error.headers,
    },
  );
}
