using System.Runtime.CompilerServices;
using Dispatch.Contracts.Ecg;
using Dispatch.Contracts.Recording;

namespace Dispatch.Ecg.Analysis;

/// <summary>
/// One case's ECG analysis as the chunks arrive: QRS detection runs on every chunk, and each time
/// another 10 s of signal is complete the window is measured and screened. Keeps only the current
/// window (plus half a second of the one before, for the beat that straddles the edge).
/// </summary>
public sealed class EcgStreamAnalyzer
{
    public const double WindowSeconds = 10;
    private const double MarginSeconds = 0.5;

    private readonly double _fs;
    private readonly int _windowSamples;
    private readonly int _margin;
    private readonly QrsDetector _detector;
    // The samples as they came, one array per lead, sized for a window and its margin once: growing
    // lists per chunk kept reallocating hundreds of kilobytes per case and pushed them into the
    // oldest generation. Kept as the device's 16-bit samples with each one's scale rather than as
    // mV: 184 KB a stream at 500 Hz instead of 552 KB, for the same CPU with hundreds of streams
    // (docs/performance.md).
    private short[][] _samples;
    private double[] _millivoltsPerUnit;
    private int _buffered;
    private readonly List<long> _fiducials = [];
    private long _bufferStart;
    private long _windowStart;
    private DateTimeOffset? _streamStart;
    private int _windowNumber;

    /// <summary>One thread analyses one stream at a time: the mV of a chunk or window is worked out in scratch shared by every stream on it.</summary>
    [ThreadStatic]
    private static double[][]? t_millivolts;

    public EcgStreamAnalyzer(double sampleRateHz)
    {
        _fs = sampleRateHz;
        _windowSamples = (int)(WindowSeconds * sampleRateHz);
        _margin = (int)(MarginSeconds * sampleRateHz);
        _detector = new QrsDetector(sampleRateHz);
        (_samples, _millivoltsPerUnit) = Buffers(_windowSamples + _margin + (int)sampleRateHz);
    }

    // Compiled optimised at once: under load, tiered compilation left the per-chunk kernels in first-tier code (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<EcgFindings> Append(EcgChunkData chunk, PatientContext patient, DateTimeOffset now)
    {
        _streamStart ??= chunk.StartedAt;
        var count = chunk.SamplesPerLead;
        var scale = chunk.MicrovoltsPerUnit / 1000;
        EnsureRoom(count);
        for (var lead = 0; lead < EcgChunkData.LeadCount; lead++)
        {
            chunk.Leads[lead].CopyTo(_samples[lead], _buffered);
        }

        _millivoltsPerUnit.AsSpan(_buffered, count).Fill(scale);
        _fiducials.AddRange(_detector.Push(Millivolts(_buffered, count), 0, count));
        _buffered += count;

        // Most chunks complete no window: they return the shared empty list, allocating nothing.
        List<EcgFindings>? results = null;
        while (_bufferStart + _buffered >= _windowStart + _windowSamples)
        {
            if (AnalyzeWindow(patient, now) is { } findings)
            {
                (results ??= []).Add(findings);
            }

            Advance();
        }

        return results ?? (IReadOnlyList<EcgFindings>)[];
    }

    /// <summary>A chunk longer than a second (allowed, if unusual) widens the buffer once.</summary>
    private void EnsureRoom(int count)
    {
        if (_buffered + count <= _millivoltsPerUnit.Length)
        {
            return;
        }

        var (samples, scales) = Buffers(_buffered + count + _margin);
        for (var lead = 0; lead < samples.Length; lead++)
        {
            Array.Copy(_samples[lead], samples[lead], _buffered);
        }

        Array.Copy(_millivoltsPerUnit, scales, _buffered);
        (_samples, _millivoltsPerUnit) = (samples, scales);
    }

    /// <summary>
    /// The stream's buffers live as long as the stream, so they are allocated where the GC never
    /// copies them (the pinned-object heap): as ordinary arrays the GC would copy them from
    /// generation to generation in their first seconds.
    /// </summary>
    private static (short[][] Samples, double[] MillivoltsPerUnit) Buffers(int length) =>
        ([.. Enumerable.Range(0, EcgChunkData.LeadCount).Select(_ => GC.AllocateArray<short>(length, pinned: true))],
            GC.AllocateArray<double>(length, pinned: true));

    /// <summary>
    /// The buffered samples <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/>
    /// in mV, in this thread's scratch arrays (the first <paramref name="count"/> of each lead): the
    /// same product, sample times its chunk's scale, the analysis has always measured.
    /// </summary>
    private double[][] Millivolts(int from, int count)
    {
        var leads = t_millivolts;
        if (leads is null || leads[0].Length < count)
        {
            leads = t_millivolts = [.. Enumerable.Range(0, EcgChunkData.LeadCount).Select(_ => new double[Math.Max(count, _millivoltsPerUnit.Length)])];
        }

        var scales = _millivoltsPerUnit.AsSpan(from, count);
        for (var lead = 0; lead < EcgChunkData.LeadCount; lead++)
        {
            var samples = _samples[lead].AsSpan(from, count);
            var mv = leads[lead].AsSpan(0, count);
            for (var i = 0; i < mv.Length; i++)
            {
                mv[i] = samples[i] * scales[i];
            }
        }

        return leads;
    }

    private EcgFindings? AnalyzeWindow(PatientContext patient, DateTimeOffset now)
    {
        var from = (int)Math.Max(0, _windowStart - _margin - _bufferStart);
        var to = (int)(_windowStart + _windowSamples - _bufferStart);
        var leads = new SignalWindow(Millivolts(from, to - from), 0, to - from);
        var offset = _bufferStart + from;
        var fiducials = _fiducials.Where(f => f >= offset && f < offset + leads.Length).Select(f => (int)(f - offset)).ToList();
        var start = _streamStart!.Value + TimeSpan.FromSeconds(_windowStart / _fs);
        _windowNumber++;
        return EcgWindowAnalyzer.Analyze(leads, _fs, fiducials, patient, _windowNumber, start, now);
    }

    private void Advance()
    {
        _windowStart += _windowSamples;
        var keepFrom = _windowStart - _margin;
        var drop = (int)Math.Min(Math.Max(0, keepFrom - _bufferStart), _buffered);
        foreach (var lead in _samples)
        {
            Array.Copy(lead, drop, lead, 0, _buffered - drop);
        }

        Array.Copy(_millivoltsPerUnit, drop, _millivoltsPerUnit, 0, _buffered - drop);

        _buffered -= drop;
        _bufferStart += drop;
        _fiducials.RemoveAll(f => f < _bufferStart);
    }
}
