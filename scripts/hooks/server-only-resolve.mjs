// Resolve hook: `server-only` → the package's own empty module (its "react-server" export).
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only")
    return nextResolve(specifier, { ...context, conditions: ["react-server", ...context.conditions] });
  return nextResolve(specifier, context);
}
