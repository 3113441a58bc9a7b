// The result of an import (client-safe).
export type ImportOutcome = {
  id: string;
  slug: string;
  title: string;
  created: boolean;
  active: boolean;
  sections: number;
  items: number;
  warnings: string[];
};
