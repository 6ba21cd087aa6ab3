/**
 * The code of an emulated function: a real .zip archive (one stored, uncompressed `index.js`),
 * so that what a client downloads from GetFunction's `Code.Location` and uploads again with
 * UpdateFunctionCode is a valid zip whose `CodeSha256` is computed as Lambda computes it: the
 * base64 of the SHA-256 of the archive's bytes (UpdateFunctionCode API reference, `CodeSha256`).
 */
import { createHash } from "node:crypto";

/** The SHA-256 of a deployment package, base64-encoded (Lambda's `CodeSha256`). */
export function codeSha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("base64");
}

/** "PK\x03\x04": every zip archive starts with a local file header. */
export function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 22 && bytes.readUInt32LE(0) === 0x04034b50;
}

const CRC_TABLE = Array.from({ length: 256 }, (_v, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE), as the zip format needs for each entry (zlib.crc32 is Node ≥ 20.15 only). */
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const NAME = Buffer.from("index.js");
/** Local header (30) + central directory entry (46) + end record (22), plus the name twice. */
const OVERHEAD = 30 + 46 + 22 + 2 * NAME.length;

/**
 * A zip of one `index.js` naming the function; padded with a comment so that the archive is
 * `sizeBytes` long when asked (to exercise the 50 MB direct-upload limit).
 */
export function syntheticZip(functionName: string, seed: number, sizeBytes?: number): Buffer {
  const head = `// ${functionName}: a function of the lambda-cost emulator (seed ${seed})\nexports.handler = async () => ({ ok: true });\n`;
  const minimum = Buffer.byteLength(head) + OVERHEAD;
  const padding = sizeBytes !== undefined && sizeBytes > minimum ? sizeBytes - minimum : 0;
  const content = Buffer.concat([
    Buffer.from(head),
    padding > 0 ? Buffer.alloc(padding, 0x20) : Buffer.alloc(0),
  ]);
  return storedZip(content);
}

function storedZip(content: Buffer): Buffer {
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(NAME.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // version made by
  central.writeUInt16LE(20, 6); // version needed
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(NAME.length, 28);
  const centralOffset = local.length + NAME.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + NAME.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, NAME, content, central, NAME, end]);
}
