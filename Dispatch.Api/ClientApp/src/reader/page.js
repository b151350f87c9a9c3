// The tele-ECG centre: the worklist (EcgReadingService.GetWorklist, read again every 3 s: the
// engine has no stream for it), a case's ECG drawn on paper scale, and confirm or reject.
import { requireSession, signOut } from "../shared/session.js";
import { connect, commandId } from "../shared/api.js";
import { complaintName, minutesSeconds, el } from "../shared/format.js";
import { ReadingStatus, ReadingResult } from "../gen/ecg_reading_pb.js";
import { toSignals } from "../ecg/recording.js";
import { drawEcg } from "../ecg/draw.js";

const $ = (id) => document.getElementById(id);
const { token, claims } = requireSession();
const api = connect(token);
let selected = null;
$("who").textContent = claims.role;
$("sign-out").addEventListener("click", signOut);
const showError = (error) => { $("error").textContent = error.message ?? String(error); };

function item(entry) {
  const status = ReadingStatus[entry.status].toLowerCase();
  return el("article", { class: `card${entry.caseId === selected ? " selected" : ""}`, "data-case-id": entry.caseId, "data-status": status, onclick: () => open(entry) },
    el("span", { class: `eta ${entry.minutesLeft < 0 ? "late" : ""}` }, minutesSeconds(entry.minutesLeft * 60000)),
    el("strong", {}, entry.caseId), ` · ${complaintName(entry.complaint)} · ${status}`,
    entry.stemiFlagged ? el("div", { class: "late" }, "STEMI flagged by the screen") : null,
    el("div", { class: "muted" }, entry.latestFindings?.summary ?? "no analysis yet"));
}

async function refresh() {
  try {
    const { entries } = await api.reading.getWorklist({});
    $("worklist").replaceChildren(...entries.map(item));
    $("worklist").dataset.count = entries.length;
    $("connection").dataset.connection = "live";
    $("connection").textContent = "live";
  } catch (error) {
    $("connection").dataset.connection = "reconnecting";
    $("connection").textContent = "reconnecting…";
    showError(error);
  }
}

async function open(entry) {
  selected = entry.caseId;
  $("ecg-title").textContent = `ECG — ${entry.caseId}`;
  $("findings").textContent = entry.latestFindings?.summary ?? "";
  $("decision").hidden = entry.status !== ReadingStatus.WAITING;
  const recording = await api.ecg.readRecording({ caseId: entry.caseId });
  if (recording.chunks.length) drawEcg($("ecg"), toSignals(recording));
  refresh();
}

async function decide(result) {
  try {
    await api.reading.recordReading({ caseId: selected, commandId: commandId("reading"), result, activateTeam: result === ReadingResult.STEMI_CONFIRMED });
    $("decision").hidden = true;
    refresh();
  } catch (error) { showError(error); }
}

$("confirm").addEventListener("click", () => decide(ReadingResult.STEMI_CONFIRMED));
$("reject").addEventListener("click", () => decide(ReadingResult.STEMI_REJECTED));
refresh();
setInterval(refresh, 3000);
