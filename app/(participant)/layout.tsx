// The signed-in participant's pages (contribute, my contributions, profile, notifications): their forms are client
// components that translate, so this subtree gets the catalogues the root layout no longer sends (ClientMessages).
import { ClientMessages } from "@/components/i18n/client-messages";

export default function ParticipantLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
