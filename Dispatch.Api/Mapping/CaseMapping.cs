using Dispatch.Contracts.Cases;
using V1 = Dispatch.Contracts.V1;
using Domain = Dispatch.Contracts.Cases;

namespace Dispatch.Api.Mapping;

/// <summary>Case messages between the wire (dispatch.v1) and the domain.</summary>
public static class CaseMapping
{
    public static Domain.OpenCaseRequest ToDomain(this V1.OpenCaseRequest request, InputRules rules) => new(
        request.CommandId.Required("command_id"),
        rules.Position(request.Location, "location"),
        request.Complaint.ToDomainEnum<V1.Complaint, Domain.Complaint>("complaint"),
        rules.ClinicalTime(request.SymptomOnset, "symptom_onset"),
        request.PresentingHospitalId.Optional(),
        !request.HasPatientAge ? null
            : request.PatientAge is >= 0 and <= 130 ? request.PatientAge
            : throw CommonMapping.Invalid($"patient_age {request.PatientAge} is outside 0-130"),
        request.PatientSex switch
        {
            V1.PatientSex.Unspecified => Domain.PatientSex.Unknown,
            V1.PatientSex.Male => Domain.PatientSex.Male,
            V1.PatientSex.Female => Domain.PatientSex.Female,
            _ => throw CommonMapping.Invalid($"patient_sex must be a known value, got {(int)request.PatientSex}"),
        });

    public static CaseCommand ToDomain(this V1.RecordMilestoneRequest request, InputRules rules) => new(
        request.CommandId.Required("command_id"),
        request.Milestone.ToDomainEnum<V1.Milestone, Domain.Milestone>("milestone"),
        rules.Time(request.At, "at"),
        request.HospitalId.Optional(),
        request.AmbulanceId.Optional(),
        request.Diagnosis?.ToDomain(rules),
        request.Note.Optional());

    public static Domain.Diagnosis ToDomain(this V1.Diagnosis diagnosis, InputRules rules) => new(
        diagnosis.Kind.ToDomainEnum<V1.DiagnosisKind, Domain.DiagnosisKind>("diagnosis.kind"),
        diagnosis.LvoScale.Optional(),
        diagnosis.HasLvoScore ? diagnosis.LvoScore : null,
        rules.ClinicalTime(diagnosis.LastKnownWell, "diagnosis.last_known_well"));

    public static Domain.VitalSigns ToDomain(this V1.VitalSigns vitals, InputRules rules)
    {
        static int? Range(bool has, int value, int min, int max, string field) =>
            !has ? null : value >= min && value <= max ? value : throw CommonMapping.Invalid($"vitals.{field} {value} is outside {min}-{max}");

        return new Domain.VitalSigns(
            rules.Time(vitals.At, "vitals.at") ?? rules.Now,
            Range(vitals.HasHeartRate, vitals.HeartRate, 0, 350, "heart_rate"),
            Range(vitals.HasSystolicBp, vitals.SystolicBp, 0, 350, "systolic_bp"),
            Range(vitals.HasDiastolicBp, vitals.DiastolicBp, 0, 300, "diastolic_bp"),
            Range(vitals.HasSpo2, vitals.Spo2, 0, 100, "spo2"),
            Range(vitals.HasRespiratoryRate, vitals.RespiratoryRate, 0, 100, "respiratory_rate"),
            !vitals.HasGlucoseMmolL ? null
                : double.IsFinite(vitals.GlucoseMmolL) && vitals.GlucoseMmolL is >= 0 and <= 100 ? vitals.GlucoseMmolL
                : throw CommonMapping.Invalid($"vitals.glucose_mmol_l {vitals.GlucoseMmolL} is outside 0-100"));
    }

    public static V1.VitalSigns ToWire(this Domain.VitalSigns vitals)
    {
        var wire = new V1.VitalSigns { At = vitals.At.ToWire() };
        if (vitals.HeartRate is { } hr) { wire.HeartRate = hr; }
        if (vitals.SystolicBp is { } sys) { wire.SystolicBp = sys; }
        if (vitals.DiastolicBp is { } dia) { wire.DiastolicBp = dia; }
        if (vitals.Spo2 is { } spo2) { wire.Spo2 = spo2; }
        if (vitals.RespiratoryRate is { } rr) { wire.RespiratoryRate = rr; }
        if (vitals.GlucoseMmolL is { } glucose) { wire.GlucoseMmolL = glucose; }
        return wire;
    }

    public static V1.CaseView ToWire(this CaseSnapshot snapshot)
    {
        var view = new V1.CaseView
        {
            CaseId = snapshot.CaseId,
            Phase = snapshot.Phase.ToWireEnum<Domain.CasePhase, V1.CasePhase>(),
            Complaint = snapshot.Complaint.ToWireEnum<Domain.Complaint, V1.Complaint>(),
            Location = snapshot.Location.ToWire(),
            SymptomOnset = snapshot.SymptomOnset.ToWire(),
            AmbulanceId = snapshot.AmbulanceId ?? "",
            CurrentHospitalId = snapshot.CurrentHospitalId ?? "",
            DestinationHospitalId = snapshot.DestinationHospitalId ?? "",
            Diagnosis = snapshot.Diagnosis?.ToWire(),
            PatientSex = (V1.PatientSex)(int)snapshot.PatientSex,
        };
        if (snapshot.PatientAge is { } age)
        {
            view.PatientAge = age;
        }

        view.Decision = snapshot.Decision?.ToWire();
        view.LatestVitals = snapshot.LatestVitals?.ToWire();
        view.LatestEcgFindings = snapshot.LatestEcgFindings?.ToWire();
        if (snapshot.EtaMinutes is { } eta)
        {
            view.EtaMinutes = eta;
        }

        view.Alerts.AddRange(snapshot.Alerts.Select(a => new V1.CaseAlert
        {
            Kind = a.Kind,
            HospitalId = a.HospitalId ?? "",
            At = a.At.ToWire(),
            Message = a.Message,
        }));
        view.AmbulanceRanking.AddRange(snapshot.AmbulanceRanking.Select(RoutingMapping.ToWire));
        view.Timeline.AddRange(snapshot.Timeline.Select(ToWire));
        view.Metrics.AddRange(snapshot.Metrics.Select(ToWire));
        return view;
    }

    public static V1.PreAlert ToWire(this Contracts.Alerts.PreAlert alert)
    {
        var wire = new V1.PreAlert
        {
            CaseId = alert.CaseId,
            HospitalId = alert.HospitalId,
            Kind = alert.Kind.ToWireEnum<Contracts.Alerts.PreAlertKind, V1.PreAlertKind>(),
            Complaint = alert.Complaint.ToWireEnum<Domain.Complaint, V1.Complaint>(),
            Diagnosis = alert.Diagnosis?.ToWire(),
            Reason = alert.Reason,
            SentAt = alert.SentAt.ToWire(),
            EcgChunks = (ulong)alert.EcgChunks,
            AcknowledgedAt = alert.AcknowledgedAt.ToWire(),
            PatientSex = (V1.PatientSex)(int)alert.PatientSex,
            EcgFindings = alert.EcgFindings?.ToWire(),
            SuggestActivation = alert.SuggestActivation,
        };
        if (alert.EtaMinutes is { } eta)
        {
            wire.EtaMinutes = eta;
        }

        if (alert.PatientAge is { } age)
        {
            wire.PatientAge = age;
        }

        return wire;
    }

    private static V1.Diagnosis ToWire(this Domain.Diagnosis diagnosis)
    {
        var wire = new V1.Diagnosis
        {
            Kind = diagnosis.Kind.ToWireEnum<Domain.DiagnosisKind, V1.DiagnosisKind>(),
            LvoScale = diagnosis.LvoScale ?? "",
            LastKnownWell = diagnosis.LastKnownWell.ToWire(),
        };
        if (diagnosis.LvoScore is { } score)
        {
            wire.LvoScore = score;
        }

        return wire;
    }

    private static V1.TimelineEntry ToWire(Domain.TimelineEntry entry) => new()
    {
        Milestone = entry.Milestone.ToWireEnum<Domain.Milestone, V1.Milestone>(),
        At = entry.At.ToWire(),
        CommandId = entry.CommandId,
        HospitalId = entry.HospitalId ?? "",
        AmbulanceId = entry.AmbulanceId ?? "",
        Diagnosis = entry.Diagnosis?.ToWire(),
        Note = entry.Note ?? "",
        RecordedBy = entry.RecordedBy ?? "",
    };

    private static V1.CaseMetric ToWire(Domain.CaseMetric metric)
    {
        var wire = new V1.CaseMetric { Name = metric.Name };
        if (metric.Minutes is { } minutes)
        {
            wire.Minutes = minutes;
        }

        if (metric.TargetMinutes is { } target)
        {
            wire.TargetMinutes = target;
        }

        if (metric.MetTarget is { } met)
        {
            wire.MetTarget = met;
        }

        return wire;
    }
}
