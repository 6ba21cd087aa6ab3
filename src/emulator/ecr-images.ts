/**
 * The images of the emulator's Image functions, as ECR stores them: a manifest (a manifest list
 * naming each platform for a multi-architecture image) and its digest. Served by ./ecr.ts.
 */

export interface StoredImage {
  digestHex: string;
  manifest: string;
  mediaType: string;
}

const LIST_TYPE = "application/vnd.docker.distribution.manifest.list.v2+json";
const IMAGE_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
/** Docker's names for Lambda's architectures. */
const PLATFORM = { x86_64: "amd64", arm64: "arm64" } as const;

/** The manifest of an image for these architectures: a list when more than one. */
export function imageManifest(
  name: string,
  architectures: ReadonlyArray<"x86_64" | "arm64">,
): { manifest: string; mediaType: string } {
  const digest = (text: string) =>
    `sha256:${Buffer.from(text).toString("hex").padEnd(64, "0").slice(0, 64)}`;
  if (architectures.length === 1) {
    return {
      mediaType: IMAGE_TYPE,
      manifest: JSON.stringify({
        schemaVersion: 2,
        mediaType: IMAGE_TYPE,
        config: {
          mediaType: "application/vnd.docker.container.image.v1+json",
          size: 1472,
          digest: digest(`${name}-config`),
        },
        layers: [
          {
            mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip",
            size: 31_357_624,
            digest: digest(`${name}-layer`),
          },
        ],
      }),
    };
  }
  return {
    mediaType: LIST_TYPE,
    manifest: JSON.stringify({
      schemaVersion: 2,
      mediaType: LIST_TYPE,
      manifests: architectures.map((arch) => ({
        mediaType: IMAGE_TYPE,
        size: 529,
        digest: digest(`${name}-${arch}`),
        platform: { architecture: PLATFORM[arch], os: "linux" },
      })),
    }),
  };
}
