using Dispatch.Api.Mapping;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Telemetry;
using System.Threading.Channels;
using Dispatch.Api.Security;
using Dispatch.Contracts.Errors;
using Grpc.Core;

namespace Dispatch.Api.Grpc;

/// <summary>dispatch.v1.HospitalService: receiving centres report their live status.</summary>
[BindServiceMethod(typeof(HospitalService.HospitalServiceBase), nameof(HospitalService.HospitalServiceBase.BindValidated))]
public sealed class HospitalGrpcService(IGrainFactory grains, RegionCatalog catalog, DeliveryAudit audit, ClusterChanges changes, ObserverRetirement retirement) : HospitalService.HospitalServiceBase
{
    public override async Task<HospitalView> UpdateStatus(UpdateHospitalStatusRequest request, ServerCallContext context)
    {
        var hospital = Known(request.HospitalId, context);
        return (await hospital.UpdateStatus(request.ToDomain())).ToWire();
    }

    public override async Task<HospitalView> GetHospital(GetHospitalRequest request, ServerCallContext context) =>
        (await Known(request.HospitalId, context, ownOnly: false).GetSnapshot()).ToWireFor(Caller.Of(context));

    /// <summary>Renew the registration well within the hospital grain's expiry.</summary>
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);

    public override async Task WatchPreAlerts(WatchPreAlertsRequest request, IServerStreamWriter<PreAlert> responseStream,
        ServerCallContext context)
    {
        var hospital = Known(request.HospitalId, context);
        var caller = Caller.Of(context);
        var outbox = Channel.CreateBounded<PreAlert>(new BoundedChannelOptions(1024) { SingleReader = true });
        var observer = new PreAlertObserver(outbox.Writer);
        var reference = grains.CreateObjectReference<IHospitalObserver>(observer);
        await hospital.Subscribe(reference);
        // Headers now, not with the first pre-alert: a centre with no patient on the way still knows it is connected.
        await context.WriteResponseHeadersAsync(new Metadata());
        using var stopRenewing = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var renew = ObserverRenewal.Keep(() => hospital.Subscribe(reference), changes, Renewal, stopRenewing.Token);
        DispatchTelemetry.OpenStreams.Add(1, DispatchTelemetry.Kind("hospital"));
        try
        {
            // The hospital sends the current pre-alerts to a new registration first, then each change.
            while (await outbox.Reader.WaitToReadAsync(context.CancellationToken))
            {
                while (outbox.Reader.TryRead(out var alert))
                {
                    await responseStream.WriteAsync(alert, context.CancellationToken);
                    audit.Delivered(caller, "HospitalService/WatchPreAlerts", alert.CaseId, alert.HospitalId, alert.Kind.ToString());
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The centre disconnected.
        }
        finally
        {
            DispatchTelemetry.OpenStreams.Add(-1, DispatchTelemetry.Kind("hospital"));

            // Stop renewing first: a renewal after the unsubscribe would subscribe a finished stream again.
            await stopRenewing.CancelAsync();
            await renew;
            await ObserverRenewal.Quietly(() => hospital.Unsubscribe(reference));

            // Orleans holds an observer only weakly: retiring it keeps it reachable to the very end
            // (a collection mid-stream would silently drop every pre-alert after it).
            retirement.Retire(grains, reference, observer);
        }
    }

    public override Task<PreAlertActionResponse> AcknowledgePreAlert(PreAlertActionRequest request, ServerCallContext context) =>
        Act(request, Contracts.Cases.Milestone.PreAlertAcknowledged, context);

    public override Task<PreAlertActionResponse> ActivateTeam(PreAlertActionRequest request, ServerCallContext context) =>
        Act(request, Contracts.Cases.Milestone.TeamActivated, context);

    /// <summary>Records the centre's action on the case; only a patient on the way to this centre (or already there) can be acted on.</summary>
    private async Task<PreAlertActionResponse> Act(PreAlertActionRequest request, Contracts.Cases.Milestone milestone, ServerCallContext context)
    {
        var hospitalId = Known(request.HospitalId, context).GetPrimaryKeyString();
        var caseGrain = grains.GetGrain<ICaseGrain>(request.CaseId.Required("case_id"));
        var snapshot = await caseGrain.GetSnapshot();
        if (snapshot is null || (snapshot.DestinationHospitalId != hospitalId && snapshot.CurrentHospitalId != hospitalId))
        {
            throw new RuleException(RuleViolation.NotFound, $"no patient with case '{request.CaseId}' is heading to {hospitalId}");
        }

        var after = await caseGrain.Record(new Contracts.Cases.CaseCommand(request.CommandId.Required("command_id"), milestone, HospitalId: hospitalId,
            RecordedBy: Caller.Of(context).Subject));
        var recorded = after.Timeline.Last(e => e.Milestone == milestone && e.HospitalId == hospitalId);
        return new PreAlertActionResponse { CaseId = after.CaseId, RecordedAt = recorded.At.ToWire() };
    }

    /// <summary>The hospital, if it exists; unless <paramref name="ownOnly"/> is false, a hospital token must be its own.</summary>
    private IHospitalGrain Known(string id, ServerCallContext context, bool ownOnly = true)
    {
        var hospital = catalog.GetHospital(id.Required("hospital_id"));
        if (ownOnly)
        {
            Caller.Of(context).EnsureHospital(hospital.Id);
        }

        return grains.GetGrain<IHospitalGrain>(hospital.Id);
    }
}
