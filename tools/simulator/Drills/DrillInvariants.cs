using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Simulator.Drills;

/// <summary>
/// What must hold after a drill, whatever failed during it, checked against what the drill recorded
/// the engine confirming and read back through the API: no case lost or missing a confirmed
/// milestone, no ambulance serving two cases at once, one current destination per case, and every
/// acknowledged ECG chunk stored in order with the samples that were sent.
/// </summary>
public static class DrillInvariants
{
    public static async Task<IReadOnlyList<string>> Check(CallInvoker coordinator, IReadOnlyList<CallRun> runs,
        IReadOnlyCollection<HospitalDesk> desks, CancellationToken cancellation)
    {
        var cases = new CaseService.CaseServiceClient(coordinator);
        var ecg = new EcgService.EcgServiceClient(coordinator);
        var violations = new List<string>();
        var views = new List<CaseView>();
        foreach (var run in runs.Where(r => r.CaseId is not null))
        {
            CaseView view;
            try
            {
                view = await cases.GetCaseAsync(new GetCaseRequest { CaseId = run.CaseId }, cancellationToken: cancellation);
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
            {
                violations.Add($"{run.CaseId} (call {run.Incident.Number}): lost: the engine confirmed opening it and no longer knows it");
                continue;
            }

            views.Add(view);
            violations.AddRange(MissingMilestones(run, view, desks));
            violations.AddRange(Destination(view));
            if (run.EcgChunksAcked > 0)
            {
                var stored = (await ecg.ReadRecordingAsync(new ReadRecordingRequest { CaseId = run.CaseId }, cancellationToken: cancellation)).Chunks;
                violations.AddRange(Ecg(run, stored));
            }
        }

        violations.AddRange(Overlaps(views));
        var hospitals = (await new RegionService.RegionServiceClient(coordinator).ListHospitalsAsync(new ListHospitalsRequest(), cancellationToken: cancellation)).Hospitals;
        violations.AddRange(Expected(views, hospitals));
        return violations;
    }

    private static IEnumerable<string> MissingMilestones(CallRun run, CaseView view, IReadOnlyCollection<HospitalDesk> desks)
    {
        foreach (var milestone in run.Confirmed.Distinct().Where(m => view.Timeline.All(e => e.Milestone != m)))
        {
            yield return $"{view.CaseId}: {milestone} was confirmed to the drill and is not on the case";
        }

        foreach (var desk in desks.Where(d => d.Acknowledged(view.CaseId)))
        {
            if (!view.Timeline.Any(e => e.Milestone == Milestone.PreAlertAcknowledged && e.HospitalId == desk.HospitalId))
            {
                yield return $"{view.CaseId}: {desk.HospitalId}'s acknowledgement was confirmed and is not on the case";
            }
        }
    }

    /// <summary>The current destination is the last one chosen (unless the patient left it again, for a transfer).</summary>
    private static IEnumerable<string> Destination(CaseView view)
    {
        var last = view.Timeline.LastOrDefault(e => e.Milestone is Milestone.DestinationChosen or Milestone.DoorOut);
        var chosen = last?.Milestone == Milestone.DestinationChosen ? last.HospitalId : "";
        if (last?.Milestone != Milestone.DoorOut && view.DestinationHospitalId != chosen)
        {
            yield return $"{view.CaseId}: current destination '{view.DestinationHospitalId}', last chosen '{chosen}'";
        }
    }

    private static IEnumerable<string> Ecg(CallRun run, Google.Protobuf.Collections.RepeatedField<EcgChunk> stored)
    {
        if (!stored.Select(c => c.Sequence).SequenceEqual(Enumerable.Range(1, stored.Count).Select(i => (ulong)i)))
        {
            yield return $"{run.CaseId}: stored ECG sequence numbers are not 1..{stored.Count}";
        }

        if (stored.Count < run.EcgChunksAcked)
        {
            yield return $"{run.CaseId}: {run.EcgChunksAcked} ECG chunks were acknowledged, {stored.Count} are stored";
        }

        for (var i = 0; i < Math.Min(run.EcgChunksAcked, stored.Count); i++)
        {
            if (!stored[i].Equals(run.EcgChunks[i]))
            {
                yield return $"{run.CaseId}: acknowledged ECG chunk {i + 1} is stored with other content";
                yield break;
            }
        }
    }

    /// <summary>A patient on the road is expected by exactly one centre, its destination, and a finished case by none.</summary>
    private static IEnumerable<string> Expected(IReadOnlyList<CaseView> views, IEnumerable<HospitalView> hospitals)
    {
        var expectedBy = hospitals.SelectMany(h => h.IncomingCaseIds.Select(c => (Case: c, Hospital: h.Id))).ToLookup(x => x.Case, x => x.Hospital);
        foreach (var view in views)
        {
            var onTheRoad = view.Phase is CasePhase.Dispatched or CasePhase.OnScene or CasePhase.Transporting && view.DestinationHospitalId.Length > 0;
            var by = expectedBy[view.CaseId].ToList();
            if (onTheRoad ? by.Count != 1 || by[0] != view.DestinationHospitalId : by.Count != 0)
            {
                yield return $"{view.CaseId} ({view.Phase}, destination '{view.DestinationHospitalId}'): expected by [{string.Join(", ", by)}]";
            }
        }
    }

    /// <summary>
    /// An ambulance serves a case from its dispatch to the handover (or the close): two such spans
    /// of one ambulance must not overlap, or it was sent to two patients at once.
    /// </summary>
    private static IEnumerable<string> Overlaps(IReadOnlyList<CaseView> views)
    {
        var spans = views
            .Select(v => (v.CaseId, Dispatch: v.Timeline.LastOrDefault(e => e.Milestone == Milestone.AmbulanceDispatched)))
            .Where(s => s.Dispatch is not null)
            .Select(s =>
            {
                var view = views.First(v => v.CaseId == s.CaseId);
                var end = view.Timeline.FirstOrDefault(e => e.Milestone is Milestone.Handover or Milestone.Closed)?.At.ToDateTimeOffset() ?? DateTimeOffset.MaxValue;
                return (s.CaseId, Ambulance: s.Dispatch!.AmbulanceId, From: s.Dispatch.At.ToDateTimeOffset(), To: end);
            })
            .GroupBy(s => s.Ambulance);
        foreach (var ambulance in spans)
        {
            var ordered = ambulance.OrderBy(s => s.From).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].From < ordered[i - 1].To)
                {
                    yield return $"{ambulance.Key}: assigned to {ordered[i - 1].CaseId} and {ordered[i].CaseId} at once";
                }
            }
        }
    }
}
