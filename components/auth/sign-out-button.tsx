"use client";
import { signOut } from "next-auth/react";

export function SignOutButton({ label, className }: { label: string; className?: string }) {
  return (
    <button type="button" className={className} onClick={() => void signOut({ callbackUrl: "/" })}>
      {label}
    </button>
  );
}
