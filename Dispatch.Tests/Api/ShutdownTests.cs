using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Api;

/// <summary>An engine stopped in the middle of its work stops cleanly: nothing it still had to save or send ends in an error.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task StoppingTheEngineJustAfterACaseClosed_AndWhileCrewsReport_LogsNoErrorOrWarningOfItsOwn()
    {
        var engine = new RealTimeEngineFixture();
        await engine.InitializeAsync();
        try
        {
            // A case that opens and closes leaves the day's clinical record unsaved for up to a
            // second, and a fix leaves the coordinators' feed a batch to send: both meet the stop.
            var cases = new CaseService.CaseServiceClient(engine.Channel);
            var call = await cases.OpenCaseAsync(new OpenCaseRequest
            {
                CommandId = $"shutdown-{Guid.NewGuid():N}", Location = new GeoPoint { Latitude = 38.02, Longitude = 114.49 }, Complaint = Complaint.ChestPain,
            });
            await cases.DispatchAmbulanceAsync(new DispatchAmbulanceRequest { CaseId = call.CaseId, CommandId = $"{call.CaseId}/dispatch" });
            await cases.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = call.CaseId, CommandId = $"{call.CaseId}/closed", Milestone = Milestone.Closed });
            await new AmbulanceService.AmbulanceServiceClient(engine.Channel).ReportPositionAsync(new ReportPositionRequest
            {
                AmbulanceId = "amb-2", Position = new GeoPoint { Latitude = 38.03, Longitude = 114.5 },
            });
        }
        finally
        {
            await engine.DisposeAsync();
        }

        var faults = engine.Log.Lines.Where(line => line.Contains(" Error ", StringComparison.Ordinal) || line.Contains(" Critical ", StringComparison.Ordinal) ||
            line.Contains(" Warning Dispatch.", StringComparison.Ordinal)).ToList();
        Assert.Equal([], faults);
    }
}
