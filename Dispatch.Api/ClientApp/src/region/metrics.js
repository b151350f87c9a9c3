// The metrics panel: what the live feed holds (today's cases by phase and pathway, the share of
// active cases within their treatment target) and each centre's declared door-to-device and
// door-to-needle times, drawn as bar charts on canvas.
import { CasePhase, Complaint } from "../gen/common_pb.js";
import { toMillis, phaseName, el } from "../shared/format.js";

function barChart(canvas, bars, unit) {
  const width = canvas.clientWidth || 380, height = canvas.clientHeight || 150;
  canvas.width = width * devicePixelRatio;
  canvas.height = height * devicePixelRatio;
  const g = canvas.getContext("2d");
  g.scale(devicePixelRatio, devicePixelRatio);
  g.font = "11px system-ui, sans-serif";
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = Math.min(22, (height - 6) / Math.max(1, bars.length));
  bars.forEach((bar, i) => {
    const y = 3 + i * row;
    g.fillStyle = "#8a98a8";
    g.fillText(bar.label, 4, y + row * 0.65);
    const w = ((width - 170) * bar.value) / max;
    g.fillStyle = bar.colour ?? "#3d8fe0";
    g.fillRect(120, y + 2, w, row - 5);
    g.fillStyle = "#e8edf2";
    g.fillText(`${bar.value.toFixed(unit ? 0 : 0)}${unit}`, 124 + w, y + row * 0.65);
  });
}

export function renderMetrics(container, state, clock) {
  const cases = [...state.cases.values()];
  const now = clock.now();
  const timed = cases.filter((c) => c.firstContactAt && c.targetMinutes !== undefined);
  const within = timed.filter((c) => now - toMillis(c.firstContactAt) <= c.targetMinutes * 60000).length;
  const phases = [CasePhase.OPEN, CasePhase.DISPATCHED, CasePhase.ON_SCENE, CasePhase.TRANSPORTING, CasePhase.AT_HOSPITAL];
  const byPhase = phases.map((p) => ({ label: phaseName(p), value: cases.filter((c) => c.phase === p).length }));
  const stemi = cases.filter((c) => c.complaint === Complaint.CHEST_PAIN).length;
  const stroke = cases.filter((c) => c.complaint === Complaint.STROKE_SYMPTOMS).length;
  const centres = [...state.hospitals.values()].filter((h) => h.doorToDeviceMinutes !== undefined || h.doorToNeedleMinutes !== undefined);

  const summary = el("p", { "data-metric": "summary" },
    `${cases.length} active (${stemi} chest pain, ${stroke} stroke) · `,
    timed.length ? `${within} of ${timed.length} within target (${Math.round((100 * within) / timed.length)}%)` : "no case timed from first contact yet");
  const phaseChart = el("canvas", { class: "chart", "aria-label": "Active cases by phase" });
  const centreChart = el("canvas", { class: "chart", "aria-label": "Declared door-to-device minutes by centre" });
  container.replaceChildren(summary, el("div", { class: "muted" }, "Active cases by phase"), phaseChart,
    el("div", { class: "muted" }, "Door→device (red) and door→needle (amber) medians declared by each centre"), centreChart);
  barChart(phaseChart, byPhase, "");
  barChart(centreChart, centres.flatMap((h) => [
    h.doorToDeviceMinutes !== undefined ? { label: `${h.id} D2D`, value: h.doorToDeviceMinutes, colour: "#e0483e" } : null,
    h.doorToNeedleMinutes !== undefined ? { label: `${h.id} D2N`, value: h.doorToNeedleMinutes, colour: "#e0a526" } : null,
  ].filter(Boolean)), " min");
}
