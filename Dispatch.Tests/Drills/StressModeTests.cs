using System.Globalization;
using System.Text.RegularExpressions;
using Dispatch.Tests.Support;
using Dispatch.Tests.Support.Processes;

namespace Dispatch.Tests.Drills;

/// <summary>
/// Stress mode end to end, small, run as a user runs it (dispatch-sim in its own process): the bare
/// gRPC sink and the engine each measured over the same streams, the ratio printed, the latency
/// floor measured, the ramp's steps run and judged. The figures themselves are machine
/// dependent and live in docs/performance.md; here only their presence and sense are checked.
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed class StressModeTests
{
    /// <summary>Not a speed limit: the run takes about a minute; one that hangs is stopped here.</summary>
    private static readonly TimeSpan NeverComes = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task StressMode_MeasuresTheBareCeiling_TheLatencyFloor_TheEngineAgainstThem_AndARampStep()
    {
        using var stress = SimulatorProcess.Start("stress", "--ambulances", "60", "--ecg-streams", "6", "--steps", "2", "--seconds", "3");

        var exit = await stress.Exited(NeverComes);

        var text = stress.Output;
        // Nothing logged as an error: a normal run's console is its figures. (The sink's crews
        // hanging up once logged a stack trace each; at this size the race behind it does not come
        // up, so SinkCrewServiceTests holds that case.)
        Assert.DoesNotContain("fail: ", text);
        for (var round = 1; round <= 3; round++)
        {
            Assert.Matches($@"ceiling round {round} of 3: bare gRPC sink \d+ chunks/s over \d+ s, \d+ µs CPU a chunk, .*; engine \d+ chunks/s over \d+ s, \d+ µs CPU a chunk, .*: ratio \d\.\d\d", text);
        }

        Assert.Matches(@"ECG ingest, median of 3 alternated rounds: engine \d+ chunks/s, bare gRPC \d+ chunks/s: ratio \d\.\d\d \(rounds \d\.\d\d, \d\.\d\d, \d\.\d\d\); " +
            @"CPU a chunk: engine \d+ µs, bare gRPC \d+ µs: ratio \d\.\d\d \(rounds \d\.\d\d, \d\.\d\d, \d\.\d\d\)", text);
        // The latency floor: the ramp's top level against the bare sink, each call answered at once.
        Assert.Matches(@"latency floor, bare gRPC sink: 60 ambulances at 1 Hz, 6 ECG streams: call p99 [\d.]+ ms, ECG ack p99 [\d.]+ ms, lost 0, failures 0, GPS [1-9]\d* fixes/s", text);
        var first = Regex.Match(text, @"step 1: 30 ambulances at 1 Hz, 3 ECG streams: call->decision p99 [\d.]+ ms, ECG ack p99 [\d.]+ ms, lost 0, failures 0, GPS (\d+) fixes/s, .* => (held|broke)");
        Assert.True(first.Success, text);
        Assert.True(FixesPerSecond(first) > 0, text);
        // Each level tells the calls a collection stopped from the others, and the slowest of those,
        // which is no slower than the level's slowest call.
        var split = Regex.Match(text, @"step 1: .*max ([\d.]+) ms; (\d+) of (\d+) calls met a collection, the slowest of the others ([\d.]+) ms\) => ");
        Assert.True(split.Success, text);
        Assert.InRange(Number(split, 2), 0, Number(split, 3));
        Assert.True(Number(split, 3) > 0, text);
        Assert.InRange(Number(split, 4), 0, Number(split, 1));
        // A step that held is followed by the next, with twice the crews and ECG streams; the first
        // step's 27 GPS crews go on sending beside the 27 the second step adds.
        var second = Regex.Match(text, @"step 2: 60 ambulances at 1 Hz, 6 ECG streams: call->decision p99 [\d.]+ ms, ECG ack p99 [\d.]+ ms, lost 0, failures 0, GPS (\d+) fixes/s, .* => (held|broke)");
        Assert.Equal(first.Groups[2].Value == "held", second.Success);
        if (second.Success)
        {
            Assert.True(FixesPerSecond(second) > FixesPerSecond(first), text);
        }

        Assert.Matches(second.Success
            ? @"call p99 at 60 ambulances with 6 ECG streams: bare gRPC sink [\d.]+ ms, engine [\d.]+ ms: [\d.]+ times the floor"
            : @"call p99 at 60 ambulances with 6 ECG streams: bare gRPC sink [\d.]+ ms; the engine's ramp stopped before that level", text);
        Assert.Equal(second.Success && second.Groups[2].Value == "held" ? 0 : 1, exit);
    }

    private static int FixesPerSecond(Match step) => int.Parse(step.Groups[1].Value, CultureInfo.InvariantCulture);

    private static double Number(Match match, int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
}
