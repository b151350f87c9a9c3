using System.Threading.Channels;
using Dispatch.Api.Mapping;
using Dispatch.Api.Security;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.V1;
using Dispatch.Grains.Regions;
using Dispatch.Grains.Telemetry;
using Grpc.Core;
using Domain = Dispatch.Contracts.Cases;

namespace Dispatch.Api.Grpc;

/// <summary>
/// One crew stream. Each incoming message is applied on its own, and a bad one is answered with
/// CommandRejected while the stream stays open. The stream's own answers (the welcome, each ECG
/// chunk's acknowledgement, each rejection) are written by the handler in the order of the
/// messages they answer; the engine's pushes go out through a bounded queue. One writer at a
/// time, as gRPC allows.
/// </summary>
internal sealed class CrewConnection(IServerStreamWriter<CrewUpdate> responses, IGrainFactory grains, RegionCatalog catalog, InputRules rules, Caller caller,
    IdentityLimits limits, DeliveryAudit audit, ClusterChanges changes, ObserverRetirement retirement, TimeProvider time) : IDisposable
{
    /// <summary>Renew the registration well within the ambulance grain's expiry.</summary>
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long "this crew serves that case" stands once the ambulance said so. ECG comes four chunks
    /// a second per crew; asking the ambulance for each doubled the grain calls of ingest. A crew
    /// released from a case can still add a second of ECG to the case it was just serving, which
    /// is its own patient's signal; a chunk for any other case is checked at once.
    /// </summary>
    private static readonly TimeSpan ServedCaseCheck = TimeSpan.FromSeconds(1);

    private readonly Channel<CrewUpdate> _outbox = Channel.CreateBounded<CrewUpdate>(
        new BoundedChannelOptions(1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    // The response stream's single writer: whichever of the queue's pump and the handler holds it.
    // An acknowledgement written by the handler itself skips a hand-over to the pump's thread,
    // four times a second per ECG stream.
    private readonly SemaphoreSlim _writing = new(1, 1);

    // The case in hand: its grain references, kept (resolving one by type reads the interface's
    // attributes again each time, which at four ECG chunks a second per crew is not free), and when
    // the ambulance last confirmed the crew serves it (0: not yet).
    private (string CaseId, ICaseGrain Case, IEcgRecordingGrain Recording, long ServedConfirmedAt)? _current;

    public async Task Run(IAsyncStreamReader<CrewMessage> requests, CancellationToken cancellation)
    {
        var ambulanceId = await ReadHello(requests, cancellation);
        caller.EnsureAmbulance(ambulanceId);
        var ambulance = grains.GetGrain<IAmbulanceGrain>(ambulanceId);
        var observer = new CrewObserver(_outbox.Writer);
        var reference = grains.CreateObjectReference<IAmbulanceObserver>(observer);
        await ambulance.Subscribe(reference);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var stopRenewing = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var pump = Pump(stop.Token);
        DispatchTelemetry.OpenStreams.Add(1, DispatchTelemetry.Kind("crew"));
        var renew = ObserverRenewal.Keep(() => ambulance.Subscribe(reference), changes, Renewal, stopRenewing.Token);
        try
        {
            var snapshot = await ambulance.GetSnapshot();
            var lastSequence = snapshot.CaseId is { } caseId ? await grains.GetGrain<IEcgRecordingGrain>(caseId).GetLastSequence() : 0;
            await Send(new CrewUpdate
            {
                Welcome = new CrewWelcome { AmbulanceId = ambulanceId, CaseId = snapshot.CaseId ?? "", LastEcgSequence = (ulong)lastSequence },
            }, cancellation);

            await foreach (var message in requests.UntilHangUp(cancellation))
            {
                await Handle(ambulance, message, cancellation);
            }
        }
        finally
        {
            DispatchTelemetry.OpenStreams.Add(-1, DispatchTelemetry.Kind("crew"));

            // Stop renewing first: a renewal after the unsubscribe would subscribe a finished stream again.
            await stopRenewing.CancelAsync();
            await renew;
            await ObserverRenewal.Quietly(() => ambulance.Unsubscribe(reference));
            _outbox.Writer.TryComplete();
            await pump;
            await stop.CancelAsync();

            // Orleans holds an observer only weakly: retiring it keeps it reachable to the very end
            // (a collection mid-stream would silently drop the crew's assignment and destination).
            retirement.Retire(grains, reference, observer);
        }
    }

    private async Task<string> ReadHello(IAsyncStreamReader<CrewMessage> requests, CancellationToken cancellation)
    {
        if (!await requests.MoveNext(cancellation) || requests.Current.BodyCase != CrewMessage.BodyOneofCase.Hello)
        {
            throw new RuleException(RuleViolation.InvalidArgument, "a crew stream starts with a CrewHello naming the ambulance");
        }

        var ambulanceId = requests.Current.Hello.AmbulanceId.Required("hello.ambulance_id");
        catalog.GetStationOf(ambulanceId);
        return ambulanceId;
    }

    private async Task Handle(IAmbulanceGrain ambulance, CrewMessage message, CancellationToken cancellation)
    {
        try
        {
            if (!limits.TryTakeCrewMessage(caller))
            {
                await Reject(StatusCode.ResourceExhausted, $"rate limit: a crew stream carries at most {limits.Options.CrewMessagesPerSecond:0.##} messages a second; this {message.BodyCase} was not applied", cancellation);
                return;
            }

            MessageShape.Check(message, limits.Options);
            switch (message.BodyCase)
            {
                case CrewMessage.BodyOneofCase.Gps:
                    await ambulance.ReportPosition(rules.Position(message.Gps.Position, "gps.position"), rules.Time(message.Gps.At, "gps.at") ?? rules.Now);
                    break;
                case CrewMessage.BodyOneofCase.Status:
                    var status = StatusCommand(message.Status) with { RecordedBy = caller.Subject };
                    MilestoneRights.Ensure(caller, status);
                    await CurrentCase(await ambulance.GetSnapshot()).Record(status);
                    break;
                case CrewMessage.BodyOneofCase.Scale:
                    await CurrentCase(await ambulance.GetSnapshot()).Record(ScaleCommand(message.Scale));
                    break;
                case CrewMessage.BodyOneofCase.Vitals:
                    await CurrentCase(await ambulance.GetSnapshot()).RecordVitals(message.Vitals.ToDomain(rules));
                    break;
                case CrewMessage.BodyOneofCase.Ecg:
                    await Ecg(ambulance, message.Ecg, cancellation);
                    break;
                default:
                    throw new RuleException(RuleViolation.InvalidArgument, $"unexpected crew message {message.BodyCase}");
            }
        }
        catch (RuleException e)
        {
            var rpc = RuleExceptionInterceptor.ToRpc(e);
            await Reject(rpc.StatusCode, e.Message, cancellation);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
        {
            // One message the crew may not send is refused; the stream and the case go on.
            await Reject(e.StatusCode, e.Status.Detail, cancellation);
        }
    }

    private async Task Reject(StatusCode code, string message, CancellationToken cancellation)
    {
        await Send(new CrewUpdate { Rejected = new CommandRejected { Code = code.ToString(), Message = message } }, cancellation);
    }

    private async Task Ecg(IAmbulanceGrain ambulance, EcgChunk chunk, CancellationToken cancellation)
    {
        var data = chunk.ToDomain(rules);
        var caseGrain = await ServedCase(ambulance, data.CaseId);
        var result = await Recording(data.CaseId).Append(data);
        await Send(new CrewUpdate { EcgAck = new EcgAck { CaseId = data.CaseId, Sequence = (ulong)result.LastSequence } }, cancellation);
        if (result.Stored && data.Sequence == 1)
        {
            await RecordFirstEcg(caseGrain, data);
        }
        else if (result.Stored && CompletesTenSeconds(data))
        {
            await caseGrain.EcgProgressed();
        }
    }

    /// <summary>The first stored chunk is the first ECG and its transmission; a case not yet on scene keeps the ECG without them.</summary>
    private static async Task RecordFirstEcg(ICaseGrain caseGrain, Contracts.Recording.EcgChunkData chunk)
    {
        try
        {
            await caseGrain.Record(new Domain.CaseCommand($"ecg-first/{chunk.CaseId}", Domain.Milestone.FirstEcg, chunk.StartedAt));
            await caseGrain.Record(new Domain.CaseCommand($"ecg-transmitted/{chunk.CaseId}", Domain.Milestone.EcgTransmitted));
        }
        catch (RuleException e) when (e.Violation == RuleViolation.IllegalTransition)
        {
            // Already recorded by the crew, or the case is not at a phase that takes it: the ECG itself is stored either way.
        }
    }

    /// <summary>Whether this chunk is the one in which another whole 10 s of signal is complete (the unit ECG is read in).</summary>
    private static bool CompletesTenSeconds(Contracts.Recording.EcgChunkData chunk)
    {
        long tenSeconds = chunk.SampleRateHz * 10;
        return chunk.Sequence * chunk.SamplesPerLead / tenSeconds > (chunk.Sequence - 1) * chunk.SamplesPerLead / tenSeconds;
    }

    private async Task<ICaseGrain> ServedCase(IAmbulanceGrain ambulance, string caseId)
    {
        if (_current is { } current && current.CaseId == caseId && current.ServedConfirmedAt != 0 &&
            time.GetElapsedTime(current.ServedConfirmedAt) < ServedCaseCheck)
        {
            return current.Case;
        }

        var caseGrain = CurrentCase(await ambulance.GetSnapshot(), caseId);
        _current = _current!.Value with { ServedConfirmedAt = time.GetTimestamp() };
        return caseGrain;
    }

    private ICaseGrain CurrentCase(Contracts.Ambulances.AmbulanceSnapshot ambulance, string? caseId = null)
    {
        if (ambulance.CaseId is null)
        {
            throw new RuleException(RuleViolation.IllegalTransition, $"ambulance {ambulance.Id} has no current case");
        }

        if (caseId is not null && caseId != ambulance.CaseId)
        {
            throw new RuleException(RuleViolation.IllegalTransition,
                $"ambulance {ambulance.Id} serves case {ambulance.CaseId}, not {caseId}");
        }

        return CaseGrain(ambulance.CaseId);
    }

    private ICaseGrain CaseGrain(string caseId) => Current(caseId).Case;

    private IEcgRecordingGrain Recording(string caseId) => Current(caseId).Recording;

    private (string CaseId, ICaseGrain Case, IEcgRecordingGrain Recording, long ServedConfirmedAt) Current(string caseId)
    {
        if (_current is not { } current || current.CaseId != caseId)
        {
            current = (caseId, grains.GetGrain<ICaseGrain>(caseId), grains.GetGrain<IEcgRecordingGrain>(caseId), 0);
            _current = current;
        }

        return current;
    }

    private Domain.CaseCommand StatusCommand(CrewStatusChange status) => new(
        status.CommandId.Required("status.command_id"),
        status.Milestone.ToDomainEnum<Milestone, Domain.Milestone>("status.milestone"),
        rules.Time(status.At, "status.at"),
        status.HospitalId.Optional(),
        null,
        status.Diagnosis?.ToDomain(rules));

    /// <summary>A positive or negative LVO scale is a working stroke diagnosis; recording it routes the patient.</summary>
    private Domain.CaseCommand ScaleCommand(ScaleScore scale) => new(
        scale.CommandId.Required("scale.command_id"),
        Domain.Milestone.Diagnosis,
        rules.Time(scale.At, "scale.at"),
        Diagnosis: new Domain.Diagnosis(Domain.DiagnosisKind.SuspectedStroke, scale.Scale.Required("scale.scale"), scale.Score,
            rules.ClinicalTime(scale.LastKnownWell, "scale.last_known_well")));

    private async Task Pump(CancellationToken cancellation)
    {
        await foreach (var update in _outbox.Reader.ReadAllAsync(cancellation))
        {
            await Send(update, cancellation);
            switch (update.BodyCase)
            {
                case CrewUpdate.BodyOneofCase.Assignment:
                    audit.Delivered(caller, "CrewService/Connect", update.Assignment.CaseId, caller.AmbulanceId, "assignment");
                    break;
                case CrewUpdate.BodyOneofCase.Destination:
                    audit.Delivered(caller, "CrewService/Connect", update.Destination.CaseId, update.Destination.HospitalId, "destination");
                    break;
            }
        }
    }

    private async Task Send(CrewUpdate update, CancellationToken cancellation)
    {
        await _writing.WaitAsync(cancellation);
        try
        {
            await responses.WriteAsync(update, cancellation);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Once <see cref="Run"/> has ended: by then its pump has stopped and nothing writes.</summary>
    public void Dispose() => _writing.Dispose();
}
