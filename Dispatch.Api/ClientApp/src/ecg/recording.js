// A stored recording (EcgService.ReadRecording) as one continuous signal per lead, in millivolts.
import { EcgLead } from "../gen/ecg_pb.js";

export const leadLabel = (lead) => ({ 1: "I", 2: "II", 3: "III", 4: "aVR", 5: "aVL", 6: "aVF", 7: "V1", 8: "V2", 9: "V3", 10: "V4", 11: "V5", 12: "V6" })[lead] ?? EcgLead[lead];

export function toSignals(recording) {
  const leads = new Map();
  let sampleRate = 500;
  for (const chunk of recording.chunks) {
    sampleRate = chunk.sampleRateHz;
    const mvPerUnit = chunk.microvoltsPerUnit / 1000;
    for (const lead of chunk.leads) {
      const label = leadLabel(lead.lead);
      const samples = leads.get(label) ?? [];
      for (const value of lead.samples) samples.push(value * mvPerUnit);
      leads.set(label, samples);
    }
  }
  return { sampleRate, leads };
}
