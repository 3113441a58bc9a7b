import type { FormEvent } from "react";

/**
 * A form submit handler that keeps what was typed when the server refuses it (React 19 resets a
 * form after a `<form action>` runs, even when it failed).
 */
export function onSubmitWith(handler: (form: FormData, element: HTMLFormElement) => Promise<unknown>) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    void handler(new FormData(element), element);
  };
}
