/**
 * S3 requests off the wire: reads the body within a size limit (refusing a larger one as S3
 * does, EntityTooLarge), then answers through ./s3.ts and records the call.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLarge, discardThenClose, readBody } from "./http.js";
import type { S3Response } from "./s3.js";
import { errorResponse, handleS3 } from "./s3.js";
import type { EmulatorState } from "./state.js";

/**
 * The largest object the emulator keeps in memory. S3 itself takes 5 GB in one PUT; a test or a
 * report needs kilobytes, and the limit keeps a hostile upload from filling the heap.
 */
export const S3_OBJECT_LIMIT_BYTES = 64 * 1024 * 1024;

export interface S3Call {
  requestId: string;
  /** Marks the request as arrived (the emulator's per-request hooks). */
  arrived(): void;
  record(action: string, status: number): void;
}

export async function serveS3(
  state: EmulatorState,
  call: S3Call,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let body: Buffer;
  try {
    body = await readBody(req, S3_OBJECT_LIMIT_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    call.arrived();
    const sizes: Record<string, string> = { MaxSizeAllowed: `${S3_OBJECT_LIMIT_BYTES}` };
    if (error.declaredBytes !== undefined) sizes.ProposedSize = `${error.declaredBytes}`;
    write(
      res,
      errorResponse(
        call.requestId,
        "s3:PutObject",
        400,
        "EntityTooLarge",
        "Your proposed upload exceeds the maximum allowed size",
        sizes,
      ),
      call,
    );
    discardThenClose(req);
    return;
  }
  call.arrived();
  const rawPath = (req.url ?? "/").split("?")[0] ?? "/";
  const request = { method: req.method ?? "GET", rawPath, headers: req.headers, body };
  write(
    res,
    handleS3(state.s3, { ...request, requestId: call.requestId, now: new Date(state.now()) }),
    call,
  );
}

function write(res: ServerResponse, response: S3Response, call: S3Call): void {
  res.writeHead(response.status, response.headers);
  res.end(response.body);
  call.record(response.action, response.status);
}
