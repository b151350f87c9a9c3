using Dispatch.Grains.Regions;
using Dispatch.Simulator.Commands;

namespace Dispatch.Tests.Drills;

/// <summary>Stress mode's region: the sample region's roads and hospitals with the fleet asked for.</summary>
public sealed class StressFleetTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(60)]
    public void Fleet_OfAnySize_IsARegionTheEngineLoads_WithExactlyThoseAmbulances(int ambulances)
    {
        var (region, path) = StressCommand.Fleet(ambulances);
        try
        {
            var loaded = RegionLoader.LoadFile(path);

            var ids = loaded.Stations.SelectMany(s => s.AmbulanceIds).ToList();
            Assert.Equal(ambulances, ids.Count);
            Assert.Equal(ambulances, ids.Distinct().Count());
            Assert.All(loaded.Stations, s => Assert.NotEmpty(s.AmbulanceIds));
            Assert.Equal(region.Hospitals.Count, loaded.Hospitals.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
