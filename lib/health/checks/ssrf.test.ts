import type { LookupAddress } from "node:dns";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CheckFailureError } from "./check-failure";
import { installLoopbackGuard, type LoopbackGuard } from "./loopback-test-kit";
import { pinnedLookup, resolveTarget, type HostLookup } from "./resolve-target";
import { classifyAddress, isAddressAllowed, type AddressClass } from "./ssrf";

let guard: LoopbackGuard;
beforeAll(() => void (guard = installLoopbackGuard()));
afterAll(() => {
  guard.restore();
  expect(guard.violations).toEqual([]);
});

const ADDRESSES: Array<[string, AddressClass]> = [
  ["169.254.169.254", "metadata"],
  ["fd00:ec2::254", "metadata"],
  ["fd00:ec2:0:0:0:0:0:254", "metadata"],
  ["100.100.100.200", "metadata"],
  ["168.63.129.16", "metadata"],
  ["::ffff:169.254.169.254", "metadata"],
  ["::ffff:a9fe:a9fe", "metadata"],
  ["64:ff9b::a9fe:a9fe", "metadata"],
  ["2002:a9fe:a9fe::1", "metadata"],
  ["169.254.1.1", "link-local"],
  ["fe80::1", "link-local"],
  ["fe80::1%eth0", "link-local"],
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["::1", "loopback"],
  ["::ffff:127.0.0.1", "loopback"],
  ["10.1.2.3", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["192.168.1.1", "private"],
  ["100.64.0.1", "private"],
  ["fc00::1", "private"],
  ["fd12:3456::1", "private"],
  ["::ffff:10.0.0.1", "private"],
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["::", "unspecified"],
  ["224.0.0.1", "multicast"],
  ["ff02::1", "multicast"],
  ["255.255.255.255", "broadcast"],
  ["240.0.0.1", "reserved"],
  ["192.0.2.10", "reserved"],
  ["2001:db8::1", "reserved"],
  ["8.8.8.8", "public"],
  ["172.32.0.1", "public"],
  ["2606:4700:4700::1111", "public"],
  ["64:ff9b::808:808", "public"],
  ["not-an-ip", "invalid"],
];

describe("classifyAddress", () => {
  it.each(ADDRESSES)("%s is %s", (ip, cls) => expect(classifyAddress(ip)).toBe(cls));
});

describe("isAddressAllowed", () => {
  it.each([
    ["169.254.169.254", true, false],
    ["fe80::1", true, false],
    ["0.0.0.0", true, false],
    ["224.0.0.1", true, false],
    ["127.0.0.1", true, true],
    ["127.0.0.1", false, false],
    ["10.0.0.1", true, true],
    ["10.0.0.1", false, false],
    ["8.8.8.8", false, true],
  ])("%s with allowPrivate=%s → %s", (ip, allowPrivate, allowed) => {
    expect(isAddressAllowed(ip, { allowPrivate })).toBe(allowed);
  });
});

// Hostnames only ever reach this fake resolver; IP-literal URLs must never call it.
const FAKE_DNS: Record<string, string[]> = {
  "metadata.google.internal": ["169.254.169.254"],
  "metadata.test": ["169.254.169.254"],
  "mixed.test": ["93.184.215.14", "169.254.169.254"],
  "v6meta.test": ["fd00:ec2::254"],
  "app.test": ["127.0.0.1"],
};
const fakeLookup = vi.fn<HostLookup>(async (host) => {
  const found = FAKE_DNS[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return found.map((address): LookupAddress => ({ address, family: address.includes(":") ? 6 : 4 }));
});

const REFUSED_URLS = [
  "http://169.254.169.254/latest/meta-data/",
  "http://2852039166/", // decimal
  "http://0xa9fea9fe/", // hex
  "http://0xa9.0xfe.0xa9.0xfe/", // hex per octet
  "http://0251.0376.0251.0376/", // octal
  "http://169.254.43518/", // short form
  "http://169.254.169.254./", // trailing dot
  "http://good@169.254.169.254/", // userinfo
  "http://good:pw@169.254.169.254:80/", // userinfo with password
  "http://[::ffff:169.254.169.254]/",
  "http://[::ffff:a9fe:a9fe]/",
  "http://[0:0:0:0:0:ffff:169.254.169.254]/",
  "http://[::a9fe:a9fe]/", // IPv4-compatible
  "http://[::ffff:0:a9fe:a9fe]/", // SIIT
  "http://[64:ff9b::169.254.169.254]/", // NAT64
  "http://[2002:a9fe:a9fe::]/", // 6to4
  "http://[fd00:ec2::254]/latest/meta-data/",
  "http://100.100.100.200/latest/meta-data/",
  "http://168.63.129.16/machine?comp=goalstate",
  "http://169.254.170.2/v2/credentials",
  "http://169.254.1.1/",
  "http://[fe80::1]/",
  "http://0/",
  "http://0.0.0.0:8080/",
  "http://[::]/",
  "http://224.0.0.1/",
  "http://255.255.255.255/",
  "http://metadata.google.internal/computeMetadata/v1/",
  "http://metadata.test./", // trailing dot on a name
  "https://mixed.test/", // one bad answer is enough
  "http://v6meta.test/",
];

describe("resolveTarget refuses metadata, link-local and other forbidden targets", () => {
  it.each(REFUSED_URLS)("%s", async (url) => {
    const err = await resolveTarget(new URL(url), { allowPrivate: true }, fakeLookup).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckFailureError);
    expect((err as CheckFailureError).kind).toBe("blocked-address");
  });

  it("never resolves IP literals through DNS", async () => {
    fakeLookup.mockClear();
    await resolveTarget(new URL("http://2852039166/"), { allowPrivate: true }, fakeLookup).catch(() => undefined);
    expect(fakeLookup).not.toHaveBeenCalled();
  });

  it("allows loopback by policy and refuses it with allowPrivate:false", async () => {
    await expect(resolveTarget(new URL("http://app.test/"), { allowPrivate: true }, fakeLookup)).resolves.toMatchObject(
      { address: "127.0.0.1" },
    );
    await expect(resolveTarget(new URL("http://[::1]/"), { allowPrivate: false }, fakeLookup)).rejects.toMatchObject({
      kind: "blocked-address",
    });
  });

  it("reports unknown names as dns failures and other schemes as errors", async () => {
    await expect(resolveTarget(new URL("http://nope.test/"), { allowPrivate: true }, fakeLookup)).rejects.toMatchObject(
      { kind: "dns" },
    );
    await expect(
      resolveTarget(new URL("file:///etc/passwd"), { allowPrivate: true }, fakeLookup),
    ).rejects.toMatchObject({ kind: "error" });
  });
});

describe("pinnedLookup", () => {
  it("answers only with the vetted address, in both callback forms", async () => {
    const lookup = pinnedLookup({ hostname: "app.test", address: "127.0.0.1", family: 4 }, { allowPrivate: true });
    const single = await new Promise((r) =>
      lookup("anything.else", {}, (err, address, family) => r({ err, address, family })),
    );
    expect(single).toEqual({ err: null, address: "127.0.0.1", family: 4 });
    const all = await new Promise((r) => lookup("anything.else", { all: true }, (err, address) => r({ err, address })));
    expect(all).toEqual({ err: null, address: [{ address: "127.0.0.1", family: 4 }] });
  });

  it("refuses a pinned address the policy forbids", async () => {
    const lookup = pinnedLookup({ hostname: "x", address: "169.254.169.254", family: 4 }, { allowPrivate: true });
    const err = await new Promise((r) => lookup("x", {}, (e) => r(e)));
    expect(err).toMatchObject({ kind: "blocked-address" });
  });
});
