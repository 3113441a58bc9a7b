// UUID version 7 (RFC 9562) for rows written with plain SQL, as Prisma's @default(uuid(7)) makes them:
// 48 bits of Unix milliseconds, then a counter seeded at random each millisecond, so ids made in a
// row by this process sort in the order they were made (timelines order equal times by id).
import { randomBytes } from "node:crypto";

// Random bytes drawn 4 KiB at a time: a push can make hundreds of ids, and each randomBytes call is a
// native call (wrapped again inside Next's server) — per id it was a visible share of a push's CPU.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

function random(size: number): Buffer {
  if (poolOffset + size > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  poolOffset += size;
  return pool.subarray(poolOffset - size, poolOffset);
}

let lastMs = -1;
let counter = 0; // 42 bits: 12 in rand_a, 30 at the top of rand_b

export function uuid7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = random(4).readUInt32BE() & 0x7ff_ffff; // leaves room to count up within the millisecond
  } else {
    counter += 1;
    if (counter > 0x3ff_ffff_ffff) {
      lastMs += 1; // overflow: borrow the next millisecond, as RFC 9562 allows
      counter = 0;
    }
  }
  const bytes = random(16); // used once: overwriting the pool's bytes below is fine
  const ms = lastMs;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  const high = Math.floor(counter / 2 ** 30); // 12 bits
  const low = counter % 2 ** 30; // 30 bits
  bytes[6] = 0x70 | (high >>> 8);
  bytes[7] = high & 0xff;
  bytes[8] = 0x80 | ((low >>> 24) & 0x3f);
  bytes[9] = (low >>> 16) & 0xff;
  bytes[10] = (low >>> 8) & 0xff;
  bytes[11] = low & 0xff;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
