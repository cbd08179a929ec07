"use client";
// Uploading a firmware package: device type, version, the file, and its Ed25519 signature (base64,
// over the raw file bytes). Posted as multipart/form-data to POST /api/v1/firmware (same session);
// a refusal is shown with the field at fault.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { buttonClass, inputClass } from "../devices/secret-reveal";

export function UploadForm({ types, demo, maxBytes }: { types: { key: string; label: string }[]; demo: boolean; maxBytes: number }) {
  const router = useRouter();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return setResult({ ok: false, text: "file: choose the package file" });
    if (file.size > maxBytes) return setResult({ ok: false, text: `file: is ${file.size} bytes; the limit is ${maxBytes} bytes (32 MiB)` });
    setResult(null);
    startTransition(async () => {
      try {
        const res = await fetch("/api/v1/firmware", { method: "POST", body: data });
        const body = (await res.json()) as { error?: string; package?: { deviceType: string; version: string; sha256: string } };
        if (!res.ok || !body.package) return setResult({ ok: false, text: body.error ?? `upload failed (HTTP ${res.status})` });
        setResult({ ok: true, text: `Uploaded ${body.package.deviceType} ${body.package.version} (SHA-256 ${body.package.sha256}). Signature verified.` });
        form.reset();
        router.refresh();
      } catch {
        setResult({ ok: false, text: "The upload did not reach the server; nothing was stored." });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Upload a firmware package">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="fw-type" className="block text-sm font-medium">
            Device type
          </label>
          <select id="fw-type" name="deviceType" className={`mt-1 ${inputClass}`}>
            {types.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="w-36">
          <label htmlFor="fw-version" className="block text-sm font-medium">
            Version
          </label>
          <input id="fw-version" name="version" required maxLength={64} placeholder="e.g. 2.5.0" className={`mt-1 ${inputClass} font-mono`} />
        </div>
        <div>
          <label htmlFor="fw-file" className="block text-sm font-medium">
            Package file
          </label>
          <input id="fw-file" name="file" type="file" required className="mt-1 block text-sm text-ink-muted file:mr-3 file:rounded file:border file:border-line-strong file:bg-panel-raised file:px-3 file:py-1.5 file:text-ink" />
        </div>
      </div>
      <div>
        <label htmlFor="fw-signature" className="block text-sm font-medium">
          Signature <span className="font-normal text-ink-muted">(base64 Ed25519 signature of the raw file bytes)</span>
        </label>
        <textarea id="fw-signature" name="signature" required rows={2} spellCheck={false} className={`mt-1 ${inputClass} font-mono`} />
        <p className="mt-1 text-xs text-ink-muted">
          {demo ? (
            <>
              Demo mode: sign with the demo key: <code className="font-mono text-ink">npm run cli -- firmware sign --file &lt;path&gt;</code>
            </>
          ) : (
            <>
              Sign offline: <code className="font-mono text-ink">openssl pkeyutl -sign -rawin -inkey key.pem -in fw.bin | base64 -w0</code>
            </>
          )}
        </p>
      </div>
      <div className="w-full max-w-xl">
        <label htmlFor="fw-sha" className="block text-sm font-medium">
          SHA-256 <span className="font-normal text-ink-muted">(optional: refused if the file does not match)</span>
        </label>
        <input id="fw-sha" name="sha256" maxLength={64} spellCheck={false} className={`mt-1 ${inputClass} font-mono`} />
      </div>
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-ok" : "text-alarm-high"}`}>
          {result.text}
        </p>
      )}
      <button type="submit" disabled={pending} className={`${buttonClass} bg-accent text-canvas hover:brightness-110`}>
        {pending ? "Uploading and verifying…" : "Upload"}
      </button>
    </form>
  );
}
