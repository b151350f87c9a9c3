using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;
using Dispatch.Simulator.Drills;
using Grpc.Core;

namespace Dispatch.Simulator.Stress;

/// <summary>
/// The ramp's crews that only send GPS, a fix a second each. A crew stays connected from the step
/// it joins to the end of the ramp, as an ambulance stays connected through its shift: a step adds
/// crews to those already on the road instead of reconnecting the whole fleet in one second.
/// </summary>
public sealed class GpsCrews(Region region, DrillCallers callers, TimeProvider time) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _crews = [];
    private int _fixes;
    private int _failures;

    public int Connected => _crews.Count;

    /// <summary>Fixes sent so far by all crews.</summary>
    public int Fixes => Volatile.Read(ref _fixes);

    /// <summary>Streams the engine dropped since the last time this was asked (and counted as taken).</summary>
    public int TakeFailures() => Interlocked.Exchange(ref _failures, 0);

    /// <summary>Connects the given ambulances' crews; each starts within a second, spread over it.</summary>
    public void Add(IEnumerable<string> ambulances)
    {
        foreach (var ambulance in ambulances)
        {
            _crews.Add(Run(ambulance, _crews.Count, _stop.Token));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_crews);
        _stop.Dispose();
    }

    private async Task Run(string ambulance, int index, CancellationToken stop)
    {
        try
        {
            using var call = new CrewService.CrewServiceClient(callers.Crew(ambulance)).Connect(cancellationToken: stop);
            await call.RequestStream.WriteAsync(new CrewMessage { Hello = new CrewHello { AmbulanceId = ambulance } }, stop);
            var station = region.Stations.First(s => s.AmbulanceIds.Contains(ambulance)).Location;
            await Task.Delay(TimeSpan.FromMilliseconds(index % 1000), time, stop);
            using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
            do
            {
                await call.RequestStream.WriteAsync(new CrewMessage
                {
                    Gps = new GpsFix { Position = new GeoPoint { Latitude = station.Latitude + Random.Shared.NextDouble() * 0.01, Longitude = station.Longitude } },
                }, stop);
                Interlocked.Increment(ref _fixes);
            }
            while (await tick.WaitForNextTickAsync(stop));
        }
        catch (Exception e) when (e is OperationCanceledException || (e is RpcException rpc && rpc.StatusCode == StatusCode.Cancelled))
        {
        }
        catch (RpcException)
        {
            Interlocked.Increment(ref _failures);
        }
    }
}
