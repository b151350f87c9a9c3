using Dispatch.Api.Mapping;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Telemetry;
using Grpc.Core;

namespace Dispatch.Api.Grpc;

/// <summary>dispatch.v1.CoordinatorService: the region's snapshot, then coalesced changes.</summary>
[BindServiceMethod(typeof(CoordinatorService.CoordinatorServiceBase), nameof(CoordinatorService.CoordinatorServiceBase.BindValidated))]
public sealed class CoordinatorGrpcService(IGrainFactory grains, RegionCatalog catalog, CoordinatorBroadcaster broadcaster, TimeProvider time, Security.DeliveryAudit audit)
    : CoordinatorService.CoordinatorServiceBase
{
    public override async Task WatchRegion(WatchRegionRequest request, IServerStreamWriter<RegionUpdate> responseStream, ServerCallContext context)
    {
        using var session = new CoordinatorSession();
        await broadcaster.Registered.WaitAsync(context.CancellationToken);
        // Join before reading the snapshot, so that nothing changing in between is missed (at worst it comes twice).
        using var membership = broadcaster.Join(session);
        var snapshot = await Snapshot();
        await responseStream.WriteAsync(snapshot, context.CancellationToken);
        audit.Delivered(Security.Caller.Of(context), "CoordinatorService/WatchRegion", null, catalog.Region.Name, $"snapshot of {snapshot.Cases.Count} cases");
        DispatchTelemetry.OpenStreams.Add(1, DispatchTelemetry.Kind("coordinator"));
        try
        {
            while (true)
            {
                var update = await session.Next(time, context.CancellationToken);
                await responseStream.WriteAsync(update, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The coordinator disconnected.
        }
        finally
        {
            DispatchTelemetry.OpenStreams.Add(-1, DispatchTelemetry.Kind("coordinator"));
        }
    }

    public override async Task<Contracts.V1.ClinicalSummary> GetClinicalSummary(GetClinicalSummaryRequest request, ServerCallContext context) =>
        (await grains.GetGrain<IClinicalRecordGrain>(IClinicalRecordGrain.RegionKey).Today()).ToWire();

    private async Task<RegionUpdate> Snapshot()
    {
        var ambulances = Task.WhenAll(catalog.AmbulanceIds.Select(id => grains.GetGrain<IAmbulanceGrain>(id).GetSnapshot()));
        var hospitals = grains.GetGrain<IHospitalDirectoryGrain>(IHospitalDirectoryGrain.RegionKey).GetAll();
        var caseIds = await grains.GetGrain<IActiveCasesGrain>(IActiveCasesGrain.RegionKey).List();
        var cases = await Task.WhenAll(caseIds.Select(id => grains.GetGrain<ICaseGrain>(id).GetSummary()));
        var update = new RegionUpdate { Snapshot = true, At = time.GetUtcNow().ToWire() };
        update.Ambulances.AddRange((await ambulances).Select(a => a.ToWire()));
        update.Hospitals.AddRange((await hospitals).Select(h => h.ToWire()));
        update.Cases.AddRange(cases.OfType<Contracts.Feed.CaseSummary>().Select(c => c.ToWire()));
        return update;
    }
}
