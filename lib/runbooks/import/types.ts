// What an import produces (the preview shape of POST /api/v1/runbooks/preview).
import type { Cadence } from "./cadence";

export type ItemKind = "task" | "step" | "criterion";

export type ImportedItem = {
  key: string;
  text: string;
  kind: ItemKind;
  checked: boolean;
  suggestedCheck: string | null;
  parentKey: string | null;
};

export type ImportedCommand = { lang: string | null; code: string };

export type ImportedSection = {
  title: string;
  path: string[];
  cadence: Cadence & { inherited: boolean };
  items: ImportedItem[];
  commands: ImportedCommand[];
  guidance: string;
};

export type ImportPreview = { title: string; sections: ImportedSection[]; warnings: string[] };
