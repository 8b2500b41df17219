import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import https from "https";
import type { AddressInfo } from "net";
import os from "os";
import path from "path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves folders over https on 127.0.0.1 (a random free port), as the add-in is served in
 * development. The certificate is self-signed, made for this run; the browser is told to accept it.
 * Earlier roots win when two hold the same path.
 */
export async function serveHttps(roots: readonly string[]): Promise<StaticServer> {
  const certDir = mkdtempSync(path.join(os.tmpdir(), "cdrp-cert-"));
  const key = path.join(certDir, "key.pem");
  const cert = path.join(certDir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-subj",
      "/CN=localhost",
      "-days",
      "1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" }
  );
  const server = https.createServer(
    { key: readFileSync(key), cert: readFileSync(cert) },
    (req, res) => {
      const urlPath = decodeURIComponent((req.url ?? "/").split("?")[0] as string);
      for (const root of roots) {
        const file = path.join(root, path.normalize(urlPath).replace(/^(\.\.[/\\])+/, ""));
        if (!file.startsWith(root)) continue;
        try {
          if (!statSync(file).isFile()) continue;
          res.writeHead(200, {
            "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
          });
          res.end(readFileSync(file));
          return;
        } catch {
          continue;
        }
      }
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(certDir, { recursive: true, force: true });
      }),
  };
}
