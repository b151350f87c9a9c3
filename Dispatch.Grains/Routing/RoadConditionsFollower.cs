using Dispatch.Contracts.Grains;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Routing;

/// <summary>
/// Keeps this silo's routing engine on the region's current road conditions, every few seconds:
/// changes made on other silos, and after a restart the conditions that were in force. The first
/// read waits one interval so that it never races the silo's own start-up.
/// </summary>
public sealed partial class RoadConditionsFollower(IGrainFactory grains, RoutingEngine engine, IHostApplicationLifetime lifetime, TimeProvider time,
    ILogger<RoadConditionsFollower> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Stops reading as soon as the engine starts to stop, as the region feed publisher does: a
        // read sent into a stopping silo ends in an error in the log (seen on Ctrl+C).
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(running.Token))
            {
                await Follow();
            }
        }
        catch (OperationCanceledException)
        {
            // The engine is stopping.
        }
    }

    private async Task Follow()
    {
        try
        {
            var current = await grains.GetGrain<IRoadConditionsGrain>(IRoadConditionsGrain.RegionKey).Get();
            if (current.Version != engine.ConditionsVersion)
            {
                engine.SetConditions(current.Conditions, current.Version);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The grain is unreachable for now (silo starting or stopping); the next tick tries again.
            LogFollowFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the road conditions; retrying")]
    private static partial void LogFollowFailed(ILogger logger, Exception exception);
}
