/**
 * Turns a URL into one vetted IP address and pins the connection to it.
 *
 * The hostname comes from the WHATWG URL parser (which already normalises decimal/hex/octal/short
 * IPv4 and drops userinfo); names are resolved once here, every answer is vetted, and the socket's
 * `lookup` only ever hands back that vetted address — so a DNS answer that changes between the
 * check and the connect (rebinding) is never used.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress, LookupOptions } from "node:dns";
import { isIP } from "node:net";
import { CheckFailureError, classifyNetworkError } from "./check-failure";
import { classifyAddress, isAddressAllowed, type AddressPolicy } from "./ssrf";

/** Injectable resolver (tests use it to simulate DNS answers without a DNS server). */
export type HostLookup = (hostname: string) => Promise<LookupAddress[]>;

export interface VettedTarget {
  hostname: string; // as sent in Host/SNI
  address: string; // the only address the socket may connect to
  family: 4 | 6;
}

export const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** URL hostname without IPv6 brackets and without the trailing root dot (same name for DNS). */
export function urlHost(url: URL): string {
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return host.endsWith(".") && isIP(host) === 0 ? host.slice(0, -1) : host;
}

function refuse(host: string, address: string): CheckFailureError {
  const shown = host === address ? address : `${host} (${address})`;
  const cls = classifyAddress(address);
  const article = /^[aeiou]/.test(cls) ? "an" : "a";
  return new CheckFailureError("blocked-address", `${shown} is ${article} ${cls} address and may not be checked`);
}

/** Resolves and vets a URL's host; throws CheckFailureError ("blocked-address" | "dns" | "error"). */
export async function resolveTarget(
  url: URL,
  policy: AddressPolicy,
  lookup: HostLookup = systemLookup,
): Promise<VettedTarget> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CheckFailureError("error", `unsupported scheme ${url.protocol} (only http and https)`);
  }
  const hostname = urlHost(url);
  const literal = isIP(hostname);
  if (literal !== 0) {
    if (!isAddressAllowed(hostname, policy)) throw refuse(hostname, hostname);
    return { hostname, address: hostname, family: literal === 4 ? 4 : 6 };
  }
  let answers: LookupAddress[];
  try {
    answers = await lookup(hostname);
  } catch (err) {
    const failure = classifyNetworkError(err);
    throw failure.kind === "error" ? new CheckFailureError("dns", failure.message) : failure;
  }
  if (answers.length === 0) throw new CheckFailureError("dns", `${hostname} has no addresses`);
  // One bad answer refuses the name: a host that also points at metadata is hostile, not flaky.
  const bad = answers.find((a) => !isAddressAllowed(a.address, policy));
  if (bad) throw refuse(hostname, bad.address);
  const first = answers[0]!;
  return { hostname, address: first.address, family: first.family === 6 ? 6 : 4 };
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that answers only with the vetted address (re-checked, in case a
 * policy bug let it through), in both the single and the `all: true` form Node 20+ asks for.
 */
export function pinnedLookup(target: VettedTarget, policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    if (!isAddressAllowed(target.address, policy)) {
      const err: NodeJS.ErrnoException = refuse(hostname, target.address);
      process.nextTick(callback, err, "", 0);
      return;
    }
    const answer: LookupAddress = { address: target.address, family: target.family };
    if (options.all) process.nextTick(callback, null, [answer]);
    else process.nextTick(callback, null, answer.address, answer.family);
  };
}
