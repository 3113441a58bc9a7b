/** Only http(s) addresses become links: URLs come from synced GitHub data, which steward does not control. */
export function safeExternalHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Opens GitHub in a new tab without telling it where the visitor came from. */
export function ExternalLink({
  href,
  children,
  className = "",
}: {
  href: string;
  children: React.ReactNode;
  className?: string;
}) {
  const safe = safeExternalHref(href);
  if (!safe) return <span className={className}>{children}</span>;
  return (
    <a
      href={safe}
      target="_blank"
      rel="noreferrer"
      className={`text-sky-800 hover:underline dark:text-sky-300 ${className}`}
    >
      {children}
    </a>
  );
}
