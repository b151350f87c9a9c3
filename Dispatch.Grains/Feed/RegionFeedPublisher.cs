using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Feed;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Hospitals;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Feed;

/// <summary>
/// One per silo. Grains hand it their latest state; it keeps only the latest per id and sends
/// one batch every <see cref="Interval"/>, so 5,000 ambulances at 1 Hz become four messages a
/// second per silo. Publishing never waits on the network.
/// </summary>
public sealed partial class RegionFeedPublisher(IGrainFactory grains, TimeProvider time, IHostApplicationLifetime lifetime,
    ILogger<RegionFeedPublisher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly object _lock = new();
    private Dictionary<string, AmbulanceSnapshot> _ambulances = new(StringComparer.Ordinal);
    private Dictionary<string, CaseSummary> _cases = new(StringComparer.Ordinal);
    private Dictionary<string, HospitalSnapshot> _hospitals = new(StringComparer.Ordinal);
    private List<CaseAlert> _alerts = [];

    public void Publish(AmbulanceSnapshot ambulance)
    {
        lock (_lock)
        {
            _ambulances[ambulance.Id] = ambulance;
        }
    }

    public void Publish(CaseSummary summary)
    {
        lock (_lock)
        {
            _cases[summary.CaseId] = summary;
        }
    }

    public void Publish(HospitalSnapshot hospital)
    {
        lock (_lock)
        {
            _hospitals[hospital.Profile.Id] = hospital;
        }
    }

    public void Publish(CaseAlert alert)
    {
        lock (_lock)
        {
            _alerts.Add(alert);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Stops as soon as the engine starts to stop, before the silo does: a batch sent into a
        // stopping silo is lost anyway and only ends in errors in the log.
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        using var timer = new PeriodicTimer(Interval, time);
        while (await Tick(timer, running.Token))
        {
            var changes = Take();
            if (changes is null)
            {
                continue;
            }

            try
            {
                await grains.GetGrain<IRegionFeedGrain>(IRegionFeedGrain.RegionKey).Publish(changes);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The coordinators miss this batch; the next carries each thing's latest state again once it changes,
                // and a coordinator that reconnects starts from a full snapshot.
                LogPublishFailed(logger, e);
            }
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken running)
    {
        try
        {
            return await timer.WaitForNextTickAsync(running);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private RegionChanges? Take()
    {
        lock (_lock)
        {
            if (_ambulances.Count == 0 && _cases.Count == 0 && _hospitals.Count == 0 && _alerts.Count == 0)
            {
                return null;
            }

            var changes = new RegionChanges([.. _ambulances.Values], [.. _cases.Values], [.. _hospitals.Values], [.. _alerts]);
            _ambulances = new(StringComparer.Ordinal);
            _cases = new(StringComparer.Ordinal);
            _hospitals = new(StringComparer.Ordinal);
            _alerts = [];
            return changes;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish region changes to coordinators")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
