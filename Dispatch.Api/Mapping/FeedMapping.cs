using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Feed;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Api.Mapping;

/// <summary>The coordinators' feed on the wire.</summary>
public static class FeedMapping
{
    public static V1.CaseSummary ToWire(this CaseSummary summary)
    {
        var wire = new V1.CaseSummary
        {
            CaseId = summary.CaseId,
            Phase = summary.Phase.ToWireEnum<CasePhase, V1.CasePhase>(),
            Complaint = summary.Complaint.ToWireEnum<Complaint, V1.Complaint>(),
            Diagnosis = summary.Diagnosis is { } d ? d.ToWireEnum<DiagnosisKind, V1.DiagnosisKind>() : V1.DiagnosisKind.Unspecified,
            Location = summary.Location.ToWire(),
            AmbulanceId = summary.AmbulanceId ?? "",
            DestinationHospitalId = summary.DestinationHospitalId ?? "",
            OpenedAt = summary.OpenedAt.ToWire(),
            FirstContactAt = summary.FirstContactAt.ToWire(),
            PreAlertAcknowledged = summary.PreAlertAcknowledged,
            Alerts = summary.Alerts,
        };
        if (summary.EtaMinutes is { } eta)
        {
            wire.EtaMinutes = eta;
        }

        if (summary.TargetMinutes is { } target)
        {
            wire.TargetMinutes = target;
        }

        return wire;
    }

    public static V1.CaseAlert ToWire(this CaseAlert alert) => new()
    {
        Kind = alert.Kind,
        HospitalId = alert.HospitalId ?? "",
        At = alert.At.ToWire(),
        Message = alert.Message,
    };
}
