using Dispatch.Simulator.Commands;

namespace Dispatch.Tests.Support;

/// <summary>The dashboard engine with the sample region's roads and hospitals and 5,000 ambulances (as dispatch-sim stress makes it).</summary>
public sealed class FleetDashboardFixture : DashboardFixture
{
    public const int Ambulances = 5000;

    private static readonly string RegionPath = StressCommand.Fleet(Ambulances).Path;

    protected override string[] Settings => [.. base.Settings, "--region", RegionPath];
}
