// The frame of every message: the platform's name, the content, and a footer saying why the recipient gets it
// (with the unsubscribe link on non-essential messages). react-email components give markup mail clients accept.
import type { ReactNode } from "react";
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { EmailContext } from "./define";

const page = { backgroundColor: "#f5f5f4", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" };
const card = { backgroundColor: "#ffffff", border: "1px solid #e7e5e4", borderRadius: "6px", maxWidth: "560px", margin: "0 auto", padding: "24px" };
const brand = { color: "#1e3a5f", fontSize: "20px", fontWeight: 700, margin: "0 0 16px" };
const small = { color: "#57534e", fontSize: "13px", lineHeight: "20px", margin: "8px 0 0" };

export function EmailLayout({ ctx, preview, children }: { ctx: EmailContext; preview: string; children: ReactNode }) {
  return (
    <Html lang={ctx.locale} dir={ctx.dir}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Text style={brand}>{ctx.siteName}</Text>
          {children}
          <Hr style={{ borderColor: "#e7e5e4", margin: "24px 0 8px" }} />
          <Text style={small}>{ctx.t("email.footer.sentTo", { address: ctx.recipient.address, site: ctx.siteName })}</Text>
          {ctx.unsubscribeUrl ? (
            <Text style={small}>
              {ctx.t("email.footer.why")}{" "}
              <Link href={ctx.unsubscribeUrl} style={{ color: "#1e3a5f", textDecoration: "underline" }}>
                {ctx.t("email.footer.unsubscribe")}
              </Link>
            </Text>
          ) : (
            <Text style={small}>{ctx.t("email.footer.essential")}</Text>
          )}
        </Container>
      </Body>
    </Html>
  );
}

export function EmailText({ children }: { children: ReactNode }) {
  return <Text style={{ color: "#1c1917", fontSize: "15px", lineHeight: "24px", margin: "0 0 12px" }}>{children}</Text>;
}

/** A call to action: a button, and the same link written out for clients that show no buttons (and the text part). */
export function EmailAction({ href, label, ctx }: { href: string; label: string; ctx: EmailContext }) {
  return (
    <Section style={{ margin: "16px 0" }}>
      <Button href={href} style={{ backgroundColor: "#1e3a5f", borderRadius: "4px", color: "#ffffff", fontSize: "15px", fontWeight: 600, padding: "12px 20px" }}>
        {label}
      </Button>
      <Text style={small}>
        {ctx.t("email.common.linkFallback")}{" "}
        <Link href={href} style={{ color: "#1e3a5f", wordBreak: "break-all" }}>{href}</Link>
      </Text>
    </Section>
  );
}
