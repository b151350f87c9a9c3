using Dispatch.Contracts.Cases;

namespace Dispatch.Api.Security;

/// <summary>
/// Which milestones a crew or a hospital may record by hand. Coordinators and admins may record
/// any; the dispatch, destination and pre-alert milestones are the engine's own and reach crews
/// and hospitals through their streams and actions instead.
/// </summary>
public static class MilestoneRights
{
    private static readonly Milestone[] Crew =
    [
        Milestone.OnScene, Milestone.FirstEcg, Milestone.EcgTransmitted, Milestone.Diagnosis, Milestone.LeftScene,
        Milestone.ArrivedAtDoor, Milestone.Handover,
    ];

    private static readonly Milestone[] Hospital =
    [
        Milestone.FirstEcg, Milestone.Diagnosis, Milestone.ArrivedAtDoor, Milestone.DoorOut, Milestone.Device,
        Milestone.Needle, Milestone.Handover, Milestone.Closed,
    ];

    /// <summary>Refuses a milestone the caller's role may not record, or one naming another ambulance or hospital.</summary>
    public static void Ensure(Caller caller, CaseCommand command)
    {
        var allowed = caller.Role switch
        {
            DispatchRoles.Crew => Crew.Contains(command.Milestone),
            DispatchRoles.Hospital => Hospital.Contains(command.Milestone),
            _ => true,
        };
        if (!allowed)
        {
            throw Caller.Denied($"a {caller.Role} token may not record {command.Milestone}");
        }

        if (command.AmbulanceId is { } ambulance)
        {
            caller.EnsureAmbulance(ambulance);
        }

        if (command.HospitalId is { } hospital)
        {
            caller.EnsureHospital(hospital);
        }
    }
}
