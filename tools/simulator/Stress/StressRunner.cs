using System.Collections.Concurrent;
using Dispatch.Api.Security;
using Dispatch.Contracts.Recording;
using Dispatch.Contracts.V1;
using Dispatch.Ecg.Analysis;
using Dispatch.Ecg.Synthesis;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Routing;
using Dispatch.Simulator.Drills;
using Grpc.Core;

namespace Dispatch.Simulator.Stress;

/// <summary>
/// Stress mode. First the ceiling: ECG chunks flat out over N streams to a sink that only
/// acknowledges, then the same to the engine (which stores and analyses them), taking turns three
/// times: the median ratio is the engine's ingest against bare gRPC on this machine. Then the
/// latency floor: the ramp's top level of realistic load (every crew a GPS fix a second, ECG
/// streams at the monitor's rate, calls opened and dispatched 5 a second) against the sink, which
/// answers every call at once. Then the ramp of that load against the engine, step by step until
/// call→decision p99 passes 50 ms or a message is lost. A step adds GPS crews to those already
/// connected (<see cref="GpsCrews"/>).
/// </summary>
public sealed class StressRunner(Region region, string regionPath, int ambulances, int ecgStreams, int steps, TimeSpan stepDuration,
    TimeProvider time, TextWriter output)
{
    private const double CallsPerSecond = 5;

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    /// <summary>Calls dispatched, untimed, before the latency floor and before the ramp's first step.</summary>
    private const int WarmUpCalls = 5;

    /// <summary>Sink and engine take turns this many times; each ratio is the median of the rounds'.</summary>
    private const int CeilingRounds = 3;

    private static readonly TimeSpan MinimumRound = TimeSpan.FromSeconds(1);

    /// <summary>After the first round the code is compiled: a round only waits for its streams to reopen and run flat out.</summary>
    private static readonly TimeSpan RoundSettle = TimeSpan.FromSeconds(2);

    /// <summary>Time for a level's streams to connect before its calls are timed (the crews start spread over the first second).</summary>
    private static readonly TimeSpan SettleConnecting = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Monitors are switched on at different moments, so a region's ECG windows fall due spread over
    /// time: the level's streams start spread over one analysis window. Started in the same instant,
    /// every stream's window would complete in the same instant too, a burst no real region sends.
    /// </summary>
    private static readonly TimeSpan EcgStartSpread = TimeSpan.FromSeconds(EcgStreamAnalyzer.WindowSeconds);

    private readonly WireEcgTemplate _template =
        new([.. SyntheticEcg.Chunks(SyntheticEcg.Generate(new SyntheticEcgSpec(EcgCondition.Normal, Seed: 3), 10), "template", DateTimeOffset.UnixEpoch)]);

    public async Task<StressResult> Run(CancellationToken cancellation)
    {
        var fleet = region.Stations.SelectMany(s => s.AmbulanceIds).ToList();
        var (ingest, flatOutEngine) = await Ceiling(fleet, cancellation);

        // The ramp runs on a fresh engine. Flat out, the ingest phase leaves some 300,000 chunks (a
        // gigabyte) in the embedded store, far more than the levels or a region's day would; kept in
        // the heap, every collection during the levels would be slower for it.
        await Release(flatOutEngine, "the flat-out engine", cancellation);
        var (floor, sinkMemory) = await LatencyFloor(fleet, cancellation);
        await output.WriteLineAsync(
            $"latency floor, bare gRPC sink: {floor.Ambulances} ambulances at 1 Hz, {floor.EcgStreams} ECG streams: {Describe(floor, "call")}");
        await Release(sinkMemory, "the latency floor's sink", cancellation);

        await using var engine = await StartEngine();
        using var callers = CallersOf(engine.Address);
        await CallUntimed(callers, "stress");
        await using var gps = new GpsCrews(region, callers, time);
        var levels = new List<StressLevel>();
        for (var step = 1; step <= steps; step++)
        {
            var level = await Level(callers, gps, fleet, ambulances * step / steps, ecgStreams * step / steps, $"step{step}", cancellation);
            levels.Add(level);
            await output.WriteLineAsync(
                $"step {step}: {level.Ambulances} ambulances at 1 Hz, {level.EcgStreams} ECG streams: {Describe(level, "call->decision")} => {(level.Held ? "held" : "broke")}");
            if (!level.Held)
            {
                break;
            }
        }

        return new StressResult(ingest, floor, levels);
    }

    /// <summary>
    /// The ramp's top level against the bare sink: the same crews, ECG streams and calls, each call
    /// answered at once. What a call costs gRPC alone in this process at that load (its collections
    /// and thread wake-ups included), to set beside the engine's call→decision.
    /// </summary>
    private async Task<(StressLevel Level, WeakReference Memory)> LatencyFloor(List<string> fleet, CancellationToken cancellation)
    {
        await using var sink = await SinkServer.Start();
        using var callers = CallersOf(sink.Address);
        await CallUntimed(callers, "floor");
        await using var gps = new GpsCrews(region, callers, time);
        var level = await Level(callers, gps, fleet, ambulances, ecgStreams, "floor", cancellation);
        return (level, new WeakReference(sink.Services));
    }

    /// <summary>The region's crews, coordinator and hospitals as callers of a server (the engine or the sink), with the engine's default signing key.</summary>
    private DrillCallers CallersOf(Uri server) => new(server, new TokenIssuer(new AuthOptions(), time), region.Name, time);

    /// <summary>
    /// Calls made untimed first, as a drill's first calls are: the first call compiles its path. On
    /// the engine that is the whole dispatch path (the flat-out phase never dispatched): 54-62 ms,
    /// which was the p99 of every short step 1 before.
    /// </summary>
    private async Task CallUntimed(DrillCallers callers, string tag)
    {
        var cases = new CaseService.CaseServiceClient(callers.Coordinator);
        for (var call = 1; call <= WarmUpCalls; call++)
        {
            await Call(cases, $"{tag}-warm-up-{call}");
        }
    }

    /// <summary>A level's figures after its load: its calls (named <paramref name="call"/>), ECG, GPS and what the process spent.</summary>
    private static string Describe(StressLevel level, string call) =>
        $"{call} p99 {level.CallToDecision.P99:F1} ms, ECG ack p99 {level.EcgAck.P99:F1} ms, lost {level.EcgLost}, failures {level.Failures}, " +
        $"GPS {level.GpsFixesPerSecond:F0} fixes/s, CPU {level.Usage.CoresBusy:F2} of {Environment.ProcessorCount} cores, {Pauses(level.Usage)} " +
        $"({call} p50 {level.CallToDecision.P50:F1}, p95 {level.CallToDecision.P95:F1}, max {level.CallToDecision.Max:F1} ms; " +
        $"{level.CallsMetCollection} of {level.Calls} calls met a collection, the slowest of the others {level.SlowestCallWithoutCollection.TotalMilliseconds:F1} ms)";

    /// <summary>
    /// Collects until a stopped server is gone from memory, so that the next phase does not collect
    /// around it. An engine's last streams let go of it a moment after it stops (their observers'
    /// retirement ends when the engine stops, on the thread pool).
    /// </summary>
    private async Task Release(WeakReference server, string what, CancellationToken cancellation)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            if (!server.IsAlive)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellation);
        }

        await output.WriteLineAsync($"warning: {what} is still in memory; the ramp's figures include collecting around it");
    }

    /// <summary>
    /// ECG flat out to the bare sink and to an engine, in alternated rounds over the same streams:
    /// the two ingest figures, and the engine's memory to wait for.
    /// </summary>
    private async Task<(IngestCeiling Ingest, WeakReference EngineMemory)> Ceiling(List<string> fleet, CancellationToken cancellation)
    {
        await using var sinkServer = await SinkServer.Start();
        await using var engine = await StartEngine();
        var memory = new WeakReference(engine.Services);
        using var callers = CallersOf(engine.Address);
        using var sinkCallers = CallersOf(sinkServer.Address);
        var cases = await OnScene(callers, fleet.Take(ecgStreams).ToList(), "throughput", cancellation);
        // A pump carries on its stream's sequence from round to round, as a crew reconnecting does.
        var sinkPumps = Enumerable.Range(0, ecgStreams).Select(i => new EcgPump(sinkCallers.Crew(fleet[i]), fleet[i], $"sink-{i}", _template, time)).ToList();
        var enginePumps = Enumerable.Range(0, ecgStreams).Select(i => new EcgPump(callers.Crew(fleet[i]), fleet[i], cases[i], _template, time)).ToList();

        var (sink, ingest) = (new List<IngestMeasurement>(), new List<IngestMeasurement>());
        var round = stepDuration / CeilingRounds < MinimumRound ? MinimumRound : stepDuration / CeilingRounds;
        for (var r = 1; r <= CeilingRounds; r++)
        {
            // Measured after a warm-up, as a benchmark is: the first seconds of a fresh process run code
            // the JIT has not optimised yet. Later rounds only wait for their streams to reopen.
            var warmUp = r == 1 ? Shorter(WarmUp, stepDuration) : Shorter(RoundSettle, stepDuration);
            sink.Add(await Throughput(sinkPumps, warmUp, round, cancellation));
            ingest.Add(await Throughput(enginePumps, warmUp, round, cancellation));
            await output.WriteLineAsync($"ceiling round {r} of {CeilingRounds}: bare gRPC sink {Describe(sink[^1])}; engine {Describe(ingest[^1])}: " +
                $"ratio {IngestCeiling.RoundRatio(sink[^1], ingest[^1]):F2}");
        }

        await Close(callers, cases, cancellation);
        return (new IngestCeiling(sink, ingest), memory);
    }

    private static string Describe(IngestMeasurement m) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{m.ChunksPerSecond:F0} chunks/s over {m.Usage.Elapsed.TotalSeconds:F0} s, {m.CpuMicrosecondsPerChunk:F0} µs CPU a chunk, GC gen0 {m.Usage.Gen0Collections} gen2 {m.Usage.Gen2Collections}, GC paused {m.Usage.GcPausedShare:P1}");

    private static string Pauses(ProcessUsage usage) => usage.Gen0Collections switch
    {
        0 => "no GC pause",
        1 => $"GC paused {usage.GcPausedShare:P1} in 1 collection of {usage.MeanGcPause.TotalMilliseconds:F0} ms",
        var n => $"GC paused {usage.GcPausedShare:P1} in {n} collections of {usage.MeanGcPause.TotalMilliseconds:F0} ms on average",
    };

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // Capacity, not policing: per-identity limits would cap the flat-out streams and the one
    // coordinator setting up hundreds of cases at once.
    private Task<EmbeddedEngine> StartEngine() => EmbeddedEngine.Start(regionPath, DestinationPolicy.Name,
        "--Dispatch:Limits:CrewMessageBurst", "1000000000", "--Dispatch:Limits:CrewMessagesPerSecond", "1000000",
        "--Dispatch:Limits:CallBurst", "1000000000", "--Dispatch:Limits:CallsPerSecond", "1000000");

    private async Task<IngestMeasurement> Throughput(List<EcgPump> pumps, TimeSpan warmUp, TimeSpan measured, CancellationToken cancellation)
    {
        using var stopSending = new CancellationTokenSource();
        var running = Task.WhenAll(pumps.Select(p => p.Run(realTime: false, null, TimeSpan.Zero, stopSending.Token, cancellation)));
        await Task.Delay(warmUp, time, cancellation);
        // Load generator, sink and engine share this process, so its CPU is the whole cost of a chunk both times.
        var (acked, usage) = (pumps.Sum(p => p.Acked), ProcessUsage.Since(time));
        await Task.Delay(measured, time, cancellation);
        var result = new IngestMeasurement(pumps.Sum(p => p.Acked) - acked, usage());
        await stopSending.CancelAsync();
        await running;
        return result;
    }

    /// <summary>
    /// One step: the ECG streams open for cases put on scene for it, the GPS crews grow to the step's
    /// count (ECG crews from the fleet's start, GPS crews from its end, so a step only adds to both),
    /// and calls are timed once all are up.
    /// </summary>
    private async Task<StressLevel> Level(DrillCallers callers, GpsCrews gps, List<string> fleet, int crews, int ecg, string tag, CancellationToken cancellation)
    {
        var ecgAmbulances = fleet.Take(ecg).ToList();
        var cases = await OnScene(callers, ecgAmbulances, tag, cancellation);
        var decision = new LatencyRecorder();
        var ack = new LatencyRecorder();
        var failures = 0;
        using var stopSending = new CancellationTokenSource();
        var pumps = ecgAmbulances.Select((a, i) => new EcgPump(callers.Crew(a), a, cases[i], _template, time)).ToList();
        var ecgTasks = pumps.Select((p, i) =>
        {
            var startAfter = EcgStartSpread * i / pumps.Count;
            return p.Run(realTime: true, ack, startAfter, stopSending.Token, cancellation);
        }).ToList();
        var gpsCrews = Math.Max(0, crews - ecg);
        gps.Add(fleet.Skip(fleet.Count - gpsCrews).Take(gpsCrews - gps.Connected));
        await Settle(cancellation);
        // Acknowledgements are timed from here too, as the calls are: the streams' first chunks met
        // thousands of crews connecting (seconds, with one ECG stream among 5,000 crews).
        ack.Clear();
        var (usage, fixes) = (ProcessUsage.Since(time), gps.Fixes);
        using var stop = new CancellationTokenSource(stepDuration, time);
        var calls = await Calls(callers, decision, () => Interlocked.Increment(ref failures), tag, stop.Token);
        var spent = usage();
        var fixesPerSecond = (gps.Fixes - fixes) / spent.Elapsed.TotalSeconds;
        await stopSending.CancelAsync();
        await Task.WhenAll(ecgTasks);
        await Close(callers, cases, cancellation);
        return new StressLevel(crews, ecg, fixesPerSecond, calls.Count, calls.MetCollection, calls.SlowestWithout, decision.Summary(), ack.Summary(), pumps.Sum(p => p.Sent), pumps.Sum(p => p.Sent - p.Acked),
            failures + gps.TakeFailures(), spent);
    }

    /// <summary>
    /// Waits until every stream of the level is up and sending, then moves what their connections
    /// keep into the old generation in one collection. A step connects a thousand crews in one
    /// second, which a region never does (crews connect over a shift): left to itself, the runtime
    /// promotes their state some 15 s later in one collection of half a second, a one-off per step
    /// that would be the step's p99 (the engine runs in this process, so its collections are this
    /// process's). A harness collecting between its setup and its measurement is what a benchmark does.
    /// </summary>
    private async Task Settle(CancellationToken cancellation)
    {
        await Task.Delay(EcgStartSpread + SettleConnecting, time, cancellation);
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
    }

    /// <summary>
    /// Calls opened and dispatched at 5 a second; each is closed at once to free its ambulance. How
    /// many met a collection, and the slowest that did not, tell a level's tail of pauses from the
    /// engine's own.
    /// </summary>
    private async Task<(int Count, int MetCollection, TimeSpan SlowestWithout)> Calls(DrillCallers callers, LatencyRecorder decision, Action failed, string tag, CancellationToken stop)
    {
        var cases = new CaseService.CaseServiceClient(callers.Coordinator);
        var (count, metCollection, slowestWithout) = (0, 0, TimeSpan.Zero);
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1 / CallsPerSecond), time);
        try
        {
            while (await tick.WaitForNextTickAsync(stop))
            {
                count++;
                try
                {
                    var (decided, paused) = await Call(cases, $"stress-{tag}-{count}");
                    decision.Add(decided);
                    if (paused)
                    {
                        metCollection++;
                    }
                    else if (decided > slowestWithout)
                    {
                        slowestWithout = decided;
                    }
                }
                catch (RpcException)
                {
                    failed();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return (count, metCollection, slowestWithout);
    }

    /// <summary>
    /// A call opened and an ambulance dispatched to it, then closed to free the ambulance: the time
    /// the decision took, and whether the process collected meanwhile.
    /// </summary>
    private async Task<(TimeSpan Decided, bool Paused)> Call(CaseService.CaseServiceClient cases, string tag)
    {
        var station = region.Stations[0].Location;
        var pausedBefore = GC.GetTotalPauseDuration();
        var started = time.GetTimestamp();
        var opened = await cases.OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = $"{tag}-{Guid.NewGuid():N}", Location = new GeoPoint { Latitude = station.Latitude + 0.01, Longitude = station.Longitude },
            Complaint = Complaint.Other,
        }, cancellationToken: CancellationToken.None);
        await cases.DispatchAmbulanceAsync(new DispatchAmbulanceRequest { CaseId = opened.CaseId, CommandId = $"{opened.CaseId}/dispatch" },
            cancellationToken: CancellationToken.None);
        var decided = time.GetElapsedTime(started);
        var paused = GC.GetTotalPauseDuration() > pausedBefore;
        await cases.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = opened.CaseId, CommandId = $"{opened.CaseId}/closed", Milestone = Milestone.Closed },
            cancellationToken: CancellationToken.None);
        return (decided, paused);
    }

    private static async Task<List<string>> OnScene(DrillCallers callers, List<string> fleet, string tag, CancellationToken cancellation)
    {
        var cases = new CaseService.CaseServiceClient(callers.Coordinator);
        var ids = new ConcurrentDictionary<int, string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, fleet.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellation }, async (i, ct) =>
        {
            var opened = await cases.OpenCaseAsync(new OpenCaseRequest
            {
                CommandId = $"stress-{tag}-{i}-{Guid.NewGuid():N}", Location = new GeoPoint { Latitude = 38.02, Longitude = 114.49 }, Complaint = Complaint.ChestPain,
            }, cancellationToken: ct);
            foreach (var milestone in new[] { Milestone.AmbulanceDispatched, Milestone.OnScene })
            {
                await cases.RecordMilestoneAsync(new RecordMilestoneRequest
                {
                    CaseId = opened.CaseId, CommandId = $"{opened.CaseId}/{milestone}", Milestone = milestone,
                    AmbulanceId = milestone == Milestone.AmbulanceDispatched ? fleet[i] : "",
                }, cancellationToken: ct);
            }

            ids[i] = opened.CaseId;
        });
        return [.. Enumerable.Range(0, fleet.Count).Select(i => ids[i])];
    }

    private static async Task Close(DrillCallers callers, List<string> cases, CancellationToken cancellation)
    {
        var client = new CaseService.CaseServiceClient(callers.Coordinator);
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellation }, async (caseId, ct) =>
            await client.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = caseId, CommandId = $"{caseId}/closed", Milestone = Milestone.Closed }, cancellationToken: ct));
    }
}
