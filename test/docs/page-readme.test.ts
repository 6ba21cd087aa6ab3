// The documented examples of README.md (run-page.ts says how they run).
import { describePage } from "./run-page.js";

describePage("README.md");
