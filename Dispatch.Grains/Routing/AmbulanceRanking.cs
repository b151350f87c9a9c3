using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Ambulances;

namespace Dispatch.Grains.Routing;

/// <summary>
/// Ranks available ambulances by road ETA to a scene. A parked ambulance costs one lookup in its
/// station's tree; ambulances on the road share one tree towards the scene, built only when needed.
/// With thousands on the road, only the nearest <c>depth</c> are wanted: ambulances are taken in
/// order of a lower bound on their ETA (straight-line distance at the fastest speed anywhere), and
/// the search stops once no one left can beat the ones found, so the result is exactly the head of
/// the full ranking without an ETA for every vehicle.
/// </summary>
public static class AmbulanceRanking
{
    /// <summary>Snapping measures in a local flat projection: the bound leaves it a few per cent.</summary>
    private const double BoundSlack = 0.95;

    public static IReadOnlyList<AmbulanceCandidate> Rank(TravelTimeIndex index, GeoPoint scenePoint, SnappedLocation scene,
        IEnumerable<AvailableAmbulance> ambulances, int depth = int.MaxValue)
    {
        var secondsPerKm = index.FewestSecondsPerKm * BoundSlack;
        var byBound = ambulances
            .Select(a => (Ambulance: a, BoundMinutes: Math.Max(0, Haversine.Km(a.Position, scenePoint) - (a.ParkedAtStationId is null ? 0 : FleetBoard.ParkedWithinKm)) * secondsPerKm / 60))
            .OrderBy(a => a.BoundMinutes)
            .ToList();

        Func<SnappedLocation, double>? towardsScene = null;
        var ranked = new List<AmbulanceCandidate>();
        var nearest = new PriorityQueue<double, double>(); // the depth best ETAs so far, the worst of them on top
        foreach (var (ambulance, bound) in byBound)
        {
            // Candidates carry ETAs rounded to 0.01 min, so one within that of the worst kept could still tie.
            if (nearest.Count >= depth && bound > nearest.Peek() + 0.01)
            {
                break;
            }

            double eta;
            if (ambulance.ParkedAtStationId is { } station)
            {
                eta = index.MinutesFromStation(station, scene);
            }
            else
            {
                towardsScene ??= index.MinutesToPlace(scene);
                eta = towardsScene(index.Snapper.Snap(ambulance.Position));
            }

            if (double.IsFinite(eta))
            {
                var rounded = Math.Round(eta, 2);
                ranked.Add(new AmbulanceCandidate(ambulance.Id, rounded, ambulance.ParkedAtStationId is not null));
                nearest.Enqueue(rounded, -rounded);
                if (nearest.Count > depth)
                {
                    nearest.Dequeue();
                }
            }
        }

        return [.. ranked.OrderBy(c => c.EtaMinutes).ThenBy(c => c.AmbulanceId, StringComparer.Ordinal).Take(depth)];
    }
}
