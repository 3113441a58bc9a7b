/** Why a check failed; stored with each result so the UI can say what went wrong without parsing text. */
export type FailureKind =
  | "timeout"
  | "dns"
  | "refused"
  | "blocked-address"
  | "status"
  | "keyword"
  | "json-path"
  | "tls"
  | "body-too-large"
  | "redirect-loop"
  | "error";

/** Thrown inside the check pipeline and turned into a CheckResult at its edge; never escapes runHttpCheck. */
export class CheckFailureError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
    this.name = "CheckFailureError";
  }
}

const TLS_CODES = new Set([
  "EPROTO",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

function errorCode(err: unknown): string {
  if (typeof err === "object" && err !== null && "code" in err && typeof err.code === "string") return err.code;
  return "";
}

/** Maps a socket/DNS/TLS error from node to a failure kind; unknown errors become "error". */
export function classifyNetworkError(err: unknown): CheckFailureError {
  if (err instanceof CheckFailureError) return err;
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ENODATA" || code === "EAI_FAIL") {
    return new CheckFailureError("dns", message);
  }
  if (code === "ECONNREFUSED") return new CheckFailureError("refused", message);
  if (TLS_CODES.has(code) || code.startsWith("ERR_TLS_") || code.startsWith("ERR_SSL_") || code.startsWith("CERT_")) {
    return new CheckFailureError("tls", message);
  }
  return new CheckFailureError("error", code ? `${code}: ${message}` : message);
}
