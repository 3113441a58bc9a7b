import { notFound } from "next/navigation";

// Any address no page answers: render the not-found page inside the app's shell (navigation stays).
export default function MissingPage() {
  notFound();
}
