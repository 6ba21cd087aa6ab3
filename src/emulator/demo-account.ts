/**
 * The demo account `lambda-cost emulator` serves when no --config is given: the world of
 * examples/emulator.json (four functions in two regions, two months of history). Imported as a
 * JSON module so it ships inside the package and inside bundles: an installed copy can try
 * estimate, tune and report with no files of its own.
 */
import demo from "../../examples/emulator.json" with { type: "json" };

/** The demo account's config, as the emulator's validation takes it. */
export const demoAccountConfig: unknown = demo;
