using Dispatch.Api.Mapping;
using Dispatch.Contracts.Ecg;
using Dispatch.Contracts.V1;
using Dispatch.Ecg.Synthesis;
using Dispatch.Grains.Routing;
using Google.Protobuf.WellKnownTypes;
using System.Collections.Concurrent;
using Grpc.Core;
using DomainSex = Dispatch.Contracts.Cases.PatientSex;
using Geo = Dispatch.Contracts.Geo.GeoPoint;

namespace Dispatch.Simulator.Drills;

/// <summary>
/// One call from ring to close, played by its people: the coordinator opens it and lets the engine
/// send the nearest ambulance; the crew drives there along the roads (a GPS fix a second), assesses
/// (12-lead ECG from the generator, or a stroke scale), takes the patient where the engine says and
/// hands over; the centre treats and closes.
/// </summary>
public sealed class CallRun(Incident incident, DrillContext drill)
{
    private readonly Random _random = drill.Random(incident);

    public string? CaseId { get; private set; }

    public Incident Incident => incident;

    public int EcgChunksSent { get; private set; }

    /// <summary>What the drill sent of this case's ECG, in order; the first <see cref="EcgChunksAcked"/> were acknowledged.</summary>
    public IReadOnlyList<EcgChunk> EcgChunks => _ecg;

    public int EcgChunksAcked { get; private set; }

    /// <summary>The milestones whose call was answered OK: the engine confirmed them, so they must be on the case.</summary>
    public IReadOnlyCollection<Milestone> Confirmed => _confirmed;

    private readonly List<EcgChunk> _ecg = [];
    private readonly ConcurrentQueue<Milestone> _confirmed = new();

    public async Task Run(CancellationToken cancellation)
    {
        var coordinator = new CaseService.CaseServiceClient(drill.Callers.Coordinator);
        var started = drill.Time.GetTimestamp();
        var opened = await coordinator.OpenCaseAsync(new OpenCaseRequest
        {
            CommandId = $"drill-{drill.RunId}-{incident.Number}",
            Location = new GeoPoint { Latitude = incident.Location.Latitude, Longitude = incident.Location.Longitude },
            Complaint = incident.Kind switch
            {
                IncidentKind.Stemi or IncidentKind.OtherChestPain => Complaint.ChestPain,
                IncidentKind.StrokeLvo or IncidentKind.StrokeNonLvo => Complaint.StrokeSymptoms,
                _ => Complaint.Other,
            },
            PatientAge = incident.Age,
            PatientSex = incident.Sex == DomainSex.Female ? PatientSex.Female : PatientSex.Male,
        }, cancellationToken: cancellation);
        CaseId = opened.CaseId;
        _confirmed.Enqueue(Milestone.CallReceived);
        Interlocked.Increment(ref drill.Metrics.Counters.CallsOpened);
        var dispatched = await Dispatch(coordinator, cancellation);
        _confirmed.Enqueue(Milestone.AmbulanceDispatched);
        drill.Metrics.CallToDecision.Add(drill.Time.GetElapsedTime(started));
        var ambulance = dispatched.AmbulanceId;

        await using var crew = await CrewSession.Open(drill.Callers.Crew(ambulance), ambulance, drill.Metrics, drill.Time);
        var position = (await new AmbulanceService.AmbulanceServiceClient(drill.Callers.Crew(ambulance))
            .GetAmbulanceAsync(new GetAmbulanceRequest { AmbulanceId = ambulance }, cancellationToken: cancellation)).Position;
        await Drive(crew, RoadRoute.Between(drill.Roads, new Geo(position.Latitude, position.Longitude), incident.Location), cancellation);
        await Status(crew, Milestone.OnScene);
        await Assess(crew, cancellation);
        var destination = await crew.NextDestination(TimeSpan.FromSeconds(30)) ?? await DestinationOnRecord(coordinator, cancellation);
        if (destination is null)
        {
            // Treated and left at home: no destination for this patient.
            crew.CaseFinished();
            await coordinator.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = CaseId, CommandId = $"{CaseId}/closed", Milestone = Milestone.Closed },
                cancellationToken: cancellation);
            _confirmed.Enqueue(Milestone.Closed);
            Interlocked.Increment(ref drill.Metrics.Counters.CallsClosed);
            return;
        }

        await drill.Clock.For(60 * (10 + 10 * _random.NextDouble()), cancellation);
        await Status(crew, Milestone.LeftScene);
        var hospital = drill.Hospitals[destination.HospitalId];
        await Drive(crew, RoadRoute.Between(drill.Roads, incident.Location, hospital.Location), cancellation);
        // Arrival and handover by request and answer: the centre acts on the patient only once they are recorded.
        var crewCases = new CaseService.CaseServiceClient(drill.Callers.Crew(ambulance));
        foreach (var milestone in new[] { Milestone.ArrivedAtDoor, Milestone.Handover })
        {
            var record = new RecordMilestoneRequest
            {
                CaseId = CaseId, CommandId = $"{CaseId}/{milestone}", Milestone = milestone, HospitalId = destination.HospitalId,
            };
            try
            {
                await crewCases.RecordMilestoneAsync(record, cancellationToken: cancellation);
            }
            catch (RpcException e) when (milestone == Milestone.ArrivedAtDoor && e.StatusCode == StatusCode.FailedPrecondition)
            {
                // The departure went out on a stream that broke with its silo and is not applied yet: the
                // crew records it by request, under the same command id, so it counts once either way.
                await crewCases.RecordMilestoneAsync(new RecordMilestoneRequest { CaseId = CaseId, CommandId = $"{CaseId}/{Milestone.LeftScene}", Milestone = Milestone.LeftScene },
                    cancellationToken: cancellation);
                await crewCases.RecordMilestoneAsync(record, cancellationToken: cancellation);
            }

            _confirmed.Enqueue(milestone);
        }

        crew.CaseFinished();

        foreach (var treated in await drill.Desks[destination.HospitalId].Treat(CaseId, incident.Kind, cancellation))
        {
            _confirmed.Enqueue(treated);
        }

        Interlocked.Increment(ref drill.Metrics.Counters.CallsClosed);
    }

    /// <summary>
    /// A destination pushed while the crew's stream was moving to another silo never reached it;
    /// like a crew asking dispatch on the radio, the case says where to go.
    /// </summary>
    private async Task<DestinationUpdate?> DestinationOnRecord(CaseService.CaseServiceClient coordinator, CancellationToken cancellation)
    {
        var view = await coordinator.GetCaseAsync(new GetCaseRequest { CaseId = CaseId }, cancellationToken: cancellation);
        return view.DestinationHospitalId.Length == 0 ? null : new DestinationUpdate { CaseId = CaseId, HospitalId = view.DestinationHospitalId };
    }

    /// <summary>The engine sends the nearest free ambulance; with none free, the coordinator tries again every drill minute.</summary>
    private async Task<CaseView> Dispatch(CaseService.CaseServiceClient coordinator, CancellationToken cancellation)
    {
        while (true)
        {
            try
            {
                return await coordinator.DispatchAmbulanceAsync(new DispatchAmbulanceRequest { CaseId = CaseId, CommandId = $"{CaseId}/dispatch" },
                    cancellationToken: cancellation);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                await drill.Clock.For(60, cancellation);
            }
        }
    }

    /// <summary>A fix every real second, where the route puts the ambulance at that drill time.</summary>
    private async Task Drive(CrewSession crew, RoadRoute route, CancellationToken cancellation)
    {
        var start = drill.Clock.Minute;
        while (true)
        {
            var elapsed = (drill.Clock.Minute - start) * 60;
            var at = route.At(elapsed);
            await crew.Send(new CrewMessage { Gps = new GpsFix { Position = new GeoPoint { Latitude = at.Latitude, Longitude = at.Longitude } } });
            Interlocked.Increment(ref drill.Metrics.Counters.GpsFixes);
            if (elapsed >= route.TotalSeconds)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), drill.Time, cancellation);
        }
    }

    private async Task Assess(CrewSession crew, CancellationToken cancellation)
    {
        switch (incident.Kind)
        {
            case IncidentKind.Stemi or IncidentKind.OtherChestPain:
                await StreamEcg(crew, cancellation);
                if (incident.Kind == IncidentKind.OtherChestPain)
                {
                    await Status(crew, Milestone.Diagnosis, diagnosis: new Diagnosis { Kind = DiagnosisKind.Other });
                }

                break;
            case IncidentKind.StrokeLvo or IncidentKind.StrokeNonLvo:
                await crew.Send(new CrewMessage
                {
                    Scale = new ScaleScore
                    {
                        CommandId = $"{CaseId}/race", Scale = "RACE", Score = incident.Kind == IncidentKind.StrokeLvo ? 7 : 2,
                        LastKnownWell = Timestamp.FromDateTimeOffset(drill.Time.GetUtcNow().AddMinutes(-60)),
                    },
                });
                break;
            default:
                await Status(crew, Milestone.Diagnosis, diagnosis: new Diagnosis { Kind = DiagnosisKind.Other });
                break;
        }
    }

    /// <summary>12 s of 12-lead at 500 Hz in 250 ms chunks from the generator (the STEMI's territory, or a normal ECG).</summary>
    private async Task StreamEcg(CrewSession crew, CancellationToken cancellation)
    {
        var spec = new SyntheticEcgSpec(incident.Kind == IncidentKind.Stemi ? EcgCondition.Stemi : EcgCondition.Normal, incident.Territory,
            StElevationMm: 2 + 2 * _random.NextDouble(), HeartRate: 60 + _random.Next(50),
            Sex: incident.Sex, Age: incident.Age, Seed: incident.Seed);
        var chunks = SyntheticEcg.Chunks(SyntheticEcg.Generate(spec, 12), CaseId!, drill.Time.GetUtcNow()).ToList();
        foreach (var chunk in chunks)
        {
            var wire = chunk.ToWire();
            _ecg.Add(wire);
            await crew.Send(new CrewMessage { Ecg = wire });
            Interlocked.Increment(ref drill.Metrics.Counters.EcgChunksSent);
            EcgChunksSent++;
        }

        var deadline = drill.Time.GetTimestamp();
        while (crew.Acked < (ulong)chunks.Count && drill.Time.GetElapsedTime(deadline) < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), drill.Time, cancellation);
        }

        EcgChunksAcked = (int)Math.Min(crew.Acked, (ulong)chunks.Count);
    }

    private Task Status(CrewSession crew, Milestone milestone, string? hospitalId = null, Diagnosis? diagnosis = null) =>
        crew.Send(new CrewMessage
        {
            Status = new CrewStatusChange { CommandId = $"{CaseId}/{milestone}", Milestone = milestone, HospitalId = hospitalId ?? "", Diagnosis = diagnosis },
        });
}
