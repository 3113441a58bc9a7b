import { AuthCard, FormAlert } from "@/components/auth/auth-card";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

type Props = { error?: string; username?: string; retry?: string; next?: string; signedOut?: string };

function errorMessage(error: string | undefined, retry: string | undefined): string | null {
  if (error === "invalid") return "Wrong username or password.";
  if (error === "throttled") {
    const minutes = Math.max(1, Math.ceil(Number(retry ?? "60") / 60));
    return `Too many failed sign-ins. Try again in about ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  return null;
}

/** A plain HTML form: signing in works without JavaScript. */
export function LoginForm({ error, username, retry, next, signedOut }: Props) {
  const message = errorMessage(error, retry);
  return (
    <AuthCard title="Sign in" description="Use the account an admin created for you.">
      {message && <FormAlert>{message}</FormAlert>}
      {!message && signedOut && <FormAlert tone="info">You are signed out.</FormAlert>}
      <form action="/api/auth/login" method="post" className="space-y-4">
        {next && <input type="hidden" name="next" value={next} />}
        <TextField
          id="username"
          name="username"
          label="Username"
          autoComplete="username"
          required
          defaultValue={username}
          autoFocus={!username}
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          required
          autoFocus={Boolean(username)}
        />
        <Button type="submit" className="w-full">
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
