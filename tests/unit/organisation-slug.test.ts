import { describe, expect, it } from "vitest";
import { emailDomainOf, isOnDomains, isSlug, normaliseDomain, slugOf } from "@/lib/organisations/slug";

describe("organisation slugs", () => {
  it("turns a name into lower-case ASCII words joined by hyphens", () => {
    expect(slugOf("Internet Society (ISOC)")).toBe("internet-society-isoc");
    expect(slugOf("Cámara de Comercio Electrónico")).toBe("camara-de-comercio-electronico");
    expect(slugOf("  --  ")).toBe("organisation");
    expect(slugOf("互联网协会")).toBe("organisation");
    expect(slugOf("a".repeat(100)).length).toBe(60);
    expect(isSlug(slugOf("Réseau africain pour la liberté en ligne"))).toBe(true);
    expect(isSlug("../etc")).toBe(false);
  });
});

describe("organisation e-mail domains", () => {
  it("accepts domain names and refuses webmail and junk", () => {
    expect(normaliseDomain(" @ITU.int. ")).toBe("itu.int");
    expect(normaliseDomain("gmail.com")).toBeNull();
    expect(normaliseDomain("not a domain")).toBeNull();
    expect(normaliseDomain("localhost")).toBeNull();
  });

  it("matches an address on a domain or one of its subdomains, not a look-alike", () => {
    expect(emailDomainOf("Ana@Mail.ITU.int")).toBe("mail.itu.int");
    expect(isOnDomains("ana@itu.int", ["itu.int"])).toBe(true);
    expect(isOnDomains("ana@mail.itu.int", ["itu.int"])).toBe(true);
    expect(isOnDomains("ana@fakeitu.int", ["itu.int"])).toBe(false);
    expect(isOnDomains("ana@itu.int.evil.example", ["itu.int"])).toBe(false);
  });
});
