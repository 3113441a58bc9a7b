/**
 * Address policy for outbound health checks (SSRF defence).
 *
 * Works on IP addresses only: URL tricks (decimal/hex/octal/short IPv4, trailing dots, userinfo)
 * are normalised by the WHATWG URL parser and hostnames by a DNS lookup before anything here is
 * asked (see `resolve-target.ts`). IPv6 forms that embed an IPv4 address (mapped, compatible,
 * SIIT, NAT64, 6to4) are judged by the IPv4 address they embed.
 */
import { BlockList, isIP } from "node:net";

export type AddressClass =
  | "metadata"
  | "link-local"
  | "loopback"
  | "private"
  | "unspecified"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "public"
  | "invalid";

export interface AddressPolicy {
  /** Loopback and private ranges (RFC 1918, CGNAT, ULA): allowed for self-hosted use, off for SaaS. */
  allowPrivate: boolean;
}

/** Instance-metadata and host-agent endpoints of the big clouds; always refused, even when "public". */
export const METADATA_ADDRESSES: readonly string[] = [
  "169.254.169.254", // AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle…
  "169.254.170.2", // AWS ECS task metadata
  "169.254.170.23", // AWS EKS pod identity agent
  "100.100.100.200", // Alibaba Cloud
  "192.0.0.192", // Oracle Cloud (legacy)
  "168.63.129.16", // Azure WireServer / host agent (a public address)
  "fd00:ec2::254", // AWS IMDS over IPv6
  "fd00:ec2::23", // AWS EKS pod identity agent over IPv6
];

type Rule = readonly [AddressClass, string, number];

const V4_RULES: readonly Rule[] = [
  ["unspecified", "0.0.0.0", 8], // Linux routes 0.x.x.x to the local host
  ["broadcast", "255.255.255.255", 32],
  ["loopback", "127.0.0.0", 8],
  ["link-local", "169.254.0.0", 16],
  ["multicast", "224.0.0.0", 4],
  ["reserved", "240.0.0.0", 4],
  ["reserved", "192.0.0.0", 24], // IETF protocol assignments
  ["reserved", "192.0.2.0", 24], // documentation (TEST-NET-1..3)
  ["reserved", "198.51.100.0", 24],
  ["reserved", "203.0.113.0", 24],
  ["reserved", "192.88.99.0", 24], // deprecated 6to4 relay anycast
  ["private", "10.0.0.0", 8],
  ["private", "172.16.0.0", 12],
  ["private", "192.168.0.0", 16],
  ["private", "100.64.0.0", 10], // carrier-grade NAT
  ["private", "198.18.0.0", 15], // benchmarking, used inside some data centres
];

const V6_RULES: readonly Rule[] = [
  ["unspecified", "::", 128],
  ["loopback", "::1", 128],
  ["link-local", "fe80::", 10],
  ["multicast", "ff00::", 8],
  ["private", "fc00::", 7], // unique local
  ["private", "fec0::", 10], // deprecated site-local
  ["private", "64:ff9b:1::", 48], // local-use NAT64: embedding depends on the operator's prefix
  ["reserved", "2001:db8::", 32], // documentation
  ["reserved", "3fff::", 20], // documentation (RFC 9637)
  ["reserved", "2001::", 23], // IETF protocol assignments incl. Teredo
  ["reserved", "100::", 64], // discard-only
];

function compile(rules: readonly Rule[], type: "ipv4" | "ipv6"): Array<[AddressClass, BlockList]> {
  return rules.map(([cls, net, prefix]) => {
    const list = new BlockList();
    list.addSubnet(net, prefix, type);
    return [cls, list];
  });
}

const V4_LISTS = compile(V4_RULES, "ipv4");
const V6_LISTS = compile(V6_RULES, "ipv6");
const V6_GLOBAL_UNICAST = compile([["public", "2000::", 3]], "ipv6")[0]![1];

function parseIpv4(ip: string): number {
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/** Expands a valid IPv6 address (zone id stripped) into eight 16-bit words. */
function ipv6Words(ip: string): number[] {
  let s = ip.split("%")[0]!.toLowerCase();
  const lastColon = s.lastIndexOf(":");
  const tail = s.slice(lastColon + 1);
  if (tail.includes(".")) {
    const v4 = parseIpv4(tail);
    s = `${s.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head = "", rest] = s.split("::");
  const words = (part: string) => (part === "" ? [] : part.split(":").map((h) => parseInt(h, 16)));
  const front = words(head);
  if (rest === undefined) return front;
  const back = words(rest);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** The IPv4 address an IPv6 address embeds in a well-known translation prefix, if any. */
function embeddedIpv4(w: number[]): string | undefined {
  const v4 = (hi: number, lo: number) => formatIpv4(((w[hi]! << 16) | w[lo]!) >>> 0);
  const zeros = (from: number, to: number) => w.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && w[5] === 0xffff) return v4(6, 7); // ::ffff:a.b.c.d (mapped)
  if (zeros(0, 4) && w[4] === 0xffff && w[5] === 0) return v4(6, 7); // ::ffff:0:a.b.c.d (SIIT)
  if (zeros(0, 6)) return v4(6, 7); // ::a.b.c.d (compatible; :: and ::1 are judged before)
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return v4(6, 7); // NAT64 64:ff9b::/96
  if (w[0] === 0x2002) return v4(1, 2); // 6to4
  return undefined;
}

function classifyIpv4(ip: string): AddressClass {
  if (METADATA_ADDRESSES.includes(ip)) return "metadata";
  return V4_LISTS.find(([, list]) => list.check(ip, "ipv4"))?.[0] ?? "public";
}

function classifyIpv6(ip: string): AddressClass {
  const words = ipv6Words(ip);
  const canonical = words.map((w) => w.toString(16)).join(":");
  const isMetadata = METADATA_ADDRESSES.some((m) => isIP(m) === 6 && ipv6Words(m).join(":") === words.join(":"));
  if (isMetadata) return "metadata";
  if (canonical === "0:0:0:0:0:0:0:0") return "unspecified";
  if (canonical === "0:0:0:0:0:0:0:1") return "loopback";
  const v4 = embeddedIpv4(words);
  if (v4 !== undefined) return classifyIpv4(v4);
  const hit = V6_LISTS.find(([, list]) => list.check(ip.split("%")[0]!, "ipv6"));
  if (hit) return hit[0];
  return V6_GLOBAL_UNICAST.check(ip.split("%")[0]!, "ipv6") ? "public" : "reserved";
}

/** Classifies a literal IP address (no brackets); anything that is not an IP is "invalid". */
export function classifyAddress(ip: string): AddressClass {
  const version = isIP(ip);
  if (version === 4) return classifyIpv4(ip);
  if (version === 6) return classifyIpv6(ip);
  return "invalid";
}

/** Metadata, link-local, unspecified, multicast, broadcast and reserved are never allowed. */
export function isAddressAllowed(ip: string, policy: AddressPolicy): boolean {
  const cls = classifyAddress(ip);
  if (cls === "public") return true;
  if (cls === "loopback" || cls === "private") return policy.allowPrivate;
  return false;
}
