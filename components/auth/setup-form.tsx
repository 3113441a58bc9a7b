import { AuthCard, FormAlert } from "@/components/auth/auth-card";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

/** First run: there are no accounts yet, so the first person here creates the admin. */
export function SetupForm({ error }: { error?: string }) {
  return (
    <AuthCard
      title="Welcome to steward"
      description="Create the admin account. There is no default password: this is the only way in."
    >
      {error && <FormAlert>{error}</FormAlert>}
      <form action="/api/auth/setup" method="post" className="space-y-4">
        <TextField id="displayName" name="displayName" label="Your name" autoComplete="name" required autoFocus />
        <TextField
          id="username"
          name="username"
          label="Username"
          autoComplete="username"
          required
          pattern="[a-zA-Z0-9][a-zA-Z0-9._\-]*"
          hint="Letters, digits, dot, dash or underscore."
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        />
        <Button type="submit" className="w-full">
          Create admin account
        </Button>
      </form>
    </AuthCard>
  );
}
