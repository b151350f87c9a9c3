using System.Collections.Immutable;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Recording;
using Dispatch.Ecg.Analysis;
using Dispatch.Grains.Storage;
using Dispatch.Grains.Telemetry;

namespace Dispatch.Grains.Recording;

/// <summary>
/// Orders a case's ECG chunks and analyses them as they come. The grain's single-threaded turn
/// makes "store n only after n-1" race-free; the chunks themselves go to the append-only
/// <see cref="IEcgChunkStore"/>. Each time another 10 s is complete its findings go to the case.
/// It never calls the case while activating: the case asks it for its last sequence number in the
/// middle of its own calls, and an activation waiting on that busy case would wait for both to time out.
/// </summary>
public sealed class EcgRecordingGrain(
    [PersistentState("ecg-recording", StorageNames.Dispatch)] IPersistentState<EcgRecordingState> state,
    IEcgChunkStore store,
    TimeProvider time) : Grain, IEcgRecordingGrain
{
    /// <summary>Two hours of 10 s windows: longer than any transport, bounded whatever a device sends.</summary>
    private const int MaxWindowsKept = 720;

    private readonly List<Contracts.Ecg.EcgFindings> _findings = [];
    private EcgStreamAnalyzer? _analyzer;
    private PatientContext? _patient;

    /// <summary>Windows analysed whose findings the case has not confirmed yet (its call failed): sent again with the next chunk or resend.</summary>
    private readonly Queue<Contracts.Ecg.EcgFindings> _undelivered = [];

    private readonly List<int> _fingerprints = [];
    private long _lastSequence;
    private int _sampleRateHz;
    private DateTimeOffset _lastStartedAt;

    /// <summary>The case's id, decoded once: every chunk (four a second) is checked against it.</summary>
    private string CaseId => field ??= this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _patient = state.State.PatientKnown ? new PatientContext(state.State.PatientAge, state.State.PatientSex) : null;
        // One read gives both where the recording ends and what to replay: sequences run 1..n.
        var stored = await store.Read(CaseId);
        if (stored.Count > 0)
        {
            _lastSequence = stored[^1].Sequence;
            _sampleRateHz = stored[0].SampleRateHz;
            _lastStartedAt = stored[^1].StartedAt;
            _fingerprints.AddRange(stored.Select(EcgChunkFingerprint.Of));

            // Analysis picks up where it was: the stored signal is replayed, its findings already on the case.
            // Complete before any new chunk is analysed, and with the patient as stored here (a recording
            // stored before the patient was kept here replays as unknown; its next chunk asks the case).
            _analyzer = new EcgStreamAnalyzer(_sampleRateHz);
            var patient = _patient ?? PatientContext.Unknown;
            foreach (var chunk in stored)
            {
                Keep(_analyzer.Append(chunk, patient, time.GetUtcNow()));
            }
        }
    }

    public async Task<EcgAppendResult> Append(EcgChunkData chunk)
    {
        EcgChunkRules.Validate(chunk);
        if (chunk.CaseId != CaseId)
        {
            throw new RuleException(RuleViolation.InvalidArgument, $"chunk for case {chunk.CaseId} sent to the recording of {CaseId}");
        }

        if (chunk.Sequence <= _lastSequence)
        {
            // A resend is also the crew's retry of whatever failed after its chunk was stored.
            await Deliver();

            // A resend after a lost ack is answered with the ack again; different samples under a used
            // number would overwrite what a clinician may already have read, so they are refused.
            return EcgChunkFingerprint.Of(chunk) == _fingerprints[(int)chunk.Sequence - 1]
                ? new EcgAppendResult(_lastSequence, Stored: false)
                : throw new RuleException(RuleViolation.InvalidArgument, chunk.Sequence == _lastSequence
                    ? $"ECG chunk {chunk.Sequence} was already stored with different samples; a sequence number is used once"
                    : $"ECG sequence went back from {_lastSequence} to {chunk.Sequence} with samples that differ from the stored chunk");
        }

        if (chunk.Sequence != _lastSequence + 1)
        {
            throw new RuleException(RuleViolation.InvalidArgument,
                $"ECG sequence gap: the next chunk is {_lastSequence + 1}, got {chunk.Sequence}");
        }

        if (_sampleRateHz != 0 && chunk.SampleRateHz != _sampleRateHz)
        {
            throw new RuleException(RuleViolation.InvalidArgument,
                $"ECG sample rate changed from {_sampleRateHz} Hz to {chunk.SampleRateHz} Hz within one recording");
        }

        if (chunk.StartedAt < _lastStartedAt)
        {
            throw new RuleException(RuleViolation.InvalidArgument,
                $"ECG chunk {chunk.Sequence} starts at {chunk.StartedAt:O}, before chunk {_lastSequence} ({_lastStartedAt:O})");
        }

        // Before storing: once stored, the chunk must be analysed with no call that could fail in between.
        var patient = await Patient();
        try
        {
            await store.Append(chunk);
        }
        catch
        {
            // Whether or not the store took it, this activation's idea of the recording may be stale
            // (a store timeout, or another activation during a failover): the next one reads it afresh.
            DeactivateOnIdle();
            throw;
        }

        DispatchTelemetry.EcgChunksStored.Add(1);
        _fingerprints.Add(EcgChunkFingerprint.Of(chunk));
        _lastSequence = chunk.Sequence;
        _sampleRateHz = chunk.SampleRateHz;
        _lastStartedAt = chunk.StartedAt;
        _analyzer ??= new EcgStreamAnalyzer(chunk.SampleRateHz);
        var findings = _analyzer.Append(chunk, patient, time.GetUtcNow());
        Keep(findings);
        foreach (var window in findings)
        {
            _undelivered.Enqueue(window);
        }

        await Deliver();
        return new EcgAppendResult(_lastSequence, Stored: true);
    }

    /// <summary>
    /// Hands the case the findings of each completed 10 s window, oldest first. The case ignores a
    /// window it already has, so one sent again after a failure is harmless, and one whose call failed
    /// (the case moving to another silo) is not lost: the crew's resend of the chunk retries it.
    /// </summary>
    private async Task Deliver()
    {
        while (_undelivered.TryPeek(out var window))
        {
            await GrainFactory.GetGrain<ICaseGrain>(CaseId).RecordEcgFindings(window);
            _undelivered.Dequeue();
        }
    }

    /// <summary>
    /// Age and sex set the V2-V3 thresholds. Asked of the case once, at the first chunk (never while
    /// activating: see the class), and kept in this grain's own state for every later activation.
    /// </summary>
    private async Task<PatientContext> Patient()
    {
        if (_patient is { } known)
        {
            return known;
        }

        var snapshot = await GrainFactory.GetGrain<ICaseGrain>(CaseId).GetSnapshot();
        if (snapshot is null)
        {
            return PatientContext.Unknown;
        }

        state.State.PatientKnown = true;
        state.State.PatientAge = snapshot.PatientAge;
        state.State.PatientSex = snapshot.PatientSex;
        await state.WriteStateAsync();
        _patient = new PatientContext(snapshot.PatientAge, snapshot.PatientSex);
        return _patient;
    }

    public Task<ImmutableArray<Contracts.Ecg.EcgFindings>> GetFindings() => Task.FromResult<ImmutableArray<Contracts.Ecg.EcgFindings>>([.. _findings]);

    private void Keep(IReadOnlyList<Contracts.Ecg.EcgFindings> windows)
    {
        _findings.AddRange(windows);
        if (_findings.Count > MaxWindowsKept)
        {
            _findings.RemoveRange(0, _findings.Count - MaxWindowsKept);
        }
    }

    public Task<long> GetLastSequence() => Task.FromResult(_lastSequence);

    public async Task<ImmutableArray<EcgChunkData>> Read() =>
        [.. await store.Read(CaseId)];
}
