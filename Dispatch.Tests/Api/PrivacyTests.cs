using System.Globalization;
using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;
using Grpc.Core;

namespace Dispatch.Tests.Api;

/// <summary>Each role gets the patient data it needs and no more, and the logs carry none of it.</summary>
[Collection(EngineCollection.Name)]
public sealed class PrivacyTests(EngineFixture engine)
{
    private const double Latitude = 38.0123457;
    private const double Longitude = 114.4876543;

    private readonly CaseService.CaseServiceClient _cases = new(engine.Channel);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task TheScene_IsForTheCrewAndCoordinators_NotForTheCentreOrTheReader_AndNoLogCarriesPatientData()
    {
        var call = await _cases.OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = $"privacy-{_run}", Location = new GeoPoint { Latitude = Latitude, Longitude = Longitude }, Complaint = Complaint.ChestPain,
            PatientAge = 67, PatientSex = PatientSex.Female,
        });
        foreach (var (milestone, diagnosis, note) in new (Milestone, Diagnosis?, string)[]
                 {
                     (Milestone.AmbulanceDispatched, null, ""), (Milestone.OnScene, null, "Mrs Wang Fang, lives alone"),
                     (Milestone.Diagnosis, new Diagnosis { Kind = DiagnosisKind.SuspectedStemi }, ""),
                 })
        {
            await _cases.RecordMilestoneAsync(new RecordMilestoneRequest
            {
                CaseId = call.CaseId, CommandId = $"privacy-{milestone}-{_run}", Milestone = milestone, Diagnosis = diagnosis, Note = note,
                AmbulanceId = milestone == Milestone.AmbulanceDispatched ? "amb-5" : "",
            });
        }

        var destination = (await _cases.GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId })).DestinationHospitalId;
        var region = (await new RegionService.RegionServiceClient(engine.Channel).GetRegionAsync(new GetRegionRequest())).Name;
        var seenBy = new Dictionary<string, CaseView>();
        foreach (var (role, token) in new[]
                 {
                     ("crew", engine.Tokens.Issue(DispatchRoles.Crew, ambulanceId: "amb-5")),
                     ("hospital", engine.Tokens.Issue(DispatchRoles.Hospital, hospitalId: destination)),
                     ("ecg-reader", engine.Tokens.Issue(DispatchRoles.EcgReader)),
                     ("coordinator", engine.Tokens.Issue(DispatchRoles.Coordinator, region: region)),
                 })
        {
            using var channel = engine.ChannelWith(token);
            seenBy[role] = await new CaseService.CaseServiceClient(channel).GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId });
        }

        // A refused fix from a GPS gone astray names its position to the crew, and must not put it in a log.
        var astray = await Assert.ThrowsAsync<RpcException>(() => new AmbulanceService.AmbulanceServiceClient(engine.Channel).ReportPositionAsync(
            new ReportPositionRequest { AmbulanceId = "amb-5", Position = new GeoPoint { Latitude = Latitude + 3, Longitude = Longitude } }).ResponseAsync);

        Assert.Equal(Latitude, seenBy["crew"].Location.Latitude);
        Assert.Equal(Latitude, seenBy["coordinator"].Location.Latitude);
        Assert.Null(seenBy["hospital"].Location);
        Assert.Null(seenBy["ecg-reader"].Location);
        Assert.Equal((67, PatientSex.Female), (seenBy["hospital"].PatientAge, seenBy["hospital"].PatientSex));
        Assert.Contains("41.012346", astray.Status.Detail);
        var leaks = engine.Log.Lines.Where(line =>
            line.Contains(Latitude.ToString("F4", CultureInfo.InvariantCulture), StringComparison.Ordinal) ||
            line.Contains((Latitude + 3).ToString("F4", CultureInfo.InvariantCulture), StringComparison.Ordinal) ||
            line.Contains(Longitude.ToString("F4", CultureInfo.InvariantCulture), StringComparison.Ordinal) ||
            line.Contains("Wang Fang", StringComparison.Ordinal)).ToList();
        Assert.Empty(leaks);
        await _cases.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = call.CaseId, CommandId = $"privacy-close-{_run}", Milestone = Milestone.Closed });
    }
}
