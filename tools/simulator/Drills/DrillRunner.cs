using System.Collections.Concurrent;
using System.Globalization;
using Dispatch.Api.Security;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Routing;

namespace Dispatch.Simulator.Drills;

/// <summary>
/// Runs a scenario against an engine through its public gRPC API: a coordinator opening calls, a
/// crew per ambulance, the staff of every centre, a tele-ECG reader; prints a progress line every
/// two seconds and returns what it measured.
/// </summary>
public sealed class DrillRunner(Scenario scenario, Region region, IReadOnlyList<Uri> engines, AuthOptions auth, TimeProvider time, TextWriter progress)
{
    public DrillRunner(Scenario scenario, Region region, Uri engine, AuthOptions auth, TimeProvider time, TextWriter progress)
        : this(scenario, region, [engine], auth, time, progress)
    {
    }

    private readonly ConcurrentQueue<LoadSample> _load = new();

    public async Task<DrillResult> Run(CancellationToken cancellation)
    {
        var problems = ScenarioLoader.UnknownHospitals(scenario, region);
        if (problems.Count > 0)
        {
            throw new ScenarioException(scenario.Name, problems);
        }

        using var callers = new DrillCallers(engines, new TokenIssuer(auth, time), region.Name, time);
        var served = await new RegionService.RegionServiceClient(callers.Coordinator).GetRegionAsync(new GetRegionRequest(), cancellationToken: cancellation);
        if (served.Name != region.Name)
        {
            throw new ScenarioException(scenario.Name, [$"the engine serves '{served.Name}', the scenario's region is '{region.Name}'"]);
        }

        // The engine names its policy on every decision it makes; the report reads it from there.
        var policy = "no decision made";
        var metrics = new DrillMetrics();
        var clock = new DrillClock(scenario.Speed, time);
        var random = new Random(scenario.Seed);
        var hospitals = region.Hospitals.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var desks = hospitals.Values.ToDictionary(h => h.Id, h => new HospitalDesk(h, callers.Hospital(h.Id), scenario, clock, metrics, new Random(random.Next()), time),
            StringComparer.Ordinal);
        var drill = new DrillContext(scenario, callers, clock, time, RoadGraphBuilder.FromRegion(region), hospitals, desks, metrics,
            Guid.NewGuid().ToString("N")[..6]);

        using var staff = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var watching = desks.Values.Select(d => d.Watch(staff.Token)).ToList();
        var reading = new ReaderDesk(callers.Reader, metrics, time).Work(staff.Token);
        var statuses = HospitalStatusPlan.Play(scenario, hospitals, callers.Hospital, clock, staff.Token);
        await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellation);
        await WarmUp(callers, region, cancellation);

        var started = time.GetTimestamp();
        var incidents = IncidentSchedule.Draw(scenario, region);
        var runs = new ConcurrentBag<(CallRun Run, Task Task)>();
        var reporter = Report(clock, metrics, incidents.Count, staff.Token);
        foreach (var incident in incidents)
        {
            await clock.Until(incident.AtMinute, cancellation);
            var run = new CallRun(incident, drill);
            runs.Add((run, run.Run(cancellation)));
        }

        var failures = new List<string>();
        foreach (var (run, task) in runs)
        {
            try
            {
                await task;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.Increment(ref metrics.Counters.Failures);
                failures.Add($"call {run.Incident.Number} ({run.Incident.Kind}): {e.Message}");
            }
        }

        failures.AddRange(metrics.Refusals.Take(20).Select(r => $"refused: {r}"));
        var realSeconds = time.GetElapsedTime(started).TotalSeconds;
        await staff.CancelAsync();
        await Task.WhenAll([.. watching, reading, Quietly(statuses), reporter]);
        var result = await Summarise(callers, [.. runs.Select(r => r.Run)], desks, hospitals, metrics, policy, realSeconds, failures, cancellation);
        await progress.WriteLineAsync(Line(clock.Minute, metrics, incidents.Count));
        return result;
    }

    /// <summary>
    /// A few calls opened, dispatched and closed before measuring: a fresh engine compiles its code
    /// on the first calls, and those milliseconds say nothing about how it dispatches.
    /// </summary>
    private static async Task WarmUp(DrillCallers callers, Region region, CancellationToken cancellation)
    {
        var cases = new CaseService.CaseServiceClient(callers.Coordinator);
        var place = region.Hospitals[0].Location;
        for (var i = 0; i < 5; i++)
        {
            var call = await cases.OpenCaseAsync(new OpenCaseRequest
            {
                CommandId = $"warm-up-{Guid.NewGuid():N}", Location = new GeoPoint { Latitude = place.Latitude, Longitude = place.Longitude }, Complaint = Complaint.Other,
            }, cancellationToken: cancellation);
            await cases.DispatchAmbulanceAsync(new DispatchAmbulanceRequest { CaseId = call.CaseId, CommandId = $"{call.CaseId}/dispatch" }, cancellationToken: cancellation);
            await cases.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = call.CaseId, CommandId = $"{call.CaseId}/closed", Milestone = Milestone.Closed },
                cancellationToken: cancellation);
        }
    }

    private async Task<DrillResult> Summarise(DrillCallers callers, IReadOnlyList<CallRun> runs, Dictionary<string, HospitalDesk> desks,
        Dictionary<string, HospitalProfile> hospitals, DrillMetrics metrics, string policy, double realSeconds, List<string> failures,
        CancellationToken cancellation)
    {
        var cases = new CaseService.CaseServiceClient(callers.Coordinator);
        var ecg = new EcgService.EcgServiceClient(callers.Coordinator);
        var routing = new RoutingService.RoutingServiceClient(callers.Coordinator);
        var views = new List<(CallRun Run, CaseView View)>();
        var ecgLost = 0;
        var preAlertsLost = 0;
        var outside = 0;
        var decisionPolicy = policy;
        foreach (var run in runs.Where(r => r.CaseId is not null))
        {
            var view = await cases.GetCaseAsync(new GetCaseRequest { CaseId = run.CaseId }, cancellationToken: cancellation);
            views.Add((run, view));
            decisionPolicy = view.Decision?.Policy is { Length: > 0 } p ? p : decisionPolicy;
            if (run.EcgChunksSent > 0)
            {
                var stored = await ecg.ReadRecordingAsync(new ReadRecordingRequest { CaseId = run.CaseId }, cancellationToken: cancellation);
                ecgLost += run.EcgChunksSent - stored.Chunks.Count;
            }

            preAlertsLost += view.Timeline.Where(e => e.Milestone == Milestone.PreAlertSent).Select(e => e.HospitalId).Distinct()
                .Count(h => !desks[h].Announced(view.CaseId));
            var capability = run.Incident.Kind switch
            {
                IncidentKind.Stemi => Capability.Pci,
                IncidentKind.StrokeLvo => Capability.Thrombectomy,
                IncidentKind.StrokeNonLvo => Capability.Thrombolysis,
                _ => Capability.Unspecified,
            };
            if (capability != Capability.Unspecified &&
                (await routing.GetCentresCoveringAsync(new GetCentresCoveringRequest { Place = view.Location ?? new GeoPoint(), Capability = capability },
                    cancellationToken: cancellation)).Centres.Count == 0)
            {
                outside++;
            }
        }

        var violations = await DrillInvariants.Check(callers.Coordinator, runs, desks.Values, cancellation);
        foreach (var violation in violations)
        {
            await progress.WriteLineAsync($"invariant violated: {violation}");
        }

        var ack = metrics.EcgAck.Summary();
        return new DrillResult(scenario.Name, decisionPolicy, scenario.DurationMinutes, realSeconds, runs.Count, metrics.Counters.CallsClosed,
            metrics.CallToDecision.Summary(), metrics.PreAlertDelivery.Summary(), ack, metrics.Counters.EcgChunksAcked / Math.Max(1, realSeconds),
            metrics.Counters.EcgChunksSent, ecgLost, preAlertsLost, metrics.Counters.PreAlertsDuplicated, metrics.Counters.Failures, failures,
            Clinical(views, hospitals, outside), [.. _load], metrics.CallToDecision.Samples, metrics.PreAlertDelivery.Samples, metrics.EcgAck.Samples, violations);
    }

    private ClinicalResult Clinical(List<(CallRun Run, CaseView View)> views, Dictionary<string, HospitalProfile> hospitals, int outside)
    {
        double? Minutes(CaseView view, string metric) =>
            view.Metrics.FirstOrDefault(m => m.Name == metric && m.HasMinutes)?.Minutes * scenario.Speed;

        var stemi = views.Where(v => v.Run.Incident.Kind == IncidentKind.Stemi).ToList();
        var fmcToDevice = stemi.Select(v => Minutes(v.View, "fmc_to_device")).OfType<double>().ToList();
        var lvo = views.Where(v => v.Run.Incident.Kind == IncidentKind.StrokeLvo).ToList();
        var atThrombectomy = lvo.Count(v => hospitals.TryGetValue(v.View.Timeline.LastOrDefault(e => e.Milestone == Milestone.ArrivedAtDoor)?.HospitalId ?? "", out var h) &&
            h.Can(Capabilities.Thrombectomy));
        var needle = views.Select(v => Minutes(v.View, "door_to_needle")).OfType<double>().ToList();
        return new ClinicalResult(stemi.Count, stemi.Count == 0 ? double.NaN : (double)fmcToDevice.Count(m => m <= 120) / stemi.Count,
            lvo.Count, lvo.Count == 0 ? double.NaN : (double)atThrombectomy / lvo.Count, outside, fmcToDevice, needle);
    }

    private async Task Report(DrillClock clock, DrillMetrics metrics, int calls, CancellationToken cancellation)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), time, cancellation);
                var c = metrics.Counters;
                _load.Enqueue(new LoadSample(Math.Round(clock.Minute, 2), c.CallsOpened - c.CallsClosed, c.EcgChunksAcked, c.GpsFixes));
                await progress.WriteLineAsync(Line(clock.Minute, metrics, calls));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private string Line(double minute, DrillMetrics metrics, int calls)
    {
        var c = metrics.Counters;
        var decision = metrics.CallToDecision.Summary();
        return string.Create(CultureInfo.InvariantCulture,
            $"[{Math.Min(minute, scenario.DurationMinutes),6:F1}/{scenario.DurationMinutes:F0} min] calls {c.CallsOpened}/{calls} ({c.CallsOpened - c.CallsClosed} active) " +
            $"| call->decision p50 {decision.P50:F0} p99 {decision.P99:F0} ms | ECG {c.EcgChunksAcked}/{c.EcgChunksSent} acked " +
            $"| pre-alerts {c.PreAlertsReceived} (dup {c.PreAlertsDuplicated}), ack {c.Acknowledgements}, activations {c.Activations}, readings {c.Readings} " +
            $"| GPS {c.GpsFixes} | failures {c.Failures}");
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
    }
}
