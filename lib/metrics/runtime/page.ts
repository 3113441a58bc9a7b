// Every target's runtime KPIs for one period, worst first, one page at a time (/kpis/runtime).
import "server-only";
import { computeRuntime, listRuntimeTargets } from ".";
import { pageOf, runtimeRows, worstFirst, type RuntimeRow } from "./table";
import { periodWindow, type Period } from "../window";

export type RuntimeTablePage = {
  label: string;
  start: string;
  end: string;
  rows: RuntimeRow[];
  page: number;
  pages: number;
  total: number;
};

export async function getRuntimeTablePage(input: {
  period: Period;
  tz: string;
  page: number;
  now?: Date;
}): Promise<RuntimeTablePage> {
  const window = periodWindow(input.period, input.tz);
  const targets = await listRuntimeTargets();
  const [values] = await computeRuntime(targets, [window], input.now ?? new Date());
  const paged = pageOf(worstFirst(runtimeRows(targets, values ?? {})), input.page);
  return { label: window.label, start: window.start.toISOString(), end: window.end.toISOString(), ...paged };
}
