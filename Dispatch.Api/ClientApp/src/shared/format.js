// Names and clocks as people read them.
import { timestampDate } from "@bufbuild/protobuf/wkt";
import { Complaint, CasePhase, DiagnosisKind, AmbulanceStatus, Capability } from "../gen/common_pb.js";

const strip = (names, value, prefix) => (names[value] ?? "").replace(prefix, "").toLowerCase().replace(/_/g, " ");

export const complaintName = (c) => strip(Complaint, c, "") || "unspecified";
export const phaseName = (p) => strip(CasePhase, p, "") || "unspecified";
export const diagnosisName = (d) => (d ? strip(DiagnosisKind, d, "") : "");
export const ambulanceStatusName = (s) => strip(AmbulanceStatus, s, "");
export const capabilityName = (c) => ({ 1: "PCI", 2: "thrombolysis", 3: "CT", 4: "thrombectomy", 5: "stroke unit" })[c] ?? strip(Capability, c, "");

export const toMillis = (ts) => (ts ? timestampDate(ts).getTime() : undefined);

// The engine's clock may not be this browser's (a drill or a test can run it at any time), so
// clocks run from the engine's time: the offset is learnt from each message's own timestamp.
export class EngineClock {
  offset = 0;
  // From a message stamped when the engine sent it.
  learn(ts) {
    const at = toMillis(ts);
    if (at !== undefined) this.offset = at - Date.now();
  }

  // From a response's Date header (whole seconds), for streams whose messages carry older times.
  learnFromHeaders(headers) {
    const date = Date.parse(headers?.get("date") ?? "");
    if (!Number.isNaN(date)) this.offset = date + 500 - Date.now();
  }
  now() {
    return Date.now() + this.offset;
  }
}

// 73 s → "1:13"; negative → "-1:13".
export function minutesSeconds(ms) {
  const sign = ms < 0 ? "-" : "";
  const s = Math.floor(Math.abs(ms) / 1000);
  return `${sign}${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function clockTime(ms) {
  return new Date(ms).toISOString().substring(11, 19);
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.substring(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((c) => c !== undefined && c !== null));
  return node;
}
