// A draft's pages: the comment forms, the comment editor and the e-mail verification notice are client components
// that translate; they get these namespaces of the catalogue and no others (components/i18n/client-messages.tsx).
import { ClientMessages } from "@/components/i18n/client-messages";

export default function DraftLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["comments", "integrity", "accounts"]}>{children}</ClientMessages>;
}
