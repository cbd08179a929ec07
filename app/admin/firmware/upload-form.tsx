"use client";
// Uploading a firmware package: device type, version, the file, and its Ed25519 signature (base64,
// over the raw file bytes). Posted as multipart/form-data to POST /api/v1/firmware (same session);
// a refusal is shown with the field at fault.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { sendForm } from "@/components/data/fetch-data";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Hint } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import * as s from "@/lib/events/wire-shape";

const uploadedSchema = s.object({ package: s.object({ deviceType: s.string(), version: s.string(), sha256: s.string() }) });

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
      const res = await sendForm("/api/v1/firmware", data, uploadedSchema);
      if (res.ok) {
        const p = res.data.package;
        setResult({ ok: true, text: `Uploaded ${p.deviceType} ${p.version} (SHA-256 ${p.sha256}). Signature verified.` });
        form.reset();
        router.refresh();
      } else if (res.status === null) setResult({ ok: false, text: "The upload did not reach the server; nothing was stored." });
      else setResult({ ok: false, text: res.error ?? `upload failed (HTTP ${res.status})` });
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Upload a firmware package">
      <div className="flex flex-wrap items-end gap-3">
        <Field id="fw-type" label="Device type">
          <Select id="fw-type" name="deviceType" className="mt-1" options={types.map((t) => ({ value: t.key, label: t.label }))} />
        </Field>
        <Field id="fw-version" label="Version" className="w-36">
          <Input id="fw-version" name="version" required maxLength={64} placeholder="e.g. 2.5.0" className="mt-1 font-mono" />
        </Field>
        <Field id="fw-file" label="Package file">
          <input
            id="fw-file"
            name="file"
            type="file"
            required
            className="mt-1 block text-sm text-ink-muted file:mr-3 file:rounded file:border file:border-line-strong file:bg-panel-raised file:px-3 file:py-1.5 file:text-ink"
          />
        </Field>
      </div>
      <Field
        id="fw-signature"
        label={
          <>
            Signature <span className="font-normal text-ink-muted">(base64 Ed25519 signature of the raw file bytes)</span>
          </>
        }
      >
        <Textarea id="fw-signature" name="signature" required rows={2} spellCheck={false} className="mt-1 font-mono" />
        <Hint>
          {demo ? (
            <>
              Demo mode: sign with the demo key:{" "}
              <code className="font-mono text-ink">npm run cli -- firmware sign --file &lt;path&gt;</code>
            </>
          ) : (
            <>
              Sign offline: <code className="font-mono text-ink">openssl pkeyutl -sign -rawin -inkey key.pem -in fw.bin | base64 -w0</code>
            </>
          )}
        </Hint>
      </Field>
      <Field
        id="fw-sha"
        label={
          <>
            SHA-256 <span className="font-normal text-ink-muted">(optional: refused if the file does not match)</span>
          </>
        }
        className="w-full max-w-xl"
      >
        <Input id="fw-sha" name="sha256" maxLength={64} spellCheck={false} className="mt-1 font-mono" />
      </Field>
      {result && <FormMessage ok={result.ok}>{result.text}</FormMessage>}
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Uploading and verifying…" : "Upload"}
      </Button>
    </form>
  );
}
