using Dispatch.Contracts.V1;

namespace Dispatch.Tests.Support;

/// <summary>The usual start of a test: a chest-pain call, the ambulance sent and on scene, a suspected STEMI routed to a centre.</summary>
internal static class StemiCalls
{
    public static readonly GeoPoint Scene = new() { Latitude = 38.02, Longitude = 114.49 };

    /// <summary>Opens the call, dispatches <paramref name="ambulance"/>, records on scene and the diagnosis; returns the routed case.</summary>
    public static async Task<CaseView> Routed(CaseService.CaseServiceClient cases, string name, string ambulance, GeoPoint? scene = null)
    {
        var run = $"{name}-{Guid.NewGuid():N}";
        var call = await cases.OpenCaseAsync(new OpenCaseRequest { CommandId = $"call-{run}", Location = scene ?? Scene, Complaint = Complaint.ChestPain });
        foreach (var (milestone, diagnosis) in new (Milestone, Diagnosis?)[]
                 {
                     (Milestone.AmbulanceDispatched, null), (Milestone.OnScene, null), (Milestone.Diagnosis, new Diagnosis { Kind = DiagnosisKind.SuspectedStemi }),
                 })
        {
            await cases.RecordMilestoneAsync(new RecordMilestoneRequest
            {
                CaseId = call.CaseId, CommandId = $"{milestone}-{run}", Milestone = milestone, Diagnosis = diagnosis,
                AmbulanceId = milestone == Milestone.AmbulanceDispatched ? ambulance : "",
            });
        }

        return await cases.GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId });
    }
}
