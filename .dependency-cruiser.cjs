/**
 * The layering of src/ (docs/architecture.md), checked by `npm run lint:layers` inside `npm test`.
 * Type-only imports count (tsPreCompilationDeps): a type cycle is still a cycle for a reader.
 * test/layers.test.ts proves each rule fires on a deliberately bad import.
 */
const SERVICES = "^src/(tune|report|advise)/";
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "No import cycle between files (and so none between folders).",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "core-is-pure",
      comment: "src/core imports only src/core and plain libraries: no node:*, no AWS SDK.",
      severity: "error",
      from: { path: "^src/core/" },
      to: {
        pathNot: ["^src/core/", "^node_modules/(decimal\\.js|zod)/"],
      },
    },
    {
      name: "services-use-ports",
      comment:
        "Application services (src/tune, src/report, src/advise) import core (their ports live there) and src/fs, never adapters, output, price loading or the CLI.",
      severity: "error",
      from: { path: SERVICES },
      to: { path: "^src/(aws|emulator|output|cli|prices|api|index\\.ts)" },
    },
    {
      name: "adapters-import-core",
      comment: "AWS adapters import core (the ports they implement) and nothing else of ours.",
      severity: "error",
      from: { path: "^src/aws/" },
      to: { path: "^src/", pathNot: ["^src/aws/", "^src/core/"] },
    },
    {
      name: "output-imports-core",
      comment: "Renderers take core result models; they never reach into services or adapters.",
      severity: "error",
      from: { path: "^src/output/" },
      to: { path: "^src/", pathNot: ["^src/output/", "^src/core/"] },
    },
    {
      name: "emulator-imports-core",
      comment: "The emulator is a stand-alone AWS: it may share core rules (limits), nothing else.",
      severity: "error",
      from: { path: "^src/emulator/" },
      to: { path: "^src/", pathNot: ["^src/emulator/", "^src/core/"] },
    },
    {
      name: "prices-import-core",
      comment: "Price-table loading validates against core types only.",
      severity: "error",
      from: { path: "^src/prices/" },
      to: { path: "^src/", pathNot: ["^src/prices/", "^src/core/"] },
    },
    {
      name: "fs-imports-nothing",
      comment: "File-system helpers are leaves.",
      severity: "error",
      from: { path: "^src/fs/" },
      to: { path: "^src/", pathNot: "^src/fs/" },
    },
    {
      name: "root-entry-stays-light",
      comment:
        '`import … from "lambda-cost"` is pricing and estimate: it must never load the AWS SDK, the adapters or the emulator (sub-paths do).',
      severity: "error",
      from: { path: "^src/index\\.ts$" },
      to: {
        path: ["@aws-sdk/", "@smithy/", "^src/(aws|emulator|tune|report|cli)/"],
        reachable: true,
      },
    },
    {
      name: "nothing-imports-cli",
      comment: "The CLI is the top: it assembles everything, and nothing depends on it.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".json"],
    },
  },
};
