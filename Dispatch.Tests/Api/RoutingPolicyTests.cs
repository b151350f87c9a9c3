using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Api;

/// <summary>The destination policy is a setting: the naive nearest-hospital one exists to be measured against.</summary>
public sealed class RoutingPolicyTests(NaiveEngineFixture naive) : IClassFixture<NaiveEngineFixture>
{
    [Fact]
    public async Task TheNaivePolicy_SendsAStemiToTheNearestHospital_EvenOneWithoutACathLab()
    {
        var hospitals = (await new RegionService.RegionServiceClient(naive.Channel).ListHospitalsAsync(new ListHospitalsRequest())).Hospitals;
        var township = hospitals.First(h => h.Level == HospitalLevel.Township && !h.Capabilities.Contains(Capability.Pci));
        var routed = await StemiCalls.Routed(new CaseService.CaseServiceClient(naive.Channel), "naive", "amb-1", township.Location);

        Assert.Equal(township.Id, routed.DestinationHospitalId);
        Assert.Equal(("naive-nearest", "nearest hospital by road"), (routed.Decision.Policy, routed.Decision.Reason));
    }

    [Fact]
    public void AnUnknownPolicy_StopsTheEngineFromStarting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Dispatch.Silo.Hosting.DispatchHost.Create(["--Dispatch:Routing:Policy", "fastest"]));

        Assert.Equal("Dispatch:Routing:Policy is 'fastest'; it must be 'guideline' or 'naive-nearest'", error.Message);
    }
}
