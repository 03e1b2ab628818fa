// S3-compatible attachment storage against a minimal S3 stand-in on loopback: signed, path-style requests.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Storage, newStorageKey } from "@/lib/storage";

const objects = new Map<string, { bytes: Buffer; type: string }>();
const seen: { method: string; url: string; authorization: string; amzDate: string; sha: string }[] = [];
let server: Server;
let endpoint = "";

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = req.url ?? "";
    seen.push({
      method: req.method ?? "", url,
      authorization: String(req.headers.authorization ?? ""), amzDate: String(req.headers["x-amz-date"] ?? ""), sha: String(req.headers["x-amz-content-sha256"] ?? ""),
    });
    if (!String(req.headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256 ") || url.startsWith("/read-only-bucket/")) {
      res.writeHead(403).end();
      return;
    }
    if (req.method === "PUT") {
      objects.set(url, { bytes: await bodyOf(req), type: String(req.headers["content-type"] ?? "") });
      res.writeHead(200).end();
    } else if (req.method === "GET") {
      const object = objects.get(url);
      if (!object) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": object.type, "content-length": object.bytes.length }).end(object.bytes);
    } else if (req.method === "DELETE") {
      objects.delete(url);
      res.writeHead(204).end();
    } else {
      res.writeHead(405).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  endpoint = `http://127.0.0.1:${address.port}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("S3Storage", () => {
  it("stores, reads back and deletes an attachment with signed path-style requests", async () => {
    const s3 = new S3Storage(endpoint, "agora-files", "eu-central-1", "AKIDEXAMPLE", "secret");
    const key = newStorageKey(new Date("2027-03-01T00:00:00Z"));
    const bytes = new TextEncoder().encode("%PDF-1.4 a small contribution");
    await s3.put(key, bytes, "application/pdf");

    const put = seen.at(-1);
    expect(put).toMatchObject({ method: "PUT", url: `/agora-files/${key}` });
    expect(put?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/s3\/aws4_request, SignedHeaders=host;[^,]*x-amz-date[^,]*, Signature=[0-9a-f]{64}$/);
    expect(put?.amzDate).toMatch(/^\d{8}T\d{6}Z$/);
    expect(objects.get(`/agora-files/${key}`)?.type).toBe("application/pdf");

    const got = await s3.get(key);
    expect(got?.size).toBe(bytes.byteLength);
    const read = new Uint8Array(await new Response(got?.body).arrayBuffer());
    expect(read).toEqual(bytes);

    await s3.delete(key);
    expect(await s3.get(key)).toBeNull();
  });

  it("refuses keys it did not generate, before any request", async () => {
    const s3 = new S3Storage(endpoint, "agora-files", "us-east-1", "AKIDEXAMPLE", "secret");
    const before = seen.length;
    await expect(s3.get("../../etc/passwd")).rejects.toThrow(/invalid storage key/);
    expect(seen.length).toBe(before);
  });

  it("reports a refused or unreachable upload instead of pretending it is stored", async () => {
    const refused = new S3Storage(endpoint, "read-only-bucket", "us-east-1", "AKIDEXAMPLE", "secret");
    await expect(refused.put(newStorageKey(), new Uint8Array([1]), "text/plain")).rejects.toThrow(/S3 PUT failed: 403/);
    const unreachable = new S3Storage("http://127.0.0.1:1/", "agora-files", "us-east-1", "AKIDEXAMPLE", "secret");
    await expect(unreachable.put(newStorageKey(), new Uint8Array([1]), "text/plain")).rejects.toThrow();
  });
});
