// The header's "Sign out": a form posting to a server action, so it needs no client code (next-auth's client library
// is about 12 KB gzipped, and it loaded on every page, signed in or not, because the header imported it).
import { signOutAction } from "@/app/actions/sign-out";

export function SignOutButton({ label, className }: { label: string; className?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={className}>{label}</button>
    </form>
  );
}
