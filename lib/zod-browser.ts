// Pages run under a nonce CSP without 'unsafe-eval'. zod's JIT probes `new Function`, which the
// browser reports as a CSP violation even though zod catches it: in the browser, run zod without it.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
