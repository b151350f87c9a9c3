using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;

namespace Dispatch.Tests.Api;

/// <summary>The crew stream over a real gRPC channel: assignment, destination, ECG with acknowledgements and resume.</summary>
[Collection(EngineCollection.Name)]
public sealed class CrewStreamTests(EngineFixture engine)
{
    private readonly CaseService.CaseServiceClient _cases = new(engine.Channel);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Crew_GetsItsAssignmentAndDestination_AndEveryEcgChunkIsAcknowledgedAndStored()
    {
        var (crew, welcome) = await CrewClient.Connect(engine.Channel, "amb-20");
        await using var _ = crew;
        Assert.Equal(("amb-20", ""), (welcome.AmbulanceId, welcome.CaseId));
        var call = await OpenAndDispatch("full", "amb-20");

        var assignment = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Assignment, "the assignment");
        await crew.Send(new CrewMessage { Gps = new GpsFix { Position = new GeoPoint { Latitude = 38.021, Longitude = 114.489 } } });
        await Status(crew, Milestone.OnScene);
        await Status(crew, Milestone.Diagnosis, new Diagnosis { Kind = DiagnosisKind.SuspectedStemi });
        var destination = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Destination, "the destination");
        for (ulong sequence = 1; sequence <= 8; sequence++)
        {
            await crew.Send(new CrewMessage { Ecg = SyntheticEcgChunks.Chunk(call.CaseId, sequence, engine.Clock.GetUtcNow()) });
        }

        var ack = await crew.Ack(8);
        var read = await _cases.GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId });
        var recording = await new EcgService.EcgServiceClient(engine.Channel).ReadRecordingAsync(new ReadRecordingRequest { CaseId = call.CaseId });

        Assert.Equal((call.CaseId, Complaint.ChestPain), (assignment.Assignment.CaseId, assignment.Assignment.Complaint));
        Assert.Equal(read.DestinationHospitalId, destination.Destination.HospitalId);
        Assert.Equal(read.Decision.Reason, destination.Destination.Reason);
        Assert.False(destination.Destination.Reroute);
        Assert.Equal(8UL, ack.EcgAck.Sequence);
        Assert.Contains(read.Timeline, e => e.Milestone == Milestone.FirstEcg);
        Assert.Contains(read.Timeline, e => e.Milestone == Milestone.EcgTransmitted);
        AssertRecording(recording, 8);
        var ambulance = await new AmbulanceService.AmbulanceServiceClient(engine.Channel).GetAmbulanceAsync(new GetAmbulanceRequest { AmbulanceId = "amb-20" });
        Assert.Equal(38.021, ambulance.Position.Latitude);
        await Close(call.CaseId);
    }

    [Fact]
    public async Task CutAndResumedStream_LosesNothing_AndStoresNothingTwice()
    {
        var call = await OpenAndDispatch("resume", "amb-21");
        var (first, _) = await CrewClient.Connect(engine.Channel, "amb-21");
        await Status(first, Milestone.OnScene);
        for (ulong sequence = 1; sequence <= 9; sequence++)
        {
            await first.Send(new CrewMessage { Ecg = SyntheticEcgChunks.Chunk(call.CaseId, sequence, engine.Clock.GetUtcNow()) });
        }

        await first.Ack(6);
        await first.Cut();

        var (second, welcome) = await CrewClient.Connect(engine.Channel, "amb-21");
        await using var _ = second;
        Assert.Equal(call.CaseId, welcome.CaseId);
        Assert.InRange(welcome.LastEcgSequence, 6UL, 9UL);
        // A client unsure what arrived sends a little again: duplicates are acknowledged, not stored.
        for (var sequence = welcome.LastEcgSequence - 2; sequence <= 14; sequence++)
        {
            await second.Send(new CrewMessage { Ecg = SyntheticEcgChunks.Chunk(call.CaseId, sequence, engine.Clock.GetUtcNow()) });
        }

        await second.Ack(14);
        var recording = await new EcgService.EcgServiceClient(engine.Channel).ReadRecordingAsync(new ReadRecordingRequest { CaseId = call.CaseId });

        AssertRecording(recording, 14);
        await Close(call.CaseId);
    }

    [Fact]
    public async Task BadEcgChunks_AreRejectedOnTheStream_AndStoreNothing_WhileGoodOnesGoOn()
    {
        var (call, crew) = await OnScene("bad", "amb-22");
        await using var _ = crew;
        await crew.Send(new CrewMessage { Ecg = SyntheticEcgChunks.Chunk(call.CaseId, 1, engine.Clock.GetUtcNow()) });
        await crew.Ack(1);

        await crew.Send(new CrewMessage { Ecg = SyntheticEcgChunks.Chunk(call.CaseId, 2, engine.Clock.GetUtcNow(), leads: 11) });
        var wrongLeads = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Rejected, "a rejection of 11 leads");
        await crew.Send(new CrewMessage { Ecg = SyntheticEcgChunks.Chunk(call.CaseId, 5, engine.Clock.GetUtcNow()) });
        var gap = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Rejected, "a rejection of a gap");
        var badRate = SyntheticEcgChunks.Chunk(call.CaseId, 2, engine.Clock.GetUtcNow());
        badRate.SampleRateHz = 20_000;
        await crew.Send(new CrewMessage { Ecg = badRate });
        var rate = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Rejected, "a rejection of the sample rate");
        var otherCase = SyntheticEcgChunks.Chunk("case-someone-else", 1, engine.Clock.GetUtcNow());
        await crew.Send(new CrewMessage { Ecg = otherCase });
        var foreign = await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Rejected, "a rejection of another case's chunk");
        await crew.Send(new CrewMessage { Ecg = SyntheticEcgChunks.Chunk(call.CaseId, 2, engine.Clock.GetUtcNow()) });
        await crew.Ack(2);

        Assert.Equal(("InvalidArgument", "an ECG chunk carries exactly 12 leads, got 11"), (wrongLeads.Rejected.Code, wrongLeads.Rejected.Message));
        Assert.Equal("ECG sequence gap: the next chunk is 2, got 5", gap.Rejected.Message);
        Assert.Equal("ECG sample rate must be 200-1000 Hz, got 20000", rate.Rejected.Message);
        Assert.Equal(("FailedPrecondition", $"ambulance amb-22 serves case {call.CaseId}, not case-someone-else"), (foreign.Rejected.Code, foreign.Rejected.Message));
        AssertRecording(await new EcgService.EcgServiceClient(engine.Channel).ReadRecordingAsync(new ReadRecordingRequest { CaseId = call.CaseId }), 2);
        await Close(call.CaseId);
    }

    [Fact]
    public async Task TheStreamsAnswers_ComeInTheOrderOfTheMessagesTheyAnswer()
    {
        var (call, crew) = await OnScene("order", "amb-22");
        await using var _ = crew;
        var now = engine.Clock.GetUtcNow();

        // Sent back to back without waiting: a crew app matches each answer to what it sent by order.
        foreach (var chunk in new[]
        {
            SyntheticEcgChunks.Chunk(call.CaseId, 1, now),
            SyntheticEcgChunks.Chunk(call.CaseId, 2, now, leads: 11),
            SyntheticEcgChunks.Chunk(call.CaseId, 2, now),
            SyntheticEcgChunks.Chunk(call.CaseId, 5, now),
            SyntheticEcgChunks.Chunk(call.CaseId, 3, now),
        })
        {
            await crew.Send(new CrewMessage { Ecg = chunk });
        }

        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var answer = await crew.Next(u => u.BodyCase is CrewUpdate.BodyOneofCase.EcgAck or CrewUpdate.BodyOneofCase.Rejected, $"answer {i + 1} of 5");
            answers.Add(answer.BodyCase == CrewUpdate.BodyOneofCase.EcgAck ? $"ack {answer.EcgAck.Sequence}" : $"rejected: {answer.Rejected.Message}");
        }

        Assert.Equal(
            ["ack 1", "rejected: an ECG chunk carries exactly 12 leads, got 11", "ack 2", "rejected: ECG sequence gap: the next chunk is 3, got 5", "ack 3"],
            answers);
        await Close(call.CaseId);
    }

    private static void AssertRecording(EcgRecording recording, int chunks)
    {
        Assert.Equal((ulong)chunks, recording.LastSequence);
        Assert.Equal(Enumerable.Range(1, chunks).Select(i => (ulong)i), recording.Chunks.Select(c => c.Sequence));
        foreach (var chunk in recording.Chunks)
        {
            Assert.Equal(Enumerable.Range(1, 12).Select(l => (EcgLead)l), chunk.Leads.Select(l => l.Lead));
            foreach (var lead in chunk.Leads)
            {
                Assert.Equal(Enumerable.Range(0, SyntheticEcgChunks.SamplesPerChunk).Select(i => SyntheticEcgChunks.Sample(chunk.Sequence, (int)lead.Lead, i)),
                    lead.Samples);
            }
        }
    }

    /// <summary>A case dispatched to the ambulance, whose crew is connected and reports it is on scene.</summary>
    private async Task<(CaseView Call, CrewClient Crew)> OnScene(string name, string ambulance)
    {
        var call = await OpenAndDispatch(name, ambulance);
        var (crew, _) = await CrewClient.Connect(engine.Channel, ambulance);
        try
        {
            await Status(crew, Milestone.OnScene);
            return (call, crew);
        }
        catch
        {
            await crew.DisposeAsync();
            throw;
        }
    }

    private async Task<CaseView> OpenAndDispatch(string name, string ambulance)
    {
        var call = await _cases.OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = $"crew-{name}-{_run}",
            Location = new GeoPoint { Latitude = 38.02, Longitude = 114.49 },
            Complaint = Complaint.ChestPain,
        });
        return await _cases.RecordMilestoneAsync(new RecordMilestoneRequest
        {
            CaseId = call.CaseId,
            CommandId = $"dispatch-{name}-{_run}",
            Milestone = Milestone.AmbulanceDispatched,
            AmbulanceId = ambulance,
        });
    }

    private static Task Status(CrewClient crew, Milestone milestone, Diagnosis? diagnosis = null) =>
        crew.Send(new CrewMessage { Status = new CrewStatusChange { CommandId = $"{milestone}-{Guid.NewGuid():N}", Milestone = milestone, Diagnosis = diagnosis } });

    private Task<CaseView> Close(string caseId) => _cases.RecordMilestoneAsync(new RecordMilestoneRequest
    {
        CaseId = caseId,
        CommandId = $"close-{Guid.NewGuid():N}",
        Milestone = Milestone.Closed,
    }).ResponseAsync;
}
