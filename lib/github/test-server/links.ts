import type { GeneratedRepo } from "./types";

/**
 * Back-references (comment → issue → repository) are hidden from enumeration, so the data stays a
 * tree: deep-equal and JSON work, and `Issue.repository`-style fields can still resolve.
 */
const PARENT = Symbol("parent");
type Linked = { [PARENT]?: object };

/** Stored as a non-enumerable symbol property: invisible to deep-equal and JSON, cheaper than a WeakMap. */
export function link<T extends object>(child: T, parent: object): T {
  Object.defineProperty(child, PARENT, { value: parent, writable: true, configurable: true, enumerable: false });
  return child;
}

export function parentOf(child: object): object | undefined {
  return (child as Linked)[PARENT];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Nearest ancestor with the given `__typename` (e.g. the Issue a LabeledEvent belongs to). */
export function ancestorOf(child: object, typenames: readonly string[]): Record<string, unknown> | undefined {
  let current = parentOf(child);
  while (current) {
    if (isRecord(current) && typenames.includes(String(current.__typename))) return current;
    current = parentOf(current);
  }
  return undefined;
}

export function repoOf(child: object): GeneratedRepo | undefined {
  return ancestorOf(child, ["Repository"]) as GeneratedRepo | undefined;
}

const FACTORIES = Symbol("lazy");
type Lazy = { [FACTORIES]?: Record<string, () => unknown> };
const accessors = new Map<string, { get(this: Lazy): unknown; set(this: Lazy, value: unknown): void }>();

/** One getter per property name, shared by every object: V8 can then share hidden classes. */
function accessorFor(key: string) {
  let accessor = accessors.get(key);
  if (!accessor) {
    const store = (obj: object, value: unknown) =>
      Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
    accessor = {
      get(this: Lazy) {
        const make = this[FACTORIES]?.[key];
        const value = make ? make() : undefined;
        store(this, value);
        return value;
      },
      set(this: Lazy, value: unknown) {
        store(this, value);
      },
    };
    accessors.set(key, accessor);
  }
  return accessor;
}

/** A property computed on first read and then stored as a plain value (still enumerable). */
export function defineLazy<T extends object, K extends keyof T & string>(obj: T, key: K, make: () => T[K]): void {
  const target = obj as T & Lazy;
  if (!target[FACTORIES]) Object.defineProperty(target, FACTORIES, { value: {}, enumerable: false });
  (target[FACTORIES] as Record<string, () => unknown>)[key] = make;
  const { get, set } = accessorFor(key);
  Object.defineProperty(obj, key, { configurable: true, enumerable: true, get, set });
}
