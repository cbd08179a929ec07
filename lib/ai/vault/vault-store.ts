// lib/ai/vault owns the prompt vault's storage: prompts by name, immutable numbered versions, labels
// (`production`, `staging` moved by admins; `latest` is the newest version), four eyes (production only
// for a version approved by an admin other than its author), every change audited with before and after.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { recordAudit } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { describeIssues, validatePromptVersion } from "@/lib/ai/prompts/validate";
import type { ParameterRef, PromptMessage, PromptParams, PromptVariable } from "@/lib/ai/prompts/prompt-version";
import { allowedParameters, checkBounds } from "@/lib/ai/parameters/registry";
import type { AiActor } from "@/lib/ai/actor";
import type {
  AiFeature,
  CreateVersionInput,
  LabelMove,
  MovableLabel,
  PromptDetail,
  PromptLabel,
  PromptLabels,
  PromptSummary,
  PromptVersionView,
} from "@/lib/ai/service-types";
import type { AiPromptVersion } from "@/lib/generated/prisma/client";
import { clearProductionCache } from "./production-cache";
import type { StoredVersion } from "./stored-version";

type LabelRow = { label: string; version: number };

function labelsOf(rows: readonly LabelRow[], latest: number | null): PromptLabels {
  const get = (l: string) => rows.find((r) => r.label === l)?.version ?? null;
  return { production: get("production"), staging: get("staging"), latest };
}

function toStored(v: AiPromptVersion): StoredVersion {
  return {
    promptName: v.promptName,
    version: v.version,
    messages: v.messages as unknown as PromptMessage[],
    variables: v.variables as unknown as PromptVariable[],
    model: v.model,
    params: v.params as unknown as PromptParams,
    parameters: v.parameters as unknown as ParameterRef[],
    commitMessage: v.commitMessage,
    authorId: v.authorId,
    approvedAt: v.approvedAt,
  };
}

function toView(v: AiPromptVersion, labels: PromptLabels): PromptVersionView {
  const s = toStored(v);
  const on: PromptLabel[] = (["production", "staging", "latest"] as const).filter((l) => labels[l] === v.version);
  return {
    version: v.version,
    messages: s.messages,
    variables: s.variables,
    model: s.model,
    params: s.params,
    parameters: s.parameters,
    commitMessage: s.commitMessage,
    author: { id: v.authorId, name: v.authorName },
    createdAt: v.createdAt.toISOString(),
    approvedBy: v.approvedByName ? { id: v.approvedById, name: v.approvedByName } : null,
    approvedAt: v.approvedAt?.toISOString() ?? null,
    labels: on,
  };
}

export async function listPromptSummaries(): Promise<PromptSummary[]> {
  const { prisma } = await getDatabase();
  const prompts = await prisma.aiPrompt.findMany({
    orderBy: { name: "asc" },
    include: { labels: true, versions: { select: { version: true }, orderBy: { version: "desc" } } },
  });
  return prompts.map((p) => ({
    name: p.name,
    description: p.description,
    feature: (p.feature as AiFeature | null) ?? null,
    patientFacing: p.patientFacing,
    labels: labelsOf(p.labels, p.versions[0]?.version ?? null),
    versions: p.versions.length,
    updatedAt: p.updatedAt.toISOString(),
  }));
}

async function promptOrRefuse(name: string) {
  const { prisma } = await getDatabase();
  const prompt = await prisma.aiPrompt.findUnique({ where: { name }, include: { labels: true } });
  if (!prompt) throw new Refusal("not_found", `no prompt "${name}"`, { field: "name" });
  return prompt;
}

export async function getPromptDetail(name: string): Promise<PromptDetail> {
  const prompt = await promptOrRefuse(name);
  const { prisma } = await getDatabase();
  const versions = await prisma.aiPromptVersion.findMany({ where: { promptName: name }, orderBy: { version: "desc" } });
  const labels = labelsOf(prompt.labels, versions[0]?.version ?? null);
  return {
    name: prompt.name,
    description: prompt.description,
    feature: (prompt.feature as AiFeature | null) ?? null,
    patientFacing: prompt.patientFacing,
    labels,
    updatedAt: prompt.updatedAt.toISOString(),
    versions: versions.map((v) => toView(v, labels)),
  };
}

export async function getStoredVersion(name: string, version: number): Promise<StoredVersion> {
  const { prisma } = await getDatabase();
  const v = await prisma.aiPromptVersion.findUnique({ where: { promptName_version: { promptName: name, version } } });
  if (!v) throw new Refusal("not_found", `prompt "${name}" has no version ${version}`, { field: "version" });
  return toStored(v);
}

export async function createVersion(actor: AiActor, name: string, input: CreateVersionInput): Promise<{ version: number }> {
  const prompt = await promptOrRefuse(name);
  const result = validatePromptVersion(input, { allowedParameters: allowedParameters(prompt.feature), checkBounds });
  if (!result.ok) {
    throw new Refusal("invalid", describeIssues(result.issues), {
      issues: result.issues.map((i) => ({ field: i.path, reason: i.message })),
    });
  }
  const v = result.version;
  const { prisma } = await getDatabase();
  for (let attempt = 0; ; attempt++) {
    const last = await prisma.aiPromptVersion.findFirst({
      where: { promptName: name },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const version = (last?.version ?? 0) + 1;
    try {
      await prisma.aiPromptVersion.create({
        data: {
          promptName: name,
          version,
          messages: v.messages,
          variables: v.variables,
          model: v.model,
          params: v.params,
          parameters: v.parameters.map((p) => ({ name: p.name, bounds: JSON.parse(JSON.stringify(p.bounds)) as Record<string, number> })),
          commitMessage: v.commitMessage,
          authorId: actor.principal.userId,
          authorName: actor.principal.name,
        },
      });
      await prisma.aiPrompt.update({ where: { name }, data: { updatedAt: new Date() } });
      await recordAudit([
        {
          actor: actor.principal,
          action: "ai.prompt.version_created",
          meta: actor.meta,
          detail: { prompt: name, version, commitMessage: v.commitMessage },
        },
      ]);
      return { version };
    } catch (err) {
      // Two saves at once took the same number: the unique (prompt, version) refused one; number it again.
      if (attempt < 3 && (err as { code?: string }).code === "P2002") continue;
      throw err;
    }
  }
}

export async function approve(actor: AiActor, name: string, version: number): Promise<PromptVersionView> {
  await promptOrRefuse(name);
  const { prisma } = await getDatabase();
  const row = await prisma.aiPromptVersion.findUnique({ where: { promptName_version: { promptName: name, version } } });
  if (!row) throw new Refusal("not_found", `prompt "${name}" has no version ${version}`, { field: "version" });
  if (row.authorId === actor.principal.userId) {
    throw new Refusal("forbidden", "the author of a version may not approve it: another admin must (four eyes)", { field: "version" });
  }
  if (!row.approvedAt) {
    await prisma.aiPromptVersion.update({
      where: { id: row.id },
      data: { approvedById: actor.principal.userId, approvedByName: actor.principal.name, approvedAt: new Date() },
    });
    await recordAudit([
      { actor: actor.principal, action: "ai.prompt.approved", meta: actor.meta, detail: { prompt: name, version, author: row.authorName } },
    ]);
  }
  const detail = await getPromptDetail(name);
  const view = detail.versions.find((v) => v.version === version);
  if (!view) throw new Error("version vanished");
  return view;
}

export async function moveLabel(actor: AiActor, name: string, label: MovableLabel, version: number): Promise<LabelMove> {
  const prompt = await promptOrRefuse(name);
  if (label !== "production" && label !== "staging") {
    throw new Refusal("invalid", 'only "production" and "staging" move; "latest" follows the newest version', { field: "label" });
  }
  const { prisma } = await getDatabase();
  const row = await prisma.aiPromptVersion.findUnique({ where: { promptName_version: { promptName: name, version } } });
  if (!row) throw new Refusal("not_found", `prompt "${name}" has no version ${version}`, { field: "version" });
  if (label === "production" && !row.approvedAt) {
    throw new Refusal(
      "conflict",
      `version ${version} is not approved: production takes only a version approved by an admin other than its author`,
      {
        field: "version",
      },
    );
  }
  const from = prompt.labels.find((l) => l.label === label)?.version ?? null;
  await prisma.aiPromptLabel.upsert({
    where: { promptName_label: { promptName: name, label } },
    create: { promptName: name, label, version, movedById: actor.principal.userId },
    update: { version, movedById: actor.principal.userId, movedAt: new Date() },
  });
  await prisma.aiPrompt.update({ where: { name }, data: { updatedAt: new Date() } });
  await recordAudit([
    {
      actor: actor.principal,
      action: "ai.prompt.label_moved",
      meta: actor.meta,
      detail: { prompt: name, label, before: from, after: version },
    },
  ]);
  return { name, label, from, to: version };
}

export async function setPatientFacing(actor: AiActor, name: string, enabled: boolean): Promise<void> {
  const prompt = await promptOrRefuse(name);
  const { prisma } = await getDatabase();
  await prisma.aiPrompt.update({ where: { name }, data: { patientFacing: enabled, updatedAt: new Date() } });
  await clearProductionCache();
  await recordAudit([
    {
      actor: actor.principal,
      action: "ai.prompt.patient_facing",
      meta: actor.meta,
      detail: { prompt: name, before: prompt.patientFacing, after: enabled },
    },
  ]);
}
