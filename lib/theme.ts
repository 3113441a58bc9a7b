import { z } from "zod";

export const THEME_COOKIE = "steward_theme";
export const Theme = z.enum(["system", "light", "dark"]).catch("system");
export type Theme = z.infer<typeof Theme>;
