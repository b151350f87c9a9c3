// The receiving centre: patients on the way (WatchPreAlerts), their ECG, acknowledge and
// activate, and the centre's own status. Everything goes through HospitalService as this
// hospital's token allows; another hospital's patients are refused by the engine itself.
import { requireSession, signOut } from "../shared/session.js";
import { connect, commandId } from "../shared/api.js";
import { keepWatching, showConnection } from "../shared/watch.js";
import { EngineClock, toMillis, complaintName, diagnosisName, minutesSeconds, clockTime, el } from "../shared/format.js";
import { PreAlertKind } from "../gen/region_pb.js";
import { Complaint, Milestone } from "../gen/common_pb.js";
import { toSignals } from "../ecg/recording.js";
import { drawEcg } from "../ecg/draw.js";

const $ = (id) => document.getElementById(id);
const { token, claims } = requireSession();
const api = connect(token);
const hospitalId = new URLSearchParams(location.search).get("h") ?? claims.hospital ?? "";
const clock = new EngineClock();
const patients = new Map();
let selected = null;
let hospital = null;

$("who").textContent = `${claims.role}${claims.hospital ? ` · ${claims.hospital}` : ""}`;
$("sign-out").addEventListener("click", signOut);

function showError(error) {
  $("error").textContent = error.message ?? String(error);
}

function showHospital(view) {
  hospital = view;
  $("title").textContent = `${view.name} — receiving centre`;
  $("cath-labs").textContent = `Cath labs: ${view.cathLabsBusy} of ${view.cathLabs} busy`;
  $("cath-labs").dataset.busy = view.cathLabsBusy;
  $("ct-down").setAttribute("aria-pressed", String(!view.ctAvailable));
  $("diversion").setAttribute("aria-pressed", String(view.onDiversion));
}

async function updateStatus(change) {
  try {
    showHospital(await api.hospital.updateStatus({ hospitalId, ...change }));
  } catch (error) { showError(error); }
}

$("lab-busy").addEventListener("click", () => updateStatus({ cathLabsBusy: Math.min(hospital.cathLabs, hospital.cathLabsBusy + 1) }));
$("lab-free").addEventListener("click", () => updateStatus({ cathLabsBusy: Math.max(0, hospital.cathLabsBusy - 1) }));
$("ct-down").addEventListener("click", () => updateStatus({ ctAvailable: !hospital.ctAvailable }));
$("diversion").addEventListener("click", () => updateStatus({ onDiversion: !hospital.onDiversion }));

async function act(caseId, action) {
  try {
    await api.hospital[action]({ hospitalId, caseId, commandId: commandId(action) });
    await showCase(caseId);
  } catch (error) { showError(error); }
}

function card(alert) {
  const acknowledged = alert.acknowledgedAt !== undefined;
  const team = alert.complaint === Complaint.STROKE_SYMPTOMS ? "Activate stroke team" : "Activate cath lab";
  const findings = alert.ecgFindings?.summary;
  return el("article", { class: `card${selected === alert.caseId ? " selected" : ""}`, "data-case-id": alert.caseId, "data-acknowledged": String(acknowledged) },
    el("span", { class: "eta", "data-eta": "" }),
    el("strong", {}, alert.caseId), " ",
    el("span", {}, complaintName(alert.complaint)),
    alert.diagnosis?.kind ? el("div", {}, `Working diagnosis: ${diagnosisName(alert.diagnosis.kind)}`) : null,
    alert.patientAge !== undefined ? el("div", { class: "muted" }, `Age ${alert.patientAge}`) : null,
    el("div", { class: "reason" }, `Why here: ${alert.reason || "—"}`),
    findings ? el("div", { class: alert.ecgFindings.stemiSuspected ? "late" : "" }, `ECG: ${findings}`) : el("div", { class: "muted" }, "ECG: no analysis yet"),
    alert.suggestActivation ? el("div", { class: "late" }, "STEMI flagged or confirmed: prepare the cath lab") : null,
    el("div", { class: "actions" },
      acknowledged
        ? el("span", { class: "acknowledged" }, `Acknowledged ${clockTime(toMillis(alert.acknowledgedAt))}`)
        : el("button", { class: "danger", onclick: () => act(alert.caseId, "acknowledgePreAlert") }, "Acknowledge"),
      el("button", { onclick: () => act(alert.caseId, "activateTeam") }, team),
      el("button", { onclick: () => showCase(alert.caseId) }, "ECG and timeline")));
}

function render() {
  const list = [...patients.values()];
  $("incoming").replaceChildren(...list.map(card));
  $("incoming").dataset.count = list.length;
  $("none").hidden = list.length > 0;
  tick();
}

// ETA counts down from when the engine sent it.
function tick() {
  for (const node of document.querySelectorAll("#incoming article")) {
    const alert = patients.get(node.dataset.caseId);
    if (!alert || alert.etaMinutes === undefined) continue;
    const left = alert.etaMinutes * 60000 - (clock.now() - toMillis(alert.sentAt));
    node.querySelector("[data-eta]").textContent = `ETA ${minutesSeconds(Math.max(0, left))}`;
  }
}
setInterval(tick, 1000);

async function showCase(caseId) {
  selected = caseId;
  render();
  try {
    const view = await api.cases.getCase({ caseId });
    $("timeline").replaceChildren(...view.timeline.map((entry) =>
      el("li", { "data-milestone": Milestone[entry.milestone] }, `${clockTime(toMillis(entry.at))}  ${Milestone[entry.milestone].toLowerCase().replace(/_/g, " ")}${entry.note ? ` — ${entry.note}` : ""}`)));
    const recording = await api.ecg.readRecording({ caseId });
    $("ecg-title").textContent = `12-lead ECG — ${caseId}`;
    $("ecg-findings").textContent = view.latestEcgFindings?.summary ?? (recording.chunks.length ? "" : "No ECG received yet.");
    if (recording.chunks.length) drawEcg($("ecg"), toSignals(recording));
  } catch (error) { showError(error); }
}

function onAlert(alert) {
  if (alert.kind === PreAlertKind.WITHDRAWN || alert.kind === PreAlertKind.ARRIVED) {
    patients.delete(alert.caseId);
  } else {
    const known = patients.get(alert.caseId);
    patients.set(alert.caseId, alert);
    // A new ECG arrived for the patient on screen: redraw it.
    if (selected === alert.caseId && known && known.ecgChunks !== alert.ecgChunks) showCase(alert.caseId);
  }
  if (!selected && patients.size) { showCase(alert.caseId); return; }
  render();
}

api.hospital.getHospital({ hospitalId }).then(showHospital, showError);
keepWatching((signal, opened) => api.hospital.watchPreAlerts({ hospitalId }, { signal, onHeader: opened }), {
  onMessage: onAlert,
  // A (re)opened stream starts with every patient on the way now: forget the ones from before.
  // Its pre-alerts carry the times they were sent, possibly long ago: the engine's clock comes from the response's Date.
  onOpen: (headers) => { clock.learnFromHeaders(headers); patients.clear(); render(); },
  onState: showConnection($("connection")),
  onDenied: (error) => {
    patients.clear();
    render();
    showError(`Access denied: ${error.rawMessage}`);
  },
});
