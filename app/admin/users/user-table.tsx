"use client";
// Every account: role, wards, state (active, invited, disabled); disable at once, or a new invite link.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import type { UserView } from "@/lib/users/user-admin";
import { disableUserAction, reinviteAction } from "./actions";

export function UserTable({ users, selfId }: { users: UserView[]; selfId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const disable = (u: UserView) => {
    if (!window.confirm(`Disable ${u.email}? Sign-in stops, API tokens are revoked and open screens are signed out.`)) return;
    startTransition(async () => {
      const res = await disableUserAction({ userId: u.id });
      setMessage(res.ok ? { ok: true, text: `${u.email} disabled.` } : { ok: false, text: res.error });
      router.refresh();
    });
  };
  const reinvite = (u: UserView) =>
    startTransition(async () => {
      const res = await reinviteAction({ userId: u.id });
      setMessage(
        res.ok
          ? { ok: true, text: `New one-time link for ${u.email}: ${new URL(res.data.path, window.location.origin)}` }
          : { ok: false, text: res.error },
      );
    });
  return (
    <Panel headingId="users-heading" title="Accounts">
      {message && <FormMessage ok={message.ok}>{message.text}</FormMessage>}
      <table className="mt-2 w-full text-sm">
        <thead className="text-left text-ink-muted">
          <tr>
            <th className="py-1">Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Wards</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {users.map((u) => (
            <tr key={u.id} data-user={u.email}>
              <td className="py-1">{u.name}</td>
              <td>{u.email}</td>
              <td>{u.role}</td>
              <td>{u.wards.map((w) => w.code).join(", ") || "—"}</td>
              <td>{u.disabledAt ? "disabled" : u.invitePending ? "invited" : "active"}</td>
              <td className="space-x-2 text-right">
                {!u.disabledAt && u.id !== selfId && (
                  <Button size="xs" variant="small" disabled={pending} onClick={() => disable(u)}>
                    Disable
                  </Button>
                )}
                {!u.disabledAt && (
                  <Button size="xs" variant="small" disabled={pending} onClick={() => reinvite(u)}>
                    New link
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
