using System.Collections.Immutable;
using Dispatch.Contracts.Cases;
using Dispatch.Contracts.Hospitals;
using Dispatch.Contracts.Routing;
using Dispatch.Grains.Routing;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Routing;

/// <summary>The precomputed index against brute-force Dijkstra on 40 generated regions.</summary>
public sealed class TravelTimePropertyTests
{
    // Trees hold float seconds: 1e-4 min (6 ms) is far below anything a dispatcher would see.
    private const double Tolerance = 1e-4;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void HospitalEtas_EqualBruteForceDijkstra(int seed)
    {
        var region = RandomRegions.Create(seed);
        var engine = new RoutingEngine(region, new DestinationPolicyOptions(), TestClock.Shared);
        var random = new Random(seed * 7);
        var weights = engine.Index.PieceSeconds;

        for (var i = 0; i < 8; i++)
        {
            var place = engine.Snapper.Snap(RandomRegions.RandomPlace(random));
            foreach (var hospital in region.Hospitals)
            {
                var expected = BruteForceRouting.Minutes(engine.Graph, weights, place, engine.Index.HospitalLocation(hospital.Id));
                var actual = engine.Index.MinutesToHospital(place, hospital.Id);
                AssertSame(expected, actual, $"seed {seed}, place {i}, {hospital.Id}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StationEtas_EqualBruteForceDijkstra(int seed)
    {
        var region = RandomRegions.Create(seed);
        var engine = new RoutingEngine(region, new DestinationPolicyOptions(), TestClock.Shared);
        var random = new Random(seed * 11);

        for (var i = 0; i < 8; i++)
        {
            var scene = engine.Snapper.Snap(RandomRegions.RandomPlace(random));
            foreach (var station in region.Stations)
            {
                var from = engine.Snapper.Snap(station.Location);
                var expected = BruteForceRouting.Minutes(engine.Graph, engine.Index.PieceSeconds, from, scene);
                AssertSame(expected, engine.Index.MinutesFromStation(station.Id, scene), $"seed {seed}, scene {i}, {station.Id}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Decisions_EqualThePolicyEvaluatedOnBruteForceEtas(int seed)
    {
        var region = RandomRegions.Create(seed);
        var engine = new RoutingEngine(region, new DestinationPolicyOptions(), TestClock.Shared);
        var random = new Random(seed * 13);
        var hospitals = region.Hospitals.Select(h => new HospitalSnapshot(h, random.Next(h.CathLabs + 1), random.NextDouble() < 0.8,
            random.NextDouble() < 0.1, [], null)).ToList();
        var queries = new[]
        {
            new Diagnosis(DiagnosisKind.SuspectedStemi),
            new Diagnosis(DiagnosisKind.SuspectedStroke, "RACE", 7, TestClock.Start.AddMinutes(-90)),
            new Diagnosis(DiagnosisKind.SuspectedStroke, "RACE", 2, TestClock.Start.AddMinutes(-30)),
            new Diagnosis(DiagnosisKind.Other),
        };

        foreach (var diagnosis in queries)
        {
            var place = RandomRegions.RandomPlace(random);
            var query = new DestinationQuery(place, Complaint.ChestPain, diagnosis, TestClock.Start, TestClock.Start.AddMinutes(-random.Next(40)));
            var snapped = engine.Snapper.Snap(place);
            var bruteForce = engine.Policy.Decide(query, hospitals, id =>
                BruteForceRouting.Minutes(engine.Graph, engine.Index.PieceSeconds, snapped, engine.Index.HospitalLocation(id)));

            var decision = engine.Decide(query, hospitals);

            Assert.Equal((bruteForce.HospitalId, bruteForce.Plan, bruteForce.OnwardHospitalId), (decision.HospitalId, decision.Plan, decision.OnwardHospitalId));
            Assert.Equal(bruteForce.Candidates.Select(c => (c.HospitalId, c.Eligible)), decision.Candidates.Select(c => (c.HospitalId, c.Eligible)));
        }
    }

    private static void AssertSame(double expected, double actual, string what)
    {
        if (double.IsPositiveInfinity(expected))
        {
            Assert.True(double.IsPositiveInfinity(actual), $"{what}: expected unreachable, got {actual}");
        }
        else
        {
            Assert.True(Math.Abs(expected - actual) <= Tolerance, $"{what}: brute force {expected}, index {actual}");
        }
    }
}
