import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">There is nothing at this address.</p>
      <Link href="/today" className="mt-6 inline-block text-sky-700 underline dark:text-sky-400">
        Go to Today
      </Link>
    </main>
  );
}
