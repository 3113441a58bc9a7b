import { getEnv } from "@/lib/env";
import { parseUpdateTargets, type UpdateTargets } from "./targets";

export function getUpdateTargets(): UpdateTargets {
  return parseUpdateTargets(getEnv().STEWARD_DEPS_UPDATE_TARGETS);
}
