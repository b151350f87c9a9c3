using System.Collections.Concurrent;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Simulator.Drills;

/// <summary>
/// A receiving centre's staff: watch the pre-alerts, acknowledge each new patient after a delay,
/// activate the cath lab or stroke team, and treat the patient on arrival (device or needle).
/// </summary>
public sealed class HospitalDesk(HospitalProfile profile, CallInvoker channel, Scenario scenario, DrillClock clock, DrillMetrics metrics, Random random, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, bool> _announced = new(StringComparer.Ordinal);
    private readonly HospitalService.HospitalServiceClient _client = new(channel);

    public string HospitalId => profile.Id;

    public bool Announced(string caseId) => _announced.ContainsKey(caseId);

    private readonly ConcurrentDictionary<string, bool> _acknowledged = new(StringComparer.Ordinal);

    /// <summary>The engine confirmed this centre's acknowledgement of the patient's pre-alert.</summary>
    public bool Acknowledged(string caseId) => _acknowledged.ContainsKey(caseId);

    /// <summary>
    /// Watches until the drill ends. A stream that breaks (its silo died) is opened again; the engine
    /// then sends the current pre-alerts, so nothing announced in between is missed, and a patient
    /// already announced is not counted twice.
    /// </summary>
    public async Task Watch(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                await WatchOnce(cancellation);
            }
            catch (Exception e) when (e is OperationCanceledException || (e is RpcException rpc && rpc.StatusCode == StatusCode.Cancelled && cancellation.IsCancellationRequested))
            {
                // The drill is over.
                return;
            }
            catch (Exception e) when (e is RpcException or IOException)
            {
                Interlocked.Increment(ref _rewatches);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, CancellationToken.None);
        }
    }

    private int _rewatches;

    /// <summary>How often the pre-alert stream had to be opened again.</summary>
    public int Rewatches => Volatile.Read(ref _rewatches);

    private async Task WatchOnce(CancellationToken cancellation)
    {
        var thisStream = new HashSet<string>(StringComparer.Ordinal);
        using var watch = _client.WatchPreAlerts(new WatchPreAlertsRequest { HospitalId = profile.Id }, cancellationToken: cancellation);
        await foreach (var alert in watch.ResponseStream.ReadAllAsync(cancellation))
        {
            // After a reconnect the current pre-alerts come again, each at its latest kind: a patient
            // first heard of then (announced while the stream was down) counts as announced.
            if (alert.Kind is not (PreAlertKind.New or PreAlertKind.Update or PreAlertKind.Reminder))
            {
                continue;
            }

            if (alert.Kind == PreAlertKind.New && !thisStream.Add(alert.CaseId))
            {
                Interlocked.Increment(ref metrics.Counters.PreAlertsReceived);
                Interlocked.Increment(ref metrics.Counters.PreAlertsDuplicated);
                continue;
            }

            if (!_announced.TryAdd(alert.CaseId, true))
            {
                continue;
            }

            Interlocked.Increment(ref metrics.Counters.PreAlertsReceived);
            if (alert.Kind == PreAlertKind.New)
            {
                metrics.PreAlertDelivery.Add(time.GetUtcNow() - alert.SentAt.ToDateTimeOffset());
            }

            _ = Acknowledge(alert, cancellation);
        }
    }

    /// <summary>
    /// What this centre can do: a device (PCI, thrombectomy) 30-70 min after the door where it has
    /// the capability, else a needle (fibrinolysis, IV thrombolysis) 20-50 min after it where it can
    /// give one, else nothing here; then the case closes. An onward transfer is not played: a patient
    /// taken where the treatment is not given counts against the targets, as it should.
    /// </summary>
    /// <returns>The milestones the engine confirmed.</returns>
    public async Task<IReadOnlyList<Milestone>> Treat(string caseId, IncidentKind kind, CancellationToken cancellation)
    {
        var confirmed = new List<Milestone>();
        var milestone = kind switch
        {
            IncidentKind.Stemi when profile.Can(Capabilities.Pci) => Milestone.Device,
            IncidentKind.StrokeLvo when profile.Can(Capabilities.Thrombectomy) => Milestone.Device,
            IncidentKind.Stemi or IncidentKind.StrokeLvo or IncidentKind.StrokeNonLvo when profile.Can(Capabilities.Thrombolysis) => Milestone.Needle,
            _ => Milestone.Unspecified,
        };
        var cases = new CaseService.CaseServiceClient(channel);
        if (milestone != Milestone.Unspecified)
        {
            await clock.For(60 * (milestone == Milestone.Device ? 30 + 40 * random.NextDouble() : 20 + 30 * random.NextDouble()), cancellation);
            await cases.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = caseId, CommandId = $"{caseId}/{milestone}", Milestone = milestone },
                cancellationToken: cancellation);
            confirmed.Add(milestone);
        }

        await cases.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = caseId, CommandId = $"{caseId}/closed", Milestone = Milestone.Closed },
            cancellationToken: cancellation);
        confirmed.Add(Milestone.Closed);
        return confirmed;
    }

    private async Task Acknowledge(PreAlert alert, CancellationToken cancellation)
    {
        try
        {
            var delays = scenario.Hospitals.AckDelaySeconds;
            await clock.For(delays[0] + (delays[1] - delays[0]) * random.NextDouble(), cancellation);
            await _client.AcknowledgePreAlertAsync(new PreAlertActionRequest { HospitalId = profile.Id, CaseId = alert.CaseId, CommandId = $"{alert.CaseId}/ack" },
                cancellationToken: cancellation);
            _acknowledged[alert.CaseId] = true;
            Interlocked.Increment(ref metrics.Counters.Acknowledgements);
            if (alert.SuggestActivation || alert.Diagnosis?.Kind == DiagnosisKind.SuspectedStroke)
            {
                await _client.ActivateTeamAsync(new PreAlertActionRequest { HospitalId = profile.Id, CaseId = alert.CaseId, CommandId = $"{alert.CaseId}/activate" },
                    cancellationToken: cancellation);
                Interlocked.Increment(ref metrics.Counters.Activations);
            }
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            // Re-routed, arrived or closed before anyone here got to it: nothing left to acknowledge.
        }
        catch (OperationCanceledException)
        {
        }
    }
}
