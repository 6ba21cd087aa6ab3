/** The pure half of `tune`: log parsing, statistics, sampling, recommendation, analysis. */

export * from "./analyze.js";
export * from "./architectures.js";
export * from "./equivalence.js";
export * from "./model-decision.js";
export * from "./parse-log.js";
export * from "./racing.js";
export * from "./rank.js";
export * from "./recommend.js";
export * from "./sampling.js";
export * from "./scaling-model.js";
export * from "./size-list.js";
export * from "./size-search.js";
export * from "./stats.js";
export * from "./summarize.js";
export * from "./types.js";
