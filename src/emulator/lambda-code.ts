/**
 * A function's code: UpdateFunctionCode (ZipFile, S3Bucket/S3Key, ImageUri, Architectures,
 * RevisionId, Publish, DryRun; UpdateFunctionCode API reference), the download behind
 * GetFunction's `Code.Location` (a URL on the emulator, as AWS's is a presigned S3 URL), and
 * GetLayerVersion (CompatibleArchitectures).
 */
import { codeSha256, looksLikeZip } from "./code-package.js";
import type { ConfigSnapshot, FunctionRecord } from "./function-record.js";
import { functionConfiguration, lambdaTimestamp } from "./function-view.js";
import { lambdaError } from "./http.js";
import { jsonBody, type LambdaHandler, type LambdaRequest, stringField } from "./lambda-context.js";
import {
  applyUpdate,
  checkRevision,
  conflictInProgress,
  latestToUpdate,
  publish,
} from "./lambda-update.js";
import type { EmulatorState } from "./state.js";

/** Where GetFunction's Code.Location points: served by the emulator itself, unsigned. */
export const CODE_PATH_PREFIX = "/_emulator/code/";

/** Request body limit of UpdateFunctionCode: the 50 MB zip, base64-encoded, in JSON. */
export const UPDATE_CODE_BODY_LIMIT_BYTES = 69_905_067;

const ARCHITECTURES = ["x86_64", "arm64"] as const;

export const updateFunctionCode: LambdaHandler = (req) => {
  const fn = latestToUpdate(req);
  const body = jsonBody(req);
  const architecture = architectureOf(body.Architectures) ?? fn.latest.architecture;
  const next: ConfigSnapshot = { ...fn.latest, architecture, ...codeFrom(req, fn, body) };
  if (body.DryRun === true) {
    return { status: 200, json: functionConfiguration(req.state, fn, undefined) };
  }
  if (req.state.updating(fn)) throw conflictInProgress(req.state, fn);
  checkRevision(stringField(body, "RevisionId"), fn.latestRevisionId);
  applyUpdate(req.state, fn, next);
  // Publish: true publishes the new code at once (the API returns that version's configuration).
  const version = body.Publish === true ? publish(req.state, fn, undefined) : undefined;
  return { status: 200, json: functionConfiguration(req.state, fn, version) };
};

/** `Architectures`: exactly one of x86_64 | arm64, as the API's constraints say. */
function architectureOf(value: unknown): "x86_64" | "arm64" | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length !== 1) {
    throw lambdaError(
      "ValidationException",
      `1 validation error detected: Value '${JSON.stringify(value)}' at 'architectures' failed to satisfy constraint: Member must have length less than or equal to 1, Member must have length greater than or equal to 1`,
    );
  }
  const [arch] = value as unknown[];
  if (!ARCHITECTURES.includes(arch as "x86_64")) {
    throw lambdaError(
      "ValidationException",
      `1 validation error detected: Value '[${String(arch)}]' at 'architectures' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64]]`,
    );
  }
  return arch as "x86_64" | "arm64";
}

/** The new code's identity, from exactly one source that fits the function's package type. */
function codeFrom(
  req: LambdaRequest,
  fn: FunctionRecord,
  body: Record<string, unknown>,
): Pick<ConfigSnapshot, "codeSha256" | "imageUri"> {
  const zipFile = stringField(body, "ZipFile");
  const bucket = stringField(body, "S3Bucket");
  const key = stringField(body, "S3Key");
  const imageUri = stringField(body, "ImageUri");
  const sources = [zipFile, bucket ?? key, imageUri].filter((s) => s !== undefined).length;
  if (fn.latest.packageType === "Image") {
    if (imageUri === undefined || sources > 1) {
      throw lambdaError(
        "InvalidParameterValueException",
        "Please provide ImageUri when updating a function with packageType Image.",
      );
    }
    const image = req.state.imageFor(req.region, imageUri);
    if (!image) {
      throw lambdaError(
        "InvalidParameterValueException",
        `Source image ${imageUri} does not exist. Provide a valid source image.`,
      );
    }
    return { codeSha256: image.digestHex, imageUri };
  }
  if (imageUri !== undefined) {
    throw lambdaError(
      "InvalidParameterValueException",
      "Please don't provide ImageUri when updating a function with packageType Zip.",
    );
  }
  if (sources !== 1) {
    throw lambdaError(
      "InvalidParameterValueException",
      sources === 0
        ? "Please provide a source for function code."
        : "Please provide only one source for function code: ZipFile, or S3Bucket and S3Key.",
    );
  }
  const bytes = zipFile !== undefined ? decodeZipFile(zipFile) : fromS3(req.state, bucket, key);
  if (!looksLikeZip(bytes)) {
    throw lambdaError(
      "InvalidParameterValueException",
      "Could not unzip uploaded file. Please check your file, then try to upload again.",
    );
  }
  const sha = codeSha256(bytes);
  fn.code.set(sha, bytes);
  return { codeSha256: sha, imageUri: undefined };
}

function decodeZipFile(text: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw lambdaError("InvalidRequestContentException", "Could not parse request body into json");
  }
  return Buffer.from(text, "base64");
}

/** The object named by S3Bucket/S3Key, or Lambda's words for what S3 answered. */
function fromS3(state: EmulatorState, bucket: string | undefined, key: string | undefined): Buffer {
  if (bucket === undefined || key === undefined) {
    throw lambdaError(
      "InvalidParameterValueException",
      "Please provide both S3Bucket and S3Key for the code.",
    );
  }
  const objects = state.s3.buckets.get(bucket);
  if (!objects) {
    throw lambdaError(
      "InvalidParameterValueException",
      "Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist",
    );
  }
  const object = objects.get(key);
  if (!object) {
    throw lambdaError(
      "InvalidParameterValueException",
      "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.",
    );
  }
  return object.body;
}

/** GetFunction's `Code`: a download URL for a zip, the image for an image. */
export function codeLocation(
  req: LambdaRequest,
  fn: FunctionRecord,
  config: ConfigSnapshot,
): Record<string, unknown> {
  if (config.packageType === "Image") {
    const repository = (config.imageUri ?? "").replace(/[:@].*$/, "");
    return {
      RepositoryType: "ECR",
      ImageUri: config.imageUri,
      ResolvedImageUri: `${repository}@sha256:${config.codeSha256}`,
    };
  }
  const host = req.headers.host ?? "127.0.0.1";
  const path = [fn.region, fn.name, config.codeSha256].map(encodeURIComponent).join("/");
  return {
    RepositoryType: "S3",
    Location: `http://${host}${CODE_PATH_PREFIX}${path}?X-Amz-Expires=600`,
  };
}

/** The bytes behind a Code.Location, or undefined (the caller answers S3's 404). */
export function codeDownload(state: EmulatorState, path: string): Buffer | undefined {
  const [region, name, sha] = path
    .slice(CODE_PATH_PREFIX.length)
    .split("/")
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return "";
      }
    });
  const fn = state.functionsIn(region ?? "").get(name ?? "");
  return fn?.code.get(sha ?? "");
}

/** GET /2018-10-31/layers/{layer}/versions/{version}: a layer a function of the emulator uses. */
export const getLayerVersion: LambdaHandler = (req) => {
  const layer = req.params.layer!;
  const version = req.params.version!;
  const unversioned = layer.startsWith("arn:")
    ? layer
    : `arn:aws:lambda:${req.region}:${req.state.config.accountId}:layer:${layer}`;
  const arn = `${unversioned}:${version}`;
  const found = /^\d+$/.test(version) ? req.state.layers.get(arn) : undefined;
  if (!found) {
    throw lambdaError("ResourceNotFoundException", "The resource you requested does not exist.");
  }
  return {
    status: 200,
    json: {
      Content: {
        Location: `http://${req.headers.host ?? "127.0.0.1"}/_emulator/layer/${encodeURIComponent(arn)}`,
        CodeSha256: codeSha256(Buffer.from(arn)),
        CodeSize: 4096,
      },
      LayerArn: unversioned,
      LayerVersionArn: arn,
      Description: "",
      CreatedDate: lambdaTimestamp(req.state.now()),
      Version: Number(version),
      CompatibleRuntimes: found.compatibleRuntimes,
      CompatibleArchitectures: found.compatibleArchitectures,
    },
  };
};
