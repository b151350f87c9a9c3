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
        var cases = new CaseService.CaseServiceClient(naive.Channel);
        var run = Guid.NewGuid().ToString("N")[..8];
        var call = await cases.OpenCaseAsync(new OpenCaseRequest { CommandId = $"naive-{run}", Location = township.Location, Complaint = Complaint.ChestPain });
        foreach (var (milestone, diagnosis) in new (Milestone, Diagnosis?)[]
                 {
                     (Milestone.AmbulanceDispatched, null), (Milestone.OnScene, null), (Milestone.Diagnosis, new Diagnosis { Kind = DiagnosisKind.SuspectedStemi }),
                 })
        {
            await cases.RecordMilestoneAsync(new RecordMilestoneRequest
            {
                CaseId = call.CaseId, CommandId = $"naive-{milestone}-{run}", Milestone = milestone, Diagnosis = diagnosis,
                AmbulanceId = milestone == Milestone.AmbulanceDispatched ? "amb-1" : "",
            });
        }

        var routed = await cases.GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId });

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
