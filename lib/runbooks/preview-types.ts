// The JSON of POST /api/v1/runbooks/preview (client-safe).
export type PreviewResponse = {
  title: string;
  warnings: string[];
  sections: Array<{
    title: string;
    path: string[];
    cadence: {
      rrule: string | null;
      onDemand: boolean;
      businessHoursOnly: boolean;
      text: string | null;
      inherited: boolean;
    };
    items: Array<{
      key: string;
      text: string;
      kind: "task" | "step" | "criterion";
      checked: boolean;
      suggestedCheck: string | null;
      parentKey: string | null;
    }>;
    commands: Array<{ lang: string | null; code: string }>;
    guidance: string;
  }>;
};
