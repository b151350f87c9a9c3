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
    // One array per lead, sized for a window and its margin once: growing lists per chunk kept
    // reallocating hundreds of kilobytes per case and pushed them into the oldest generation.
    private double[][] _buffer;
    private int _buffered;
    private readonly List<long> _fiducials = [];
    private long _bufferStart;
    private long _windowStart;
    private DateTimeOffset? _streamStart;
    private int _windowNumber;

    public EcgStreamAnalyzer(double sampleRateHz)
    {
        _fs = sampleRateHz;
        _windowSamples = (int)(WindowSeconds * sampleRateHz);
        _margin = (int)(MarginSeconds * sampleRateHz);
        _detector = new QrsDetector(sampleRateHz);
        _buffer = Leads(_windowSamples + _margin + (int)sampleRateHz);
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
            var samples = chunk.Leads[lead];
            var mv = _buffer[lead].AsSpan(_buffered, count);
            for (var i = 0; i < count; i++)
            {
                mv[i] = samples[i] * scale;
            }
        }

        _fiducials.AddRange(_detector.Push(_buffer, _buffered, count));
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
        if (_buffered + count <= _buffer[0].Length)
        {
            return;
        }

        var wider = Leads(_buffered + count + _margin);
        for (var lead = 0; lead < wider.Length; lead++)
        {
            Array.Copy(_buffer[lead], wider[lead], _buffered);
        }

        _buffer = wider;
    }

    /// <summary>
    /// The stream's buffer lives as long as the stream, so it is allocated where the GC never copies
    /// it (the pinned-object heap): 500 streams hold 280 MB of these, which as ordinary arrays the
    /// GC would copy from generation to generation in their first seconds.
    /// </summary>
    private static double[][] Leads(int length) =>
        [.. Enumerable.Range(0, EcgChunkData.LeadCount).Select(_ => GC.AllocateArray<double>(length, pinned: true))];

    private EcgFindings? AnalyzeWindow(PatientContext patient, DateTimeOffset now)
    {
        var from = (int)Math.Max(0, _windowStart - _margin - _bufferStart);
        var to = (int)(_windowStart + _windowSamples - _bufferStart);
        var leads = new SignalWindow(_buffer, from, to - from);
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
        foreach (var lead in _buffer)
        {
            Array.Copy(lead, drop, lead, 0, _buffered - drop);
        }

        _buffered -= drop;
        _bufferStart += drop;
        _fiducials.RemoveAll(f => f < _bufferStart);
    }
}
