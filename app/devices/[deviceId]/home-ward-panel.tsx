"use client";
// The home ward (and room) of a device not at a bed or patient, e.g. a medication fridge's logger: its
// alarms go to that ward's nurses. Biomed and admins set or clear it here; a refusal names the field.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SelectField } from "@/components/ui/text-field";
import { refusalText } from "@/lib/actions/refusal-text";
import type { HomeWardOption } from "@/lib/devices/device-home-options";
import { setDeviceWardAction } from "./actions";

export function HomeWardPanel({
  deviceId,
  wardId,
  roomId,
  options,
  editable,
}: {
  deviceId: string;
  wardId: string | null;
  roomId: string | null;
  options: HomeWardOption[];
  editable: boolean;
}) {
  const router = useRouter();
  const [ward, setWard] = useState(wardId ?? "");
  const [room, setRoom] = useState(roomId ?? "");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const rooms = options.find((o) => o.id === ward)?.rooms ?? [];
  const current = options.find((o) => o.id === wardId);
  const currentRoom = current?.rooms.find((r) => r.id === roomId);

  function save() {
    setMessage(null);
    startTransition(async () => {
      const res = await setDeviceWardAction({ deviceId, home: { ward: ward || null, room: ward && room ? room : null } });
      if (!res.ok) {
        setMessage({ ok: false, text: refusalText(res) });
        return;
      }
      setMessage({ ok: true, text: ward ? "Saved: its alarms now go to this ward." : "Cleared: the device belongs to no ward." });
      router.refresh();
    });
  }

  return (
    <div className="text-sm" data-testid="device-home-ward">
      <p>
        {current ? (
          <>
            {current.code} · {current.name}
            {currentRoom && ` · ${currentRoom.name}`}
          </>
        ) : (
          <span className="text-ink-faint">no home ward: its alarms reach biomed and admins only</span>
        )}
      </p>
      {editable && (
        <form
          className="mt-3 flex flex-wrap items-end gap-3"
          aria-label="Set the home ward"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <SelectField
            id="home-ward"
            label="Ward"
            value={ward}
            placeholder="None"
            options={options.map((o) => ({ value: o.id, label: `${o.code} · ${o.name}` }))}
            onValueChange={(v) => {
              setWard(v);
              setRoom("");
            }}
          />
          <SelectField
            id="home-room"
            label="Room"
            value={room}
            placeholder={ward && rooms.length === 0 ? "No floor plan" : "Any room"}
            options={rooms.map((r) => ({ value: r.id, label: r.name }))}
            onValueChange={setRoom}
            disabled={!ward || rooms.length === 0}
          />
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Setting…" : "Set home ward"}
          </Button>
        </form>
      )}
      {message && (
        <FormMessage ok={message.ok} className="mt-2">
          {message.text}
        </FormMessage>
      )}
    </div>
  );
}
