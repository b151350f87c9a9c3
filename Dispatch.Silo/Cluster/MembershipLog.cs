using Dispatch.Api.Grpc;
using Orleans.Runtime;

namespace Dispatch.Silo.Cluster;

/// <summary>
/// Says in plain words when a silo joins, leaves or is declared dead (Orleans' own lines are
/// detailed and scattered), and tells this process's streams to re-register at once when a silo
/// is lost, instead of at their next renewal.
/// </summary>
public sealed partial class MembershipLog(IClusterMembershipService membership, ClusterChanges changes, ILogger<MembershipLog> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var known = new Dictionary<SiloAddress, SiloStatus>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var lost = false;
                foreach (var (silo, member) in snapshot.Members)
                {
                    known.TryGetValue(silo, out var before);
                    if (before == member.Status)
                    {
                        continue;
                    }

                    known[silo] = member.Status;
                    switch (member.Status)
                    {
                        case SiloStatus.Active:
                            LogJoined(logger, member.Name ?? "", silo, snapshot.Version.Value);
                            break;
                        case SiloStatus.ShuttingDown or SiloStatus.Stopping:
                            LogLeaving(logger, member.Name ?? "", silo);
                            break;
                        case SiloStatus.Dead when before is SiloStatus.ShuttingDown or SiloStatus.Stopping:
                            LogLeft(logger, member.Name ?? "", silo);
                            lost = true;
                            break;
                        case SiloStatus.Dead when before != SiloStatus.None:
                            LogDeclaredDead(logger, member.Name ?? "", silo);
                            lost = true;
                            break;
                    }
                }

                if (lost)
                {
                    changes.SiloLost();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster: silo {Name} at {Silo} joined (membership version {Version})")]
    private static partial void LogJoined(ILogger logger, string name, SiloAddress silo, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster: silo {Name} at {Silo} is shutting down")]
    private static partial void LogLeaving(ILogger logger, string name, SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster: silo {Name} at {Silo} left the cluster")]
    private static partial void LogLeft(ILogger logger, string name, SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster: silo {Name} at {Silo} was declared dead (it stopped answering probes); its grains move to the other silos")]
    private static partial void LogDeclaredDead(ILogger logger, string name, SiloAddress silo);
}
