// The heading of every AI admin page: title, what the page is for, the model endpoint in use (saying
// plainly when it is the built-in demo model) and the section tabs.
import type { ReactNode } from "react";
import type { AiStatus } from "@/lib/ai/service-types";
import { AiSectionTabs, type AiSection } from "./ai-section-tabs";
import { DEMO_NOTICE } from "./feature-outcome";

export function AiAdminHeader({
  title,
  section,
  status,
  children,
}: {
  title: string;
  section: AiSection;
  status: AiStatus | null;
  children?: ReactNode;
}) {
  return (
    <header>
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children && <p className="mt-1 max-w-4xl text-sm text-ink-muted">{children}</p>}
      {status && (
        <p className="mt-2 text-xs text-ink-muted" data-testid="ai-endpoint">
          Model endpoint: <span className="font-mono text-ink">{status.demo ? "built-in demo model" : status.endpoint}</span> · timeout{" "}
          {Math.round(status.timeoutMs / 1000)} s{status.demo && <span className="ml-2 text-alarm-medium">{DEMO_NOTICE}</span>}
        </p>
      )}
      <AiSectionTabs current={section} />
    </header>
  );
}
