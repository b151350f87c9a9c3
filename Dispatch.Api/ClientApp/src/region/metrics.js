// The metrics panel: today's counts and, for each tracked interval, its distribution, median and
// share within target (CoordinatorService.GetClinicalSummary, read every 10 s: the figures move
// with milestones, not with ambulances), and the active cases by phase from the live feed.
import { CasePhase } from "../gen/common_pb.js";
import { phaseName, el } from "../shared/format.js";
import { drawHistogram } from "./histogram.js";

const titles = { fmc_to_device: "First contact → device", door_to_device: "Door → device", door_in_door_out: "Door-in-door-out", door_to_needle: "Door → needle" };

function intervalBlock(d) {
  const share = d.withTarget ? ` · ${d.withinTarget} of ${d.withTarget} within target (${Math.round((100 * d.withinTarget) / d.withTarget)}%)` : "";
  const median = d.medianMinutes !== undefined ? `median ${d.medianMinutes.toFixed(0)} min` : "none measured yet";
  const canvas = el("canvas", { class: "chart histogram", "aria-label": `${titles[d.name] ?? d.name} distribution` });
  const block = el("div", { "data-metric": d.name, "data-measured": String(d.minutes.length) },
    el("div", {}, el("strong", {}, titles[d.name] ?? d.name), el("span", { class: "muted" }, ` — ${median}${share}`)), canvas);
  return { block, draw: () => drawHistogram(canvas, d) };
}

export function renderSummary(container, summary) {
  const counts = el("p", { "data-metric": "today" },
    `Today: ${summary.calls} calls (${summary.chestPain} chest pain, ${summary.stroke} stroke), ${summary.closed} closed`);
  const blocks = summary.metrics.map(intervalBlock);
  container.replaceChildren(counts, ...blocks.map((b) => b.block));
  blocks.forEach((b) => b.draw());
}

export function renderPhases(container, state) {
  const cases = [...state.cases.values()];
  const phases = [CasePhase.OPEN, CasePhase.DISPATCHED, CasePhase.ON_SCENE, CasePhase.TRANSPORTING, CasePhase.AT_HOSPITAL];
  container.replaceChildren(el("div", { class: "muted" },
    `Active now: ${phases.map((p) => `${cases.filter((c) => c.phase === p).length} ${phaseName(p)}`).join(" · ")}`));
}
