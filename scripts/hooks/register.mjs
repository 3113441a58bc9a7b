// Plain Node entry points (start, worker, demo, benchmarks, the e2e server) load lib/ modules marked
// `import "server-only"`. Next's bundler enforces that marker for client bundles; in Node the package
// throws, so here it resolves to its own empty module — as Next does for server code ("react-server").
import { register } from "node:module";

register("./server-only-resolve.mjs", import.meta.url);
