using Dispatch.Contracts.V1;
using Grpc.Net.Client;

namespace Dispatch.Tests.Support.Fuzzing;

/// <summary>
/// What must hold of a running engine whatever it was sent, read through the API as an admin:
/// stored history is only ever appended to, and cases, ambulances and hospitals agree.
/// </summary>
public static class EngineInvariants
{
    public static async Task<IReadOnlyList<string>> Check(GrpcChannel admin, IReadOnlyList<SeededCase> seeded)
    {
        var cases = new CaseService.CaseServiceClient(admin);
        var ecg = new EcgService.EcgServiceClient(admin);
        var violations = new List<string>();

        foreach (var seed in seeded)
        {
            var now = await cases.GetCaseAsync(new GetCaseRequest { CaseId = seed.CaseId });
            var kept = now.Timeline.Take(seed.Timeline.Count).Select(e => (e.Milestone, e.At, e.CommandId));
            if (!kept.SequenceEqual(seed.Timeline.Select(e => (e.Milestone, e.At, e.CommandId))))
            {
                violations.Add($"{seed.CaseId}: the timeline stored before no longer begins the case's timeline");
            }

            var recording = await ecg.ReadRecordingAsync(new ReadRecordingRequest { CaseId = seed.CaseId });
            if (!recording.Chunks.Take(seed.Ecg.Count).SequenceEqual(seed.Ecg))
            {
                violations.Add($"{seed.CaseId}: an ECG chunk stored before was lost or changed");
            }

            if (!recording.Chunks.Select(c => c.Sequence).SequenceEqual(Enumerable.Range(1, recording.Chunks.Count).Select(i => (ulong)i)))
            {
                violations.Add($"{seed.CaseId}: ECG sequence numbers are not 1..{recording.Chunks.Count}");
            }
        }

        var active = (await cases.ListActiveCasesAsync(new ListActiveCasesRequest())).Cases;
        var ambulances = (await new RegionService.RegionServiceClient(admin).ListAmbulancesAsync(new ListAmbulancesRequest())).Ambulances;
        var hospitals = (await new RegionService.RegionServiceClient(admin).ListHospitalsAsync(new ListHospitalsRequest())).Hospitals.ToDictionary(h => h.Id);
        foreach (var c in active)
        {
            var handedOver = c.Timeline.Any(e => e.Milestone == Milestone.Handover);
            if (c.AmbulanceId.Length > 0 && !handedOver && ambulances.Single(a => a.Id == c.AmbulanceId).CaseId != c.CaseId)
            {
                violations.Add($"{c.CaseId}: its ambulance {c.AmbulanceId} does not know it serves it");
            }

            if (c.DestinationHospitalId.Length > 0 && c.Phase is CasePhase.Dispatched or CasePhase.OnScene or CasePhase.Transporting &&
                !hospitals[c.DestinationHospitalId].IncomingCaseIds.Contains(c.CaseId))
            {
                violations.Add($"{c.CaseId}: its destination {c.DestinationHospitalId} does not expect it; timeline: " +
                    string.Join(", ", c.Timeline.Select(e => $"{e.Milestone}{(e.HospitalId.Length > 0 ? "@" + e.HospitalId : "")}")));
            }
        }

        foreach (var ambulance in ambulances.Where(a => a.CaseId.Length > 0))
        {
            var served = active.Where(c => c.AmbulanceId == ambulance.Id && c.CaseId == ambulance.CaseId).ToList();
            if (served.Count != 1)
            {
                violations.Add($"{ambulance.Id}: serves {ambulance.CaseId}, which is not an active case assigned to it");
            }
        }

        foreach (var twice in active.Where(c => c.AmbulanceId.Length > 0 && !c.Timeline.Any(e => e.Milestone == Milestone.Handover))
                     .GroupBy(c => c.AmbulanceId).Where(g => g.Count() > 1))
        {
            violations.Add($"{twice.Key}: assigned to {twice.Count()} active cases at once");
        }

        return violations;
    }
}
