using System.Collections.Immutable;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Hospitals;
using Dispatch.Grains.Regions;

namespace Dispatch.Grains.Hospitals;

/// <summary>
/// Not persisted: hospitals report every status change, and a new activation (after a restart, or
/// when the silo that held it died) asks every hospital once; until a hospital has answered it is
/// as the region file describes it (all labs free, CT up, no diversion).
/// </summary>
public sealed class HospitalDirectoryGrain(RegionCatalog catalog) : Grain, IHospitalDirectoryGrain
{
    /// <summary>Hospitals that reported since activation: their word is newer than the catch-up's answer.</summary>
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    private readonly Dictionary<string, HospitalSnapshot> _hospitals = catalog.Region.Hospitals.ToDictionary(
        h => h.Id, h => new HospitalSnapshot(h, 0, h.Can(Capabilities.Ct), false, [], null), StringComparer.Ordinal);

    private ImmutableArray<HospitalSnapshot>? _all;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Not awaited: a hospital activated by the catch-up reports to this grain, which must be active to hear it.
        _ = CatchUp();
        return Task.CompletedTask;
    }

    public Task Report(HospitalSnapshot snapshot)
    {
        _hospitals[snapshot.Profile.Id] = snapshot;
        _reported.Add(snapshot.Profile.Id);
        _all = null;
        return Task.CompletedTask;
    }

    private async Task CatchUp()
    {
        var snapshots = await Task.WhenAll(catalog.Region.Hospitals.Select(async h =>
        {
            try
            {
                return await GrainFactory.GetGrain<IHospitalGrain>(h.Id).GetSnapshot();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // It reports by itself on its next change.
                return null;
            }
        }));
        foreach (var snapshot in snapshots.OfType<HospitalSnapshot>().Where(s => !_reported.Contains(s.Profile.Id)))
        {
            _hospitals[snapshot.Profile.Id] = snapshot;
            _all = null;
        }
    }

    public Task<ImmutableArray<HospitalSnapshot>> GetAll()
    {
        // By id: the routing policy lists its candidates in this order.
        _all ??= [.. catalog.Region.Hospitals.Select(h => _hospitals[h.Id]).OrderBy(h => h.Profile.Id, StringComparer.Ordinal)];
        return Task.FromResult(_all.Value);
    }
}
