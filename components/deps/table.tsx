/** A table that scrolls sideways inside its card on a narrow screen instead of widening the page. */
export function ScrollTable({
  caption,
  head,
  children,
  testId,
}: {
  caption: string;
  head: string[];
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <div className="-mx-5 overflow-x-auto px-5" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs text-neutral-500 dark:text-neutral-400">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="py-1 pr-3 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 align-top dark:divide-neutral-800">{children}</tbody>
      </table>
    </div>
  );
}

export const td = "py-2 pr-3";
