using Dispatch.Contracts.Ecg;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Api.Mapping;

/// <summary>The ECG analysis and the tele-ECG worklist on the wire.</summary>
public static class EcgFindingsMapping
{
    public static V1.EcgFindings ToWire(this EcgFindings findings)
    {
        var wire = new V1.EcgFindings
        {
            Window = findings.Window,
            WindowStart = findings.WindowStart.ToWire(),
            AnalysedAt = findings.AnalysedAt.ToWire(),
            Beats = findings.Beats,
            HeartRate = findings.HeartRate,
            QrsMs = findings.QrsMilliseconds,
            RegularRhythm = findings.RegularRhythm,
            NoiseUv = findings.NoiseMicrovolts,
            StemiSuspected = findings.Screening.Suspected,
            PosteriorHint = findings.Screening.PosteriorHint,
            Summary = findings.Screening.Summary(),
        };
        wire.St.AddRange(findings.StAtJ60.Select(ToWire));
        wire.Territories.AddRange(findings.Screening.Territories.Select(t => (V1.Territory)((int)t + 1)));
        wire.Elevation.AddRange(findings.Screening.Elevation.Select(ToWire));
        wire.ReciprocalDepression.AddRange(findings.Screening.ReciprocalDepression.Select(ToWire));
        wire.Confounders.AddRange(findings.Screening.Confounders);
        return wire;
    }

    public static V1.WorklistEntry ToWire(this WorklistItem item, DateTimeOffset now)
    {
        var wire = new V1.WorklistEntry
        {
            CaseId = item.CaseId,
            Complaint = item.Complaint.ToWireEnum<Contracts.Cases.Complaint, V1.Complaint>(),
            PatientSex = (V1.PatientSex)(int)item.PatientSex,
            TransmittedAt = item.TransmittedAt.ToWire(),
            DueAt = item.DueAt.ToWire(),
            MinutesLeft = Math.Round((item.DueAt - now).TotalMinutes, 1),
            StemiFlagged = item.StemiFlagged,
            LatestFindings = item.LatestFindings?.ToWire(),
            Status = (V1.ReadingStatus)((int)item.Status + 1),
            Reader = item.Reader ?? "",
            ReadAt = item.ReadAt.ToWire(),
            CriticalValueReportedAt = item.CriticalValueReportedAt.ToWire(),
            DestinationHospitalId = item.DestinationHospitalId ?? "",
        };
        if (item.PatientAge is { } age)
        {
            wire.PatientAge = age;
        }

        return wire;
    }

    private static V1.LeadSt ToWire(LeadMeasure measure) => new() { Lead = (V1.EcgLead)((int)measure.Lead + 1), Millimetres = measure.Millimetres };
}
