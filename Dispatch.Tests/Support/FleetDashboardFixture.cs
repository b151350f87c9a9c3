using Dispatch.Simulator.Commands;

namespace Dispatch.Tests.Support;

/// <summary>The dashboard engine with the sample region's roads and hospitals and 5,000 ambulances (as dispatch-sim stress makes it).</summary>
public sealed class FleetDashboardFixture : DashboardFixture
{
    public const int Ambulances = 5000;

    private static readonly string RegionPath = IntoRunFolder(StressCommand.Fleet(Ambulances).Path);

    protected override string[] Settings => [.. base.Settings, "--region", RegionPath];

    /// <summary>The region file, moved into the test run's folder, which goes when the run ends.</summary>
    private static string IntoRunFolder(string path)
    {
        var moved = TestRunFolder.NewPath(".geojson");
        File.Move(path, moved);
        return moved;
    }
}
