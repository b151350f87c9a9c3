using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Ecg;
using Dispatch.Grains.Regions;

namespace Dispatch.Simulator.Drills;

/// <summary>
/// The calls of a drill, drawn once from the scenario's seed: a Poisson process whose rate follows
/// the time-of-day curve (by thinning), at places on the region's roads, with the case mix. The
/// same scenario always gives the same calls, so two policies can be compared on the same night.
/// </summary>
public static class IncidentSchedule
{
    public static IReadOnlyList<Incident> Draw(Scenario scenario, Region region)
    {
        var random = new Random(scenario.Seed);
        var places = region.Roads.SelectMany(r => r.Points).ToList();
        if (places.Count == 0)
        {
            places = [.. region.Hospitals.Select(h => h.Location)];
        }

        var curve = scenario.HourlyCurve ?? [.. Enumerable.Repeat(1.0, 24)];
        var mean = curve.Average();
        var peak = curve.Max() / mean;
        var incidents = new List<Incident>();
        var minute = 0.0;
        while (true)
        {
            // Thinning: draw at the peak rate, keep each call with the share of the peak its hour has.
            minute += -Math.Log(1 - random.NextDouble()) * 60 / (scenario.IncidentsPerHour * peak);
            if (minute >= scenario.DurationMinutes)
            {
                return incidents;
            }

            var hour = (int)((scenario.StartHour + minute / 60) % 24);
            if (random.NextDouble() * peak > curve[hour] / mean)
            {
                continue;
            }

            incidents.Add(new Incident(incidents.Count + 1, minute, places[random.Next(places.Count)], Kind(scenario.CaseMix, random),
                35 + random.Next(55), random.NextDouble() < 0.6 ? PatientSex.Male : PatientSex.Female, (Territory)random.Next(3), random.Next()));
        }
    }

    private static IncidentKind Kind(CaseMix mix, Random random)
    {
        var draw = random.NextDouble();
        if ((draw -= mix.Stemi) < 0)
        {
            return IncidentKind.Stemi;
        }

        if ((draw -= mix.Stroke) < 0)
        {
            return random.NextDouble() < mix.LvoShare ? IncidentKind.StrokeLvo : IncidentKind.StrokeNonLvo;
        }

        return draw - mix.OtherChestPain < 0 ? IncidentKind.OtherChestPain : IncidentKind.Other;
    }
}
