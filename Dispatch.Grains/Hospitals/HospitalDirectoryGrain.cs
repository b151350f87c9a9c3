using System.Collections.Immutable;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Hospitals;
using Dispatch.Grains.Regions;

namespace Dispatch.Grains.Hospitals;

/// <summary>
/// Not persisted: hospitals re-report when they activate, and until then a hospital is as the
/// region file describes it (all labs free, CT up, no diversion).
/// </summary>
public sealed class HospitalDirectoryGrain(RegionCatalog catalog) : Grain, IHospitalDirectoryGrain
{
    private readonly Dictionary<string, HospitalSnapshot> _hospitals = catalog.Region.Hospitals.ToDictionary(
        h => h.Id, h => new HospitalSnapshot(h, 0, h.Can(Capabilities.Ct), false, [], null), StringComparer.Ordinal);

    private ImmutableArray<HospitalSnapshot>? _all;

    public Task Report(HospitalSnapshot snapshot)
    {
        _hospitals[snapshot.Profile.Id] = snapshot;
        _all = null;
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<HospitalSnapshot>> GetAll()
    {
        // By id: the routing policy lists its candidates in this order.
        _all ??= [.. catalog.Region.Hospitals.Select(h => _hospitals[h.Id]).OrderBy(h => h.Profile.Id, StringComparer.Ordinal)];
        return Task.FromResult(_all.Value);
    }
}
