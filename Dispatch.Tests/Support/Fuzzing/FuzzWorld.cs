using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;

namespace Dispatch.Tests.Support.Fuzzing;

/// <summary>
/// The state the fuzzer works against: cases en route with stored ECG, and a channel for every
/// kind of caller (each role bound to the world's ambulances and hospitals, no token, a forged one).
/// </summary>
public sealed class FuzzWorld
{
    private readonly Dictionary<string, GrpcChannel> _crews = [];
    private readonly List<GrpcChannel> _others = [];

    private FuzzWorld(IReadOnlyList<SeededCase> cases) => Cases = cases;

    public IReadOnlyList<SeededCase> Cases { get; }

    /// <summary>Ids worth trying in any string field: real ones (of other callers too) and near misses.</summary>
    public IReadOnlyList<string> KnownIds { get; private set; } = [];

    public static async Task<FuzzWorld> Seed(EngineFixture engine, int cases, string tag = "seed")
    {
        var client = new CaseService.CaseServiceClient(engine.Channel);
        var run = Guid.NewGuid().ToString("N")[..6];
        var seeded = new List<SeededCase>();
        for (var i = 1; i <= cases; i++)
        {
            var ambulance = tag == "seed" ? $"amb-{i}" : "amb-30";
            var call = await client.OpenCaseAsync(new OpenCaseRequest
            {
                CommandId = $"fuzz-{tag}-{i}-{run}", Location = new GeoPoint { Latitude = 38.0 + i * 0.005, Longitude = 114.49 }, Complaint = Complaint.ChestPain,
            });
            await client.RecordMilestoneAsync(new RecordMilestoneRequest
            {
                CaseId = call.CaseId, CommandId = $"fuzz-{tag}-dispatch-{i}-{run}", Milestone = Milestone.AmbulanceDispatched, AmbulanceId = ambulance,
            });
            var (crew, _) = await CrewClient.Connect(engine.Channel, ambulance);
            await using (crew)
            {
                await crew.Send(new CrewMessage { Status = new CrewStatusChange { CommandId = $"fuzz-{tag}-scene-{i}-{run}", Milestone = Milestone.OnScene } });
                await crew.Send(new CrewMessage
                {
                    Status = new CrewStatusChange
                    {
                        CommandId = $"fuzz-{tag}-dx-{i}-{run}", Milestone = Milestone.Diagnosis, Diagnosis = new Diagnosis { Kind = DiagnosisKind.SuspectedStemi },
                    },
                });
                await crew.Next(u => u.BodyCase == CrewUpdate.BodyOneofCase.Destination, "the destination");
                for (ulong sequence = 1; sequence <= 4; sequence++)
                {
                    await crew.Send(new CrewMessage { Ecg = SyntheticEcgChunks.Chunk(call.CaseId, sequence, engine.Clock.GetUtcNow()) });
                }

                await crew.Ack(4);
            }

            var stored = await client.GetCaseAsync(new GetCaseRequest { CaseId = call.CaseId });
            var ecg = await new EcgService.EcgServiceClient(engine.Channel).ReadRecordingAsync(new ReadRecordingRequest { CaseId = call.CaseId });
            seeded.Add(new SeededCase(call.CaseId, ambulance, stored.DestinationHospitalId, [.. stored.Timeline], [.. ecg.Chunks]));
        }

        var world = new FuzzWorld(seeded);
        var region = (await new RegionService.RegionServiceClient(engine.Channel).GetRegionAsync(new GetRegionRequest())).Name;
        foreach (var c in seeded)
        {
            world._crews[c.AmbulanceId] = engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.Crew, ambulanceId: c.AmbulanceId));
            world._others.Add(engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.Hospital, hospitalId: c.HospitalId)));
        }

        world._others.AddRange(
        [
            engine.Channel,
            engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.Coordinator, region: region)),
            engine.ChannelWith(engine.Tokens.Issue(DispatchRoles.EcgReader)),
            engine.ChannelWith(null),
            engine.ChannelWith("forged." + Convert.ToBase64String(new byte[48])),
        ]);
        world.KnownIds = [.. seeded.SelectMany(c => new[] { c.CaseId, c.AmbulanceId, c.HospitalId }), "amb-999", "h-none", "case-0"];
        return world;
    }

    public GrpcChannel CrewOf(string ambulanceId) => _crews[ambulanceId];

    /// <summary>Any caller: the case's own crew, another crew, a hospital, a coordinator, a reader, an admin, nobody, a forger.</summary>
    public GrpcChannel AnyCaller(Random random, SeededCase own) => random.Next(4) switch
    {
        0 => _crews[own.AmbulanceId],
        1 => _crews.Values.ElementAt(random.Next(_crews.Count)),
        _ => _others[random.Next(_others.Count)],
    };

    /// <summary>A valid crew message of any kind for the crew's case, to be mutated.</summary>
    public static CrewMessage CrewMessageFor(SeededCase own, Random random, int n) => random.Next(5) switch
    {
        0 => new CrewMessage { Gps = new GpsFix { Position = new GeoPoint { Latitude = 38.0 + random.NextDouble() * 0.05, Longitude = 114.45 + random.NextDouble() * 0.1 } } },
        1 => new CrewMessage { Status = new CrewStatusChange { CommandId = $"fuzz-status-{n}-{random.Next()}", Milestone = (Milestone)random.Next(1, 18) } },
        2 => new CrewMessage { Vitals = new VitalSigns { HeartRate = random.Next(40, 180), Spo2 = random.Next(80, 100), SystolicBp = random.Next(70, 200) } },
        3 => new CrewMessage
        {
            Scale = new ScaleScore { CommandId = $"fuzz-scale-{n}-{random.Next()}", Scale = "RACE", Score = random.Next(0, 10), At = Timestamp.FromDateTimeOffset(TestClock.Start) },
        },
        _ => new CrewMessage { Ecg = SyntheticEcgChunks.Chunk(own.CaseId, (ulong)(own.Ecg.Count + 1 + random.Next(3)), TestClock.Start) },
    };
}
