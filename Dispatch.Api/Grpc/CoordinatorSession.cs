using Dispatch.Api.Mapping;
using Dispatch.Contracts.Alerts;
using Dispatch.Contracts.Ambulances;
using Dispatch.Contracts.Feed;
using Dispatch.Contracts.Hospitals;
using RegionUpdate = Dispatch.Contracts.V1.RegionUpdate;

namespace Dispatch.Api.Grpc;

/// <summary>
/// One coordinator's pending changes. Incoming batches merge into it (latest per id), and the
/// stream takes everything pending whenever it is ready to write: a slow reader gets fewer,
/// larger updates, and memory stays bounded by the number of things in the region.
/// </summary>
internal sealed class CoordinatorSession : IDisposable
{
    private readonly object _lock = new();
    private readonly SemaphoreSlim _signal = new(0, 1);
    private Dictionary<string, AmbulanceSnapshot> _ambulances = new(StringComparer.Ordinal);
    private Dictionary<string, CaseSummary> _cases = new(StringComparer.Ordinal);
    private Dictionary<string, HospitalSnapshot> _hospitals = new(StringComparer.Ordinal);
    private List<CaseAlert> _alerts = [];

    /// <summary>Alerts are events, not states: past this many waiting, the oldest go (and the reader is told by the gap in times).</summary>
    private const int MaxPendingAlerts = 1000;

    public void Merge(RegionChanges changes)
    {
        lock (_lock)
        {
            foreach (var a in changes.Ambulances)
            {
                _ambulances[a.Id] = a;
            }

            foreach (var c in changes.Cases)
            {
                _cases[c.CaseId] = c;
            }

            foreach (var h in changes.Hospitals)
            {
                _hospitals[h.Profile.Id] = h;
            }

            _alerts.AddRange(changes.Alerts);
            if (_alerts.Count > MaxPendingAlerts)
            {
                _alerts.RemoveRange(0, _alerts.Count - MaxPendingAlerts);
            }
        }

        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
            {
                // Another batch signalled first (the reader takes both at once), or the coordinator just left.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>The changes pending, stamped when taken (not when the wait began: a page runs its clocks from this time).</summary>
    public async Task<RegionUpdate> Next(TimeProvider time, CancellationToken cancellation)
    {
        await _signal.WaitAsync(cancellation);
        lock (_lock)
        {
            var update = new RegionUpdate { At = time.GetUtcNow().ToWire() };
            update.Ambulances.AddRange(_ambulances.Values.Select(a => a.ToWire()));
            update.Cases.AddRange(_cases.Values.Select(c => c.ToWire()));
            update.Hospitals.AddRange(_hospitals.Values.Select(h => h.ToWire()));
            update.Alerts.AddRange(_alerts.Select(a => a.ToWire()));
            _ambulances = new(StringComparer.Ordinal);
            _cases = new(StringComparer.Ordinal);
            _hospitals = new(StringComparer.Ordinal);
            _alerts = [];
            return update;
        }
    }
}
