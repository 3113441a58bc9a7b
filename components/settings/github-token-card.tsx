"use client";
import { useState } from "react";
import type { TokenView } from "@/lib/github/admin/views";
import { useRemoveTokenMutation, useSaveTokenMutation } from "@/lib/github/admin/hooks";
import { ApiClientError } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";

import { Time } from "@/components/ui/time";

/** Where the GitHub token comes from; admins enter, replace or remove a stored one. It is never shown. */
export function GithubTokenCard({ token, isAdmin }: { token: TokenView; isAdmin: boolean }) {
  const [replacing, setReplacing] = useState(false);
  const remove = useRemoveTokenMutation();
  return (
    <Card title="GitHub token">
      {token.source === "env" && (
        <p className="text-sm">
          Using <code>GITHUB_TOKEN</code> from the environment. It takes precedence over a token entered here.
        </p>
      )}
      {token.source === "settings" && (
        <div className="space-y-2 text-sm">
          <p>
            A token is stored, encrypted
            {token.login ? (
              <>
                {" "}
                — it authenticates as <strong>{token.login}</strong>
              </>
            ) : null}
            . Saved <Time value={token.updatedAt} mode="absolute" />
            {token.updatedBy ? ` by ${token.updatedBy}` : ""}. It is never shown again.
          </p>
          {token.problem && (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {token.problem}
            </p>
          )}
          {isAdmin && !replacing && (
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => setReplacing(true)}>
                Replace token
              </Button>
              <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
                Remove token
              </Button>
            </div>
          )}
          {remove.error && (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {remove.error.message}
            </p>
          )}
        </div>
      )}
      {token.source === "none" && (
        <p className="text-sm">
          No token yet: steward needs one to read issues, pull requests, checks and Dependabot alerts (a fine-grained
          token with read access to them, or a classic token with <code>repo</code>).{" "}
          {isAdmin ? "Enter it below, or set GITHUB_TOKEN." : "An admin enters it here or sets GITHUB_TOKEN."}
        </p>
      )}
      {isAdmin && (token.source === "none" || replacing) && <TokenForm onDone={() => setReplacing(false)} />}
    </Card>
  );
}

function TokenForm({ onDone }: { onDone: () => void }) {
  const save = useSaveTokenMutation();
  const error =
    save.error instanceof ApiClientError
      ? (save.error.fieldErrors.token?.[0] ?? save.error.message)
      : save.error?.message;
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        save.mutate(String(new FormData(form).get("token") ?? ""), {
          onSuccess: () => {
            form.reset();
            onDone();
          },
        });
      }}
    >
      <div className="min-w-72 flex-1">
        <TextField
          id="github-token"
          name="token"
          type="password"
          label="Token"
          autoComplete="off"
          spellCheck={false}
          required
          error={error}
          hint="Checked against GitHub, then stored encrypted with a key derived from the app secret."
        />
      </div>
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Checking…" : "Save token"}
      </Button>
    </form>
  );
}
