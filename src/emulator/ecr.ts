/**
 * A little of Amazon ECR (AWS JSON 1.1, `X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.*`):
 * BatchGetImage over the images of the emulator's Image functions, so a client can tell a
 * multi-architecture image (a manifest list naming each platform) from a single-architecture one
 * (ECR API reference, BatchGetImage and ImageFailure). One repository per Image function, named
 * after it, with the tag `latest`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkAccess } from "./access.js";
import { ApiError, parseJsonBody, readBody, send } from "./http.js";
import type { EmulatorState } from "./state.js";

export const ECR_TARGET = "AmazonEC2ContainerRegistry_V20150921.";

export interface EcrCall {
  requestId: string;
  region: string;
  arrived(): void;
  record(action: string, status: number): void;
}

export async function serveEcr(
  state: EmulatorState,
  call: EcrCall,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req, 1_048_576).catch(() => Buffer.alloc(0));
  call.arrived();
  const target = String(req.headers["x-amz-target"] ?? "");
  const operation = target.startsWith(ECR_TARGET) ? target.slice(ECR_TARGET.length) : "Unknown";
  const action = `ecr:${operation}`;
  const headers = {
    "content-type": "application/x-amz-json-1.1",
    "x-amzn-requestid": call.requestId,
  };
  try {
    checkAccess(state, action, call.region, "ecr");
    if (operation !== "BatchGetImage") {
      throw new ApiError(400, "UnknownOperationException", `Unknown operation ${target}`);
    }
    const input = parseJsonBody(
      body,
      () => new ApiError(400, "SerializationException", "Unable to parse the request body"),
    );
    send(res, 200, batchGetImage(state, call.region, input), headers);
    call.record(action, 200);
  } catch (error) {
    const apiError =
      error instanceof ApiError ? error : new ApiError(500, "ServerException", String(error));
    send(res, apiError.status, { __type: apiError.code, message: apiError.message }, headers);
    call.record(action, apiError.status);
  }
}

function batchGetImage(
  state: EmulatorState,
  region: string,
  input: Record<string, unknown>,
): Record<string, unknown> {
  const repositoryName = input.repositoryName;
  const imageIds = input.imageIds;
  if (typeof repositoryName !== "string" || !Array.isArray(imageIds) || imageIds.length === 0) {
    throw new ApiError(
      400,
      "InvalidParameterException",
      "repositoryName and imageIds (1 to 100 items) are required",
    );
  }
  const registryId =
    typeof input.registryId === "string" ? input.registryId : state.config.accountId;
  const repository = state.images.get(`${region}/${registryId}/${repositoryName}`);
  if (!repository) {
    throw new ApiError(
      400,
      "RepositoryNotFoundException",
      `The repository with name '${repositoryName}' does not exist in the registry with id '${registryId}'`,
    );
  }
  const images: unknown[] = [];
  const failures: unknown[] = [];
  for (const raw of imageIds as Array<Record<string, unknown>>) {
    const tag = typeof raw.imageTag === "string" ? raw.imageTag : undefined;
    const digest = typeof raw.imageDigest === "string" ? raw.imageDigest : undefined;
    const found = tag
      ? repository.get(tag)
      : [...repository.values()].find((image) => `sha256:${image.digestHex}` === digest);
    if (!found) {
      failures.push({
        imageId: raw,
        failureCode: "ImageNotFound",
        failureReason: "Requested image not found",
      });
      continue;
    }
    images.push({
      registryId,
      repositoryName,
      imageId: { imageDigest: `sha256:${found.digestHex}`, ...(tag ? { imageTag: tag } : {}) },
      imageManifest: found.manifest,
      imageManifestMediaType: found.mediaType,
    });
  }
  return { images, failures };
}
