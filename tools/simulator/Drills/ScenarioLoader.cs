using System.Text.Json;

namespace Dispatch.Simulator.Drills;

/// <summary>Reads a scenario file and refuses one that cannot be run, naming every field at fault.</summary>
public static class ScenarioLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static Scenario Load(string path)
    {
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new ScenarioException(path, [$"not a scenario: {e.Message}"]);
        }

        if (scenario is null)
        {
            throw new ScenarioException(path, ["the file is empty"]);
        }

        var problems = Problems(scenario).ToList();
        return problems.Count == 0 ? scenario : throw new ScenarioException(path, problems);
    }

    /// <summary>The hospitals a scenario names that its region does not have.</summary>
    public static IReadOnlyList<string> UnknownHospitals(Scenario scenario, Grains.Regions.Region region)
    {
        var known = region.Hospitals.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. scenario.Hospitals.CtOutages.Concat(scenario.Hospitals.Diversions).Concat(scenario.Hospitals.Down)
                .Select(p => p.Hospital).Distinct().Where(h => !known.Contains(h))
                .Select(h => $"hospitals: '{h}' is not a hospital of {region.Name}"),
        ];
    }

    public static IEnumerable<string> Problems(Scenario s)
    {
        if (string.IsNullOrWhiteSpace(s.Name))
        {
            yield return "name is required";
        }

        if (!(s.DurationMinutes > 0 && s.DurationMinutes <= 7 * 24 * 60))
        {
            yield return $"durationMinutes must be above 0 and at most a week, got {s.DurationMinutes}";
        }

        if (!(s.Speed >= 1 && s.Speed <= 3600))
        {
            yield return $"speed must be 1 (real time) to 3600, got {s.Speed}";
        }

        if (!(s.IncidentsPerHour > 0 && s.IncidentsPerHour <= 10_000))
        {
            yield return $"incidentsPerHour must be above 0 and at most 10000, got {s.IncidentsPerHour}";
        }

        if (s.StartHour is < 0 or >= 24)
        {
            yield return $"startHour must be 0-24, got {s.StartHour}";
        }

        if (s.HourlyCurve is { } curve && (curve.Length != 24 || curve.Any(w => !(w >= 0)) || curve.Sum() <= 0))
        {
            yield return "hourlyCurve must hold 24 weights of 0 or more, not all 0";
        }

        var mix = s.CaseMix;
        double[] shares = [mix.Stemi, mix.Stroke, mix.OtherChestPain, mix.Other];
        if (shares.Any(v => !(v >= 0)) || Math.Abs(shares.Sum() - 1) > 0.001)
        {
            yield return $"caseMix: stemi, stroke, otherChestPain and other are shares that add up to 1, got {shares.Sum():0.###}";
        }

        if (mix.LvoShare is < 0 or > 1)
        {
            yield return $"caseMix.lvoShare must be 0-1, got {mix.LvoShare}";
        }

        if (s.Fleet.Ambulances is < 1)
        {
            yield return $"fleet.ambulances must be at least 1, got {s.Fleet.Ambulances}";
        }

        var delays = s.Hospitals.AckDelaySeconds;
        if (delays.Length != 2 || delays[0] < 0 || delays[1] < delays[0])
        {
            yield return "hospitals.ackDelaySeconds must be [min, max] seconds with 0 <= min <= max";
        }

        if (s.Hospitals.CathLabOccupancy is < 0 or > 1)
        {
            yield return $"hospitals.cathLabOccupancy must be 0-1, got {s.Hospitals.CathLabOccupancy}";
        }

        foreach (var (list, name) in new[] { (s.Hospitals.CtOutages, "ctOutages"), (s.Hospitals.Diversions, "diversions"), (s.Hospitals.Down, "down") })
        {
            for (var i = 0; i < list.Count; i++)
            {
                var period = list[i];
                if (string.IsNullOrWhiteSpace(period.Hospital))
                {
                    yield return $"hospitals.{name}[{i}].hospital is required";
                }

                if (period.FromMinute < 0 || period.ToMinute < period.FromMinute)
                {
                    yield return $"hospitals.{name}[{i}] must run from minute 0 or later to a later minute";
                }
            }
        }
    }
}
