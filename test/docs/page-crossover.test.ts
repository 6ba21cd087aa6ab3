// The documented examples of docs/crossover.md (run-page.ts says how they run).
import { describePage } from "./run-page.js";

describePage("docs/crossover.md");
