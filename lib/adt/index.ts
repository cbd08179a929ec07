// lib/adt owns the database-free core of admissions, transfers and discharges:
//   hl7/   HL7 v2 inbound: parseAdtMessage (ADT^A01/A02/A03/A04/A08/A11/A13 → typed message, or an AR/AE
//          refusal naming segment and field), buildAck, the MLLP frame decoder and listener, and realistic
//          sample messages and a day's scenario for tests, the demo simulator and the benchmark.
//   flow/  patient-flow and KPI math from plain encounter histories: census, movements, length of stay,
//          waits, where patients wait now, the 30-day trend, readmission, ALOS, bed occupancy, alarm burden,
//          time to acknowledge, device uptime. Every KPI is {value, numerator, denominator, unit, definition,
//          rows}.
//   dispositions.ts (PV1-36 codes), time-zone.ts (local wall time and days in an IANA zone).
// Nothing here touches the database, HTTP or the clock; the wiring (patients, encounters, bed assignments,
// the inbound log, idempotency on MSH-10) lives elsewhere and calls these with plain data.
//
// HL7 library: @medplum/core (Hl7Message: parse and build) with @medplum/hl7 (Hl7Client, the MLLP peer in
// tests and for the demo simulator), pinned at 4.5.2.
//   - Kept by a company and a wide contributor base, released every few weeks; Apache-2.0; ships its own
//     TypeScript types; no install scripts, and its only run-time dependency is iconv-lite, so it installs
//     from the npm registry alone. 4.5.2 is the last line supporting Node 20.19 (this project's engine);
//     5.x needs Node ≥ 22.18.
//   - node-hl7-client/node-hl7-server (Bugs5382, MIT) were the other candidates: one maintainer, the client's
//     4.x needs Node 22, the server still depends on the client's 2.x (two copies), and its types use `any`.
// MLLP listener: on node:net, not a library server, because neither library's server frames MLLP
// correctly: both treat everything up to a chunk ending in 0x1C 0x0D as one message, so two messages in one
// TCP write become one (tried: @medplum/hl7's Hl7Server saw one 8-segment message, the second control id
// lost); a malformed frame gets no AR, and neither bounds a frame's size. hl7/mllp-frame-decoder.ts does
// the framing; the client side stays the library's.
//
// Browser code imports the flow files it needs directly (lib/adt/flow/...): this file also exports the
// listener (node:net) and the parser (@medplum/core).

export * from "./hl7/adt-types";
export { parseAdtMessage, type ParseAdtOptions } from "./hl7/parse-adt";
export { buildAck, type AckOptions } from "./hl7/build-ack";
export { startMllpListener, type MllpListener, type MllpListenerOptions, type MllpPeer } from "./hl7/mllp-listener";
export { MllpFrameDecoder, encodeMllpFrame, type MllpEvent } from "./hl7/mllp-frame-decoder";
export { buildAdtText, type AdtTextInput, type SampleBed, type SamplePatient } from "./hl7/sample-messages";
export { generateAdtScenario, type SampleWard, type ScenarioMessage, type ScenarioOptions } from "./hl7/sample-scenario";
export { measureParseRate, type ParseRate } from "./hl7/measure-parse";
export { formatHl7Date, formatHl7Timestamp, parseHl7Date, parseHl7Timestamp } from "./hl7/hl7-datetime";
export * from "./dispositions";
export * from "./time-zone";

export * from "./flow/flow-types";
export { screenEncounters, wardStays, stayAt, lastWard, type WardStay } from "./flow/ward-stays";
export { censusAt, movementsIn, type Movements, type WardCensus, type WardMovements } from "./flow/census";
export { averageLengthOfStay, lengthOfStayByWard, type WardLengthOfStay } from "./flow/length-of-stay";
export { admitDecisionToBed, bedVacatedToCleaned, dischargeOrderToDeparture } from "./flow/waits";
export { waitsNow, FLOW_STAGE_LABELS, type BedTurnaround, type FlowStage, type StageWait, type WaitsNow } from "./flow/waiting-now";
export { dailyFlowTrend, type FlowDay, type TrendOptions } from "./flow/trend";
export { readmissionRate } from "./flow/readmission";
export { bedOccupancy, occupiedBedHours, type WardBeds } from "./flow/occupancy";
export { alarmBurden, timeToAcknowledge, ALARM_PRIORITIES, type AlarmPriority } from "./flow/alarms";
export { deviceUptime, type DeviceOnline, type DeviceUptimeRow } from "./flow/uptime";
