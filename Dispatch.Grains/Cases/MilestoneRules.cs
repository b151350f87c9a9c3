using System.Collections.Frozen;
using Dispatch.Contracts.Cases;

namespace Dispatch.Grains.Cases;

/// <summary>The case lifecycle as a table: one rule per milestone.</summary>
public static class MilestoneRules
{
    private static readonly CasePhase[] WithPatient = [CasePhase.OnScene, CasePhase.Transporting, CasePhase.AtHospital];

    private static readonly CasePhase[] NotClosed =
        [CasePhase.Open, CasePhase.Dispatched, CasePhase.OnScene, CasePhase.Transporting, CasePhase.AtHospital];

    public static readonly FrozenDictionary<Milestone, MilestoneRule> All = new Dictionary<Milestone, MilestoneRule>
    {
        // A call is received only by opening the case.
        [Milestone.CallReceived] = new(Phases()),
        // From the scene call, or at a referring hospital for the transfer ambulance.
        [Milestone.AmbulanceDispatched] = new(
            Phases(CasePhase.Open, CasePhase.Dispatched, CasePhase.AtHospital), NeedsAmbulance: true),
        [Milestone.OnScene] = new(Phases(CasePhase.Dispatched), CasePhase.OnScene),
        [Milestone.FirstEcg] = new(Phases(WithPatient), Once: true),
        [Milestone.EcgTransmitted] = new(Phases(WithPatient)),
        [Milestone.Diagnosis] = new(Phases(WithPatient), NeedsDiagnosis: true),
        [Milestone.DestinationChosen] = new(Phases(NotClosed), NeedsHospital: true),
        [Milestone.PreAlertSent] = new(Phases(NotClosed), NeedsHospital: true),
        [Milestone.PreAlertAcknowledged] = new(Phases(NotClosed), NeedsHospital: true),
        [Milestone.TeamActivated] = new(Phases(NotClosed), NeedsHospital: true),
        [Milestone.LeftScene] = new(Phases(CasePhase.OnScene), CasePhase.Transporting),
        [Milestone.ArrivedAtDoor] = new(Phases(CasePhase.Transporting), CasePhase.AtHospital, NeedsHospital: true),
        [Milestone.DoorOut] = new(Phases(CasePhase.AtHospital), CasePhase.Transporting),
        [Milestone.Device] = new(Phases(CasePhase.AtHospital), Once: true),
        [Milestone.Needle] = new(Phases(CasePhase.AtHospital), Once: true),
        [Milestone.Handover] = new(Phases(CasePhase.AtHospital)),
        [Milestone.Closed] = new(Phases(NotClosed), CasePhase.Closed),
        [Milestone.EcgStemiFlagged] = new(Phases(WithPatient), Once: true),
        // A reading is a diagnosis: the reader's (confirmed or rejected STEMI) replaces the working one.
        [Milestone.EcgRead] = new(Phases(WithPatient), NeedsDiagnosis: true),
        [Milestone.CriticalValueReported] = new(Phases(WithPatient)),
    }.ToFrozenDictionary();

    private static FrozenSet<CasePhase> Phases(params CasePhase[] phases) => phases.ToFrozenSet();
}
