using Dispatch.Grains.Regions;
using Dispatch.Simulator.Drills;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Drills;

/// <summary>Scenario files: the shipped ones run, a broken one is refused field by field, and the calls drawn follow the file.</summary>
public sealed class ScenarioTests
{
    private static readonly Region Sample = RegionLoader.LoadFile(Path.Combine(RepositoryRoot.Path, "samples", "regions", "sample-city.geojson"));

    public static TheoryData<string> Shipped =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "tools", "simulator", "scenarios"), "*.json").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void EveryShippedScenario_Loads_AndDrawsCalls(string file)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "tools", "simulator", "scenarios", file));

        var calls = IncidentSchedule.Draw(scenario, Sample);

        Assert.NotEmpty(calls);
        Assert.All(calls, c => Assert.InRange(c.AtMinute, 0, scenario.DurationMinutes));
        Assert.Empty(ScenarioLoader.UnknownHospitals(scenario, Sample));
    }

    [Fact]
    public void ABrokenScenario_IsRefused_NamingEveryFieldAtFault()
    {
        var path = TestRunFolder.NewPath(".json");
        File.WriteAllText(path, """
            { "name": "", "durationMinutes": 0, "speed": 0.5, "incidentsPerHour": 5, "hourlyCurve": [1, 2],
              "caseMix": { "stemi": 0.5, "stroke": 0.5, "otherChestPain": 0.5, "other": 0, "lvoShare": 2 },
              "hospitals": { "ackDelaySeconds": [60, 10], "diversions": [ { "hospital": "", "fromMinute": 30, "toMinute": 10 } ] } }
            """);

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

        Assert.Equal(
        [
            "name is required",
            "durationMinutes must be above 0 and at most a week, got 0",
            "speed must be 1 (real time) to 3600, got 0.5",
            "hourlyCurve must hold 24 weights of 0 or more, not all 0",
            "caseMix: stemi, stroke, otherChestPain and other are shares that add up to 1, got 1.5",
            "caseMix.lvoShare must be 0-1, got 2",
            "hospitals.ackDelaySeconds must be [min, max] seconds with 0 <= min <= max",
            "hospitals.diversions[0].hospital is required",
            "hospitals.diversions[0] must run from minute 0 or later to a later minute",
        ], error.Problems);
    }

    [Fact]
    public void AnUnknownField_OrAHospitalNotInTheRegion_IsRefused()
    {
        var path = TestRunFolder.NewPath(".json");
        File.WriteAllText(path, """{ "name": "x", "durationMinutes": 10, "incidentsPerHour": 5, "incidentsPerDay": 3 }""");
        var scenario = new Scenario { Name = "x", DurationMinutes = 10, IncidentsPerHour = 5, Hospitals = new HospitalBehaviour { Down = [new HospitalPeriod { Hospital = "h-nowhere" }] } };

        var unknownField = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

        Assert.Contains("incidentsPerDay", unknownField.Message);
        Assert.Equal(["hospitals: 'h-nowhere' is not a hospital of Qinghe Prefecture (fictional)"], ScenarioLoader.UnknownHospitals(scenario, Sample));
    }

    [Fact]
    public void TheCalls_AreTheSameForTheSameSeed_AndFollowTheRateTheCurveAndTheMix()
    {
        var curve = Enumerable.Range(0, 24).Select(h => h < 12 ? 1.0 : 3.0).ToArray();
        var scenario = new Scenario { Name = "long", DurationMinutes = 24 * 60 * 20, IncidentsPerHour = 10, HourlyCurve = curve, StartHour = 0, Seed = 5 };

        var calls = IncidentSchedule.Draw(scenario, Sample);
        var again = IncidentSchedule.Draw(scenario, Sample);

        Assert.Equal(calls, again);
        Assert.InRange(calls.Count, 4800 * 0.95, 4800 * 1.05);
        var afternoon = calls.Count(c => (int)(c.AtMinute / 60) % 24 >= 12);
        Assert.InRange((double)afternoon / calls.Count, 0.72, 0.78);
        Assert.InRange((double)calls.Count(c => c.Kind == IncidentKind.Stemi) / calls.Count, 0.23, 0.27);
        Assert.All(calls, c => Assert.Equal(0, RegionBounds.Of(Sample).KmOutside(c.Location)));
    }
}
