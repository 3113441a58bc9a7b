import type { ReactNode } from "react";

/**
 * A form's or a panel's error line: announced to screen readers (role="alert") and readable in both
 * themes. `className` adds spacing (e.g. "mt-2"), not colour.
 */
export function FormError({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <p role="alert" className={`text-sm text-red-700 dark:text-red-400 ${className}`.trim()}>
      {children}
    </p>
  );
}
