import type { Actor } from "@/lib/auth/request";

/** Every incident operation takes one context: who acts (null for the system) and when. */
export type IncidentContext = { actor: Actor | null; now?: Date };

export const nowOf = (ctx: IncidentContext) => ctx.now ?? new Date();
export const actorName = (ctx: IncidentContext) => ctx.actor?.username ?? "steward";
