/**
 * `lambda-cost/emulator`: a local AWS (Lambda, CloudWatch, CloudWatch Logs, S3) over node:http
 * that the real SDK clients talk to through `endpoint`. See docs/emulator.md.
 */
export {
  type EmulatorConfigInput,
  emulatorConfig,
  type StartEmulatorInput,
  startEmulator,
} from "../emulator/http-server.js";
export type * from "../emulator/types.js";
