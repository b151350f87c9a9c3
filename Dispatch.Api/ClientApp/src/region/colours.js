// Status colours shared by the map and its legend.
import { AmbulanceStatus, Capability } from "../gen/common_pb.js";

export const ambulanceColour = {
  [AmbulanceStatus.AVAILABLE]: "#2fb36d",
  [AmbulanceStatus.DISPATCHED]: "#e0a526",
  [AmbulanceStatus.ON_SCENE]: "#e0483e",
  [AmbulanceStatus.TRANSPORTING]: "#3d8fe0",
  [AmbulanceStatus.AT_HOSPITAL]: "#b06ee0",
  [AmbulanceStatus.OUT_OF_SERVICE]: "#777777",
};

export const capabilityColour = {
  [Capability.PCI]: "rgba(224,72,62,0.13)",
  [Capability.THROMBOLYSIS]: "rgba(224,165,38,0.13)",
  [Capability.CT]: "rgba(61,143,224,0.13)",
  [Capability.THROMBECTOMY]: "rgba(176,110,224,0.13)",
};

// Green when it can take patients, amber when its cath labs are all busy or its CT is down, red on diversion.
export function hospitalColour(h) {
  if (h.onDiversion) return "#e0483e";
  const labsFull = h.cathLabs > 0 && h.cathLabsBusy >= h.cathLabs;
  const ctDown = h.capabilities.includes(Capability.CT) && !h.ctAvailable;
  return labsFull || ctDown ? "#e0a526" : "#2fb36d";
}
