using Dispatch.Contracts.Cases;

namespace Dispatch.Grains.Cases;

/// <summary>
/// When a milestone may be recorded and which phase the case moves to. <see cref="Next"/> is
/// null where the milestone leaves the phase as it is.
/// </summary>
public sealed record MilestoneRule(
    IReadOnlySet<CasePhase> AllowedIn,
    CasePhase? Next = null,
    bool Once = false,
    bool NeedsHospital = false,
    bool NeedsAmbulance = false,
    bool NeedsDiagnosis = false);
