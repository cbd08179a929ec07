// Scripted device scenarios for the detectors and `npm run bench:alarms`, as one import: the infusion pump that
// stays healthy or wears out and fails (pump-scenario.ts), and the vaccine fridge that stays healthy or warms past
// 8 °C after a compressor fault (fridge-scenario.ts).
export { createPumpModel, PUMP, PUMP_SCENARIOS, type PumpModel, type PumpReading, type PumpScenario } from "./pump-scenario";
export { createFridgeModel, FRIDGE, FRIDGE_SCENARIOS, type FridgeModel, type FridgeScenario } from "./fridge-scenario";
