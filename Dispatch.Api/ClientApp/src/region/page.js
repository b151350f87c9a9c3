// The coordinators' dashboard: the region's map with live ambulances, cases and hospitals
// (CoordinatorService.WatchRegion: a snapshot, then changes coalesced by the engine every 250 ms),
// the active cases with their clocks, the alerts banner, one-hour circles and the metrics panel.
import { requireSession, signOut } from "../shared/session.js";
import { connect } from "../shared/api.js";
import { keepWatching, showConnection } from "../shared/watch.js";
import { EngineClock, toMillis, complaintName, phaseName, diagnosisName, minutesSeconds, capabilityName, el } from "../shared/format.js";
import { CasePhase, Capability } from "../gen/common_pb.js";
import { RegionMap } from "./map.js";
import { hospitalColour } from "./colours.js";
import { renderSummary, renderPhases } from "./metrics.js";

const $ = (id) => document.getElementById(id);
const { token, claims } = requireSession();
const api = connect(token);
const clock = new EngineClock();
// moves: ambulance positions that changed since the page opened (shown on the map's data-moves).
const state = { ambulances: new Map(), cases: new Map(), hospitals: new Map(), moves: 0 };
const recentAlerts = [];
// A closed case never reopens: a summary of it that arrives after its closure is stale and ignored.
const closed = new Set();
let listDirty = true;

$("who").textContent = claims.role;
$("sign-out").addEventListener("click", signOut);
const showError = (error) => { $("error").textContent = error.message ?? String(error); };

function apply(update) {
  clock.learn(update.at);
  if (update.snapshot) {
    state.ambulances.clear();
    state.cases.clear();
    state.hospitals.clear();
  }
  for (const a of update.ambulances) {
    const before = state.ambulances.get(a.id)?.position;
    if (before && a.position && (before.latitude !== a.position.latitude || before.longitude !== a.position.longitude)) state.moves++;
    state.ambulances.set(a.id, a);
  }
  for (const h of update.hospitals) state.hospitals.set(h.id, h);
  for (const c of update.cases) {
    // A case opening or closing changes today's figures: read them again (once for a burst).
    if (!state.cases.has(c.caseId) || c.phase === CasePhase.CLOSED) summarySoon();
    if (c.phase === CasePhase.CLOSED) {
      closed.add(c.caseId);
      state.cases.delete(c.caseId);
    } else if (!closed.has(c.caseId)) {
      state.cases.set(c.caseId, c);
    }
  }
  for (const alert of update.alerts) recentAlerts.push(alert);
  recentAlerts.splice(0, Math.max(0, recentAlerts.length - 20));
  map?.show(state);
  listDirty = true;
}

function caseItem(c) {
  const now = clock.now();
  const opened = toMillis(c.openedAt);
  const contact = toMillis(c.firstContactAt);
  const left = contact !== undefined && c.targetMinutes !== undefined ? c.targetMinutes * 60000 - (now - contact) : undefined;
  const destination = state.hospitals.get(c.destinationHospitalId)?.name ?? c.destinationHospitalId;
  return el("li", { "data-case-id": c.caseId, "data-phase": phaseName(c.phase) },
    el("strong", {}, c.caseId), ` · ${complaintName(c.complaint)}`,
    c.diagnosis ? ` · ${diagnosisName(c.diagnosis)}` : "",
    ` · ${phaseName(c.phase)}`,
    el("div", { class: "muted" },
      `since call ${minutesSeconds(Math.max(0, now - opened))}`,
      contact !== undefined ? ` · since first contact ${minutesSeconds(Math.max(0, now - contact))}` : "",
      c.ambulanceId ? ` · ${c.ambulanceId}` : "",
      destination ? ` → ${destination}` : "",
      c.etaMinutes !== undefined ? ` (ETA ${c.etaMinutes.toFixed(0)} min)` : ""),
    left !== undefined ? el("div", { class: left < 0 ? "late" : "" }, `${left < 0 ? "over target by" : "to target"} ${minutesSeconds(Math.abs(left))}`) : null);
}

function hospitalItem(h) {
  const status = [
    h.cathLabs ? `cath labs ${h.cathLabsBusy}/${h.cathLabs} busy` : null,
    h.capabilities.includes(Capability.CT) ? (h.ctAvailable ? "CT up" : "CT down") : null,
    h.onDiversion ? "on diversion" : null,
  ].filter(Boolean).join(" · ");
  return el("li", { "data-hospital-id": h.id },
    el("i", { class: "dot", style: `background:${hospitalColour(h)}` }),
    el("a", { href: `hospital.html?h=${encodeURIComponent(h.id)}` }, h.name),
    el("div", { class: "muted" }, `${h.capabilities.map(capabilityName).join(", ")} — ${status}`));
}

// Escalations (a case with coordinator alerts, e.g. a pre-alert unanswered too long) first, then
// every pre-alert its centre has not acknowledged yet, with how long it has waited.
function renderBanner() {
  const now = clock.now();
  const hospitalName = (id) => state.hospitals.get(id)?.name ?? id;
  const cases = [...state.cases.values()];
  const escalated = cases.filter((c) => c.alerts > 0);
  const waiting = cases.filter((c) => c.alerts === 0 && c.destinationHospitalId && !c.preAlertAcknowledged && c.phase < CasePhase.AT_HOSPITAL);
  const latest = recentAlerts.at(-1);
  const items = [
    ...escalated.map((c) => el("span", { "data-case-id": c.caseId, "data-kind": "escalation" },
      `⚠ ${c.caseId}: ${c.alerts} alert(s) at ${hospitalName(c.destinationHospitalId)}${latest ? ` (${latest.message})` : ""}`)),
    ...waiting.map((c) => el("span", { "data-case-id": c.caseId, "data-kind": "unacknowledged" },
      `${c.caseId}: pre-alert to ${hospitalName(c.destinationHospitalId)} not acknowledged (call ${minutesSeconds(Math.max(0, now - toMillis(c.openedAt)))} ago)`)),
  ];
  $("banner").replaceChildren(...items.flatMap((item, i) => (i ? [" · ", item] : [item])));
  $("banner").dataset.count = items.length;
}

// Lists and clocks change once a second at most: the map carries the fast changes.
function renderLists() {
  const cases = [...state.cases.values()].sort((a, b) => toMillis(a.openedAt) - toMillis(b.openedAt));
  $("cases").replaceChildren(...cases.map(caseItem));
  $("case-count").textContent = `(${cases.length})`;
  if (listDirty) {
    $("hospitals").replaceChildren(...[...state.hospitals.values()].map(hospitalItem));
    renderPhases($("phases"), state);
    listDirty = false;
  }
  renderBanner();
}
setInterval(renderLists, 1000);

async function refreshSummary() {
  try {
    renderSummary($("metrics"), await api.coordinator.getClinicalSummary({}));
  } catch (error) { showError(error); }
}
let summaryTimer;
function summarySoon() {
  summaryTimer ??= setTimeout(() => { summaryTimer = undefined; refreshSummary(); }, 1000);
}
refreshSummary();
setInterval(refreshSummary, 10000);

function circleToggles() {
  const capabilities = [Capability.PCI, Capability.THROMBOLYSIS, Capability.CT, Capability.THROMBECTOMY];
  $("circles").replaceChildren(...capabilities.map((capability) => {
    const box = el("input", { type: "checkbox", "data-capability": capabilityName(capability) });
    box.addEventListener("change", async () => {
      try {
        map.setIsochrones(capability, box.checked ? (await api.routing.getIsochrones({ capability })).isochrones : undefined);
      } catch (error) { showError(error); box.checked = false; }
    });
    return el("label", {}, box, ` ${capabilityName(capability)}`);
  }));
}

let map;
try {
  const [region, roadMap] = await Promise.all([api.region.getRegion({}), api.region.getRoadMap({})]);
  $("title").textContent = `${region.name} — live`;
  map = new RegionMap($("map"), roadMap);
  map.show(state);
  circleToggles();
} catch (error) {
  showError(error);
}

keepWatching((signal, opened) => api.coordinator.watchRegion({}, { signal, onHeader: opened }), {
  onMessage: apply,
  onState: showConnection($("connection")),
  onDenied: (error) => showError(`Access denied: ${error.rawMessage}`),
});
