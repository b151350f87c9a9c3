using System.Globalization;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Regions.Generation;
using Dispatch.Silo.Hosting;
using Dispatch.Simulator.Stress;

namespace Dispatch.Simulator.Commands;

/// <summary>stress: the most load the embedded engine carries on this machine, and its ECG ingest against bare gRPC.</summary>
public sealed class StressCommand : ISimulatorCommand
{
    public string Name => "stress";

    public string Summary => "[--ambulances 5000] [--ecg-streams 500] [--steps 5] [--seconds 20]: ramp load to the limit; ECG ingest vs a bare gRPC sink";

    public async Task<int> Run(CommandOptions options, TextWriter output, CancellationToken stop)
    {
        var ambulances = options.Int("ambulances", 5000);
        var ecgStreams = options.Int("ecg-streams", 500);
        var steps = options.Int("steps", 5);
        var seconds = options.Int("seconds", 20);
        if (ecgStreams > ambulances || ambulances < 1 || steps < 1 || seconds < 1)
        {
            throw new CommandLineException("--ambulances, --steps and --seconds must be positive, with no more ECG streams than ambulances");
        }

        var (region, path) = Fleet(ambulances);
        await output.WriteLineAsync($"stress: {region.Name} with {ambulances} ambulances, up to {ecgStreams} ECG streams, {steps} steps of {seconds} s");
        StressResult result;
        try
        {
            result = await new StressRunner(region, path, ambulances, ecgStreams, steps, TimeSpan.FromSeconds(seconds), TimeProvider.System, output)
                .Run(stop);
        }
        finally
        {
            File.Delete(path);
        }

        var best = result.MostSustained;
        var ingest = result.Ingest;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ECG ingest, median of {ingest.Engine.Count} alternated rounds: engine {ingest.EngineChunksPerSecond:F0} chunks/s, bare gRPC {ingest.SinkChunksPerSecond:F0} chunks/s: " +
            $"ratio {ingest.Ratio:F2} (rounds {Join(ingest.RoundRatios)}); CPU a chunk: engine {ingest.EngineCpuMicrosecondsPerChunk:F0} µs, " +
            $"bare gRPC {ingest.SinkCpuMicrosecondsPerChunk:F0} µs: ratio {ingest.CpuRatio:F2} (rounds {Join(ingest.RoundCpuRatios)})\n" +
            $"most sustained: {(best is null ? "none (the first step broke)" : $"{best.Ambulances} ambulances at 1 Hz with {best.EcgStreams} ECG streams, call->decision p99 {best.CallToDecision.P99:F1} ms, 0 lost")}\n" +
            $"{AgainstFloor(result)}"));
        return best is not null && best.Ambulances == ambulances && best.EcgStreams == ecgStreams ? 0 : 1;
    }

    /// <summary>The engine's call→decision p99 at the top level against the bare sink's under the same load.</summary>
    private static string AgainstFloor(StressResult result)
    {
        var floor = result.LatencyFloor;
        var against = result.AtFloorLoad is { } engine
            ? string.Create(CultureInfo.InvariantCulture, $", engine {engine.CallToDecision.P99:F1} ms: {engine.CallToDecision.P99 / floor.CallToDecision.P99:F1} times the floor")
            : "; the engine's ramp stopped before that level";
        return string.Create(CultureInfo.InvariantCulture,
            $"call p99 at {floor.Ambulances} ambulances with {floor.EcgStreams} ECG streams: bare gRPC sink {floor.CallToDecision.P99:F1} ms{against}");
    }

    private static string Join(IEnumerable<double> ratios) => string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)));

    /// <summary>
    /// The bundled sample region's roads and hospitals with as many ambulances as asked, shared out
    /// over its stations. A fleet smaller than the region's stations leaves the rest out: a region file
    /// has no empty stations.
    /// </summary>
    public static (Region Region, string Path) Fleet(int ambulances)
    {
        var region = RegionLoader.LoadFile(DispatchOptions.SampleRegionPath);
        var stations = region.Stations.Select((s, i) => s with
        {
            AmbulanceIds = [.. Enumerable.Range(0, ambulances).Where(a => a % region.Stations.Count == i).Select(a => $"amb-{a + 1}")],
        }).Where(s => s.AmbulanceIds.Count > 0).ToList();
        var scaled = region with { Stations = stations };
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dispatch-stress-{Guid.NewGuid():N}.geojson");
        File.WriteAllText(path, RegionWriter.Write(scaled, $"The sample region with {ambulances} ambulances, for dispatch-sim stress."));
        return (scaled, path);
    }
}
