using Dispatch.Api.Mapping;
using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Dispatch.Ecg.Synthesis;
using Dispatch.Tests.Support;
using Domain = Dispatch.Contracts;

namespace Dispatch.Tests.Api;

/// <summary>
/// The issue's "done when": a STEMI ECG streamed by a crew over gRPC is flagged with the right
/// territory before the ambulance leaves the scene; the reader's worklist shows it; the reader's
/// confirmation activates the cath lab; the whole timeline is on the case. A normal ECG raises no flag.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class EcgScreeningTests(EngineFixture engine)
{
    private readonly CaseService.CaseServiceClient _cases = new(engine.Channel);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task AnAnteriorStemiStreamedFromTheScene_IsFlagged_ReadConfirmed_AndActivatesTheCathLab()
    {
        var (crew, caseId) = await OnScene("amb-27", "stemi");
        await using var _ = crew;
        var ecg = SyntheticEcg.Generate(new SyntheticEcgSpec(EcgCondition.Stemi, Domain.Ecg.Territory.Anterior, StElevationMm: 3, HeartRate: 88,
            Noise: NoiseLevel.Ambulance, Sex: Domain.Cases.PatientSex.Male, Age: 58, Seed: 11), seconds: 12);

        await Stream(crew, ecg, caseId);
        // The flag routes the patient first, then the findings follow on the crew's stream.
        var destination = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Destination, "the destination the flag chose");
        var flagged = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.EcgFindings, "the ECG findings");
        var beforeLeaving = await _cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId });

        using var reader = engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.EcgReader, subject: $"reader-{_run}"));
        var readings = new EcgReadingService.EcgReadingServiceClient(reader);
        var worklist = await readings.GetWorklistAsync(new GetWorklistRequest());
        var entry = worklist.Entries.Single(e => e.CaseId == caseId);
        var read = await readings.RecordReadingAsync(new RecordReadingRequest
        {
            CaseId = caseId, CommandId = $"read-{_run}", Result = ReadingResult.StemiConfirmed, ActivateTeam = true, Note = "anterior STEMI",
        });
        await readings.ReportCriticalValueAsync(new ReportCriticalValueRequest
        {
            CaseId = caseId, CommandId = $"critical-{_run}", Finding = "acute anterior STEMI", Notified = destination.Destination.HospitalId,
        });
        var after = await readings.GetWorklistAsync(new GetWorklistRequest());
        var timeline = (await _cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Timeline;

        Assert.True(flagged.EcgFindings.StemiSuspected, flagged.EcgFindings.Summary);
        Assert.Equal([Territory.Anterior], flagged.EcgFindings.Territories);
        Assert.Contains(flagged.EcgFindings.Elevation, l => l.Lead == EcgLead.V2 && l.Millimetres >= 2);
        Assert.Equal(CasePhase.OnScene, beforeLeaving.Phase);
        Assert.Equal(DiagnosisKind.SuspectedStemi, beforeLeaving.Diagnosis.Kind);
        Assert.StartsWith("suspected anterior STEMI", beforeLeaving.LatestEcgFindings.Summary);
        Assert.Contains("PCI", destination.Destination.Reason);
        Assert.Equal(caseId, worklist.Entries[0].CaseId);
        Assert.True(entry.StemiFlagged);
        Assert.Equal((ReadingStatus.Waiting, 10.0), (entry.Status, entry.MinutesLeft));
        Assert.Equal(DiagnosisKind.ConfirmedStemi, read.Diagnosis.Kind);
        var done = after.Entries.Single(e => e.CaseId == caseId);
        Assert.Equal((ReadingStatus.Confirmed, $"reader-{_run}"), (done.Status, done.Reader));
        Assert.NotNull(done.CriticalValueReportedAt);
        Assert.Equal(
            [Milestone.CallReceived, Milestone.AmbulanceDispatched, Milestone.OnScene, Milestone.FirstEcg, Milestone.EcgTransmitted,
             Milestone.EcgStemiFlagged, Milestone.Diagnosis, Milestone.DestinationChosen, Milestone.PreAlertSent, Milestone.EcgRead,
             Milestone.TeamActivated, Milestone.CriticalValueReported],
            timeline.Select(e => e.Milestone));
        Assert.Equal(destination.Destination.HospitalId, timeline.Single(e => e.Milestone == Milestone.TeamActivated).HospitalId);
        Assert.Equal($"reader-{_run}", timeline.Single(e => e.Milestone == Milestone.EcgRead).RecordedBy);
        await Close(caseId);
    }

    [Fact]
    public async Task ANormalEcgStreamedTheSameWay_RaisesNoFlag_AndWaitsOnTheWorklistUnflagged()
    {
        var (crew, caseId) = await OnScene("amb-29", "normal");
        await using var _ = crew;
        var ecg = SyntheticEcg.Generate(new SyntheticEcgSpec(EcgCondition.Normal, HeartRate: 72, Noise: NoiseLevel.Ambulance,
            Sex: Domain.Cases.PatientSex.Male, Age: 58, Seed: 12), seconds: 12);

        await Stream(crew, ecg, caseId);
        var findings = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.EcgFindings, "the ECG findings");
        var view = await _cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId });
        using var reader = engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.EcgReader));
        var entry = (await new EcgReadingService.EcgReadingServiceClient(reader).GetWorklistAsync(new GetWorklistRequest())).Entries.Single(e => e.CaseId == caseId);

        Assert.False(findings.EcgFindings.StemiSuspected, findings.EcgFindings.Summary);
        Assert.Equal("no STEMI criteria met", findings.EcgFindings.Summary);
        Assert.InRange(findings.EcgFindings.HeartRate, 62, 82);
        Assert.DoesNotContain(view.Timeline, e => e.Milestone == Milestone.EcgStemiFlagged);
        Assert.Empty(view.DestinationHospitalId);
        Assert.False(entry.StemiFlagged);
        await Close(caseId);
    }

    private async Task<(CrewClient Crew, string CaseId)> OnScene(string ambulance, string name)
    {
        var call = await _cases.OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = $"ecg-{name}-{_run}", Location = new GeoPoint { Latitude = 38.02, Longitude = 114.49 }, Complaint = Complaint.ChestPain,
            PatientAge = 58, PatientSex = PatientSex.Male,
        });
        await _cases.RecordMilestoneAsync(new RecordMilestoneRequest
        {
            CaseId = call.CaseId, CommandId = $"ecg-{name}-dispatch-{_run}", Milestone = Milestone.AmbulanceDispatched, AmbulanceId = ambulance,
        });
        var (crew, _) = await CrewClient.Connect(engine.Channel, ambulance);
        await crew.Send(new CrewMessage { Status = new CrewStatusChange { CommandId = $"ecg-{name}-scene-{_run}", Milestone = Milestone.OnScene } });
        return (crew, call.CaseId);
    }

    /// <summary>The monitor's 12 s, as 48 chunks of 250 ms.</summary>
    private async Task Stream(CrewClient crew, SyntheticEcgRecording ecg, string caseId)
    {
        foreach (var chunk in SyntheticEcg.Chunks(ecg, caseId, engine.Clock.GetUtcNow()))
        {
            await crew.Send(new CrewMessage { Ecg = chunk.ToWire() });
        }
    }

    private Task<CaseView> Close(string caseId) => _cases.RecordMilestoneAsync(new RecordMilestoneRequest
    {
        CaseId = caseId, CommandId = $"ecg-close-{caseId}", Milestone = Milestone.Closed,
    }).ResponseAsync;
}
