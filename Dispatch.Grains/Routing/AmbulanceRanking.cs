using Dispatch.Contracts.Routing;

namespace Dispatch.Grains.Routing;

/// <summary>
/// Ranks available ambulances by road ETA to a scene. A parked ambulance costs one lookup in its
/// station's tree; ambulances on the road share one tree towards the scene, built only when needed.
/// </summary>
public static class AmbulanceRanking
{
    public static IReadOnlyList<AmbulanceCandidate> Rank(TravelTimeIndex index, SnappedLocation scene, IEnumerable<AvailableAmbulance> ambulances)
    {
        Func<SnappedLocation, double>? towardsScene = null;
        var ranked = new List<AmbulanceCandidate>();
        foreach (var ambulance in ambulances)
        {
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
                ranked.Add(new AmbulanceCandidate(ambulance.Id, Math.Round(eta, 2), ambulance.ParkedAtStationId is not null));
            }
        }

        return [.. ranked.OrderBy(c => c.EtaMinutes).ThenBy(c => c.AmbulanceId, StringComparer.Ordinal)];
    }
}
