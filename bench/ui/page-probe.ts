// The script the bench installs in every page before it loads (addInitScript): a MutationObserver on the
// document that stamps performance.now() when the chart is first in the DOM (ward: every one of the bed grid's
// tiles shows a pulse value; patient: a trend line has a drawn path), then when that chart has been painted:
// the next animation frame's callback runs before that frame's paint, and a message posted from it is handled
// after the paint (the frame's rendering is one task), so its time is the painted frame; a PerformanceObserver for long
// tasks, a requestAnimationFrame loop recording frame times, and a count of changes to what is shown
// (ward: the text of a vital's number; patient: a line's path), which tells live pages from frozen ones.
// On the ward, every change of a tile's heart-rate number is logged with its epoch time (performance.timeOrigin
// + now) for the device → screen latency (screen-latency.ts).
// Kept as plain JavaScript text: a function compiled by tsx could carry helpers the page does not have.

export type ChartKind = "ward" | "patient";

export function probeScript(kind: ChartKind, beds: number): string {
  return `(() => {
  const kind = ${JSON.stringify(kind)};
  const beds = ${Number(beds)};
  const probe = { chartAt: null, chartPaintedAt: null, longTasks: [], frames: [], screenUpdates: 0, heartRates: [] };
  window.__uiBench = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  const wardReady = () => {
    const tiles = document.querySelectorAll('[data-testid="bed-tile"]');
    if (tiles.length < beds) return false;
    let shown = 0;
    for (const t of tiles) {
      const hr = t.querySelector('[data-metric="heart_rate"]');
      if (hr && /[0-9]/.test(hr.textContent || "")) shown++;
    }
    return shown >= beds;
  };
  const LINE = "path[data-trend-line], path[data-series]";
  const patientReady = () => {
    for (const p of document.querySelectorAll(LINE)) {
      const d = p.getAttribute("d");
      if (d && /L/.test(d)) return true;
    }
    return false;
  };
  const painted = new MessageChannel();
  painted.port1.onmessage = () => {
    if (probe.chartPaintedAt === null) probe.chartPaintedAt = performance.now();
  };
  const check = () => {
    if (probe.chartAt !== null || !(kind === "ward" ? wardReady() : patientReady())) return;
    probe.chartAt = performance.now();
    requestAnimationFrame(() => painted.port2.postMessage(null));
  };
  const shownValue = (r) => {
    if (kind === "patient") {
      const curve = (n) => n.nodeType === 1 && (n.matches(LINE) || !!n.querySelector(LINE));
      if (r.type === "attributes") return r.attributeName === "d" && curve(r.target);
      return r.type === "childList" && Array.from(r.addedNodes).some(curve);
    }
    if (r.type === "attributes") return false;
    const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    return !!(el && el.closest && el.closest("[data-metric]"));
  };
  const lastHeartRate = new Map();
  const logHeartRate = (r) => {
    const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    const hr = el && el.closest && el.closest('[data-metric="heart_rate"]');
    const tile = hr && hr.closest("[data-bed]");
    if (!tile) return;
    const bed = tile.getAttribute("data-bed"), text = hr.textContent || "";
    if (lastHeartRate.get(bed) === text) return;
    lastHeartRate.set(bed, text);
    probe.heartRates.push({ bed, at: performance.timeOrigin + performance.now(), text });
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (!shownValue(r)) continue;
      probe.screenUpdates++;
      if (kind === "ward") logHeartRate(r);
    }
    check();
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  document.addEventListener("DOMContentLoaded", check);
  const tick = (t) => {
    probe.frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}
