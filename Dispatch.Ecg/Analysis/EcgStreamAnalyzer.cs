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
    private readonly List<double>[] _buffer = [.. Enumerable.Range(0, EcgChunkData.LeadCount).Select(_ => new List<double>())];
    private readonly List<long> _fiducials = [];
    private long _bufferStart;
    private long _windowStart;
    private DateTimeOffset? _streamStart;
    private int _window;

    public EcgStreamAnalyzer(double sampleRateHz)
    {
        _fs = sampleRateHz;
        _windowSamples = (int)(WindowSeconds * sampleRateHz);
        _margin = (int)(MarginSeconds * sampleRateHz);
        _detector = new QrsDetector(sampleRateHz);
    }

    public IReadOnlyList<EcgFindings> Append(EcgChunkData chunk, PatientContext patient, DateTimeOffset now)
    {
        _streamStart ??= chunk.StartedAt;
        var count = chunk.SamplesPerLead;
        var scale = chunk.MicrovoltsPerUnit / 1000;
        var millivolts = new double[EcgChunkData.LeadCount][];
        for (var lead = 0; lead < EcgChunkData.LeadCount; lead++)
        {
            var samples = chunk.Leads[lead];
            var mv = new double[count];
            for (var i = 0; i < count; i++)
            {
                mv[i] = samples[i] * scale;
            }

            millivolts[lead] = mv;
            _buffer[lead].AddRange(mv);
        }

        _fiducials.AddRange(_detector.Push(millivolts, count));

        var results = new List<EcgFindings>();
        while (_bufferStart + _buffer[0].Count >= _windowStart + _windowSamples)
        {
            if (AnalyzeWindow(patient, now) is { } findings)
            {
                results.Add(findings);
            }

            Advance();
        }

        return results;
    }

    private EcgFindings? AnalyzeWindow(PatientContext patient, DateTimeOffset now)
    {
        var from = (int)Math.Max(0, _windowStart - _margin - _bufferStart);
        var to = (int)(_windowStart + _windowSamples - _bufferStart);
        var leads = _buffer.Select(b => b.GetRange(from, to - from).ToArray()).ToArray();
        var offset = _bufferStart + from;
        var fiducials = _fiducials.Where(f => f >= offset && f < offset + leads[0].Length).Select(f => (int)(f - offset)).ToList();
        var start = _streamStart!.Value + TimeSpan.FromSeconds(_windowStart / _fs);
        _window++;
        return EcgWindowAnalyzer.Analyze(leads, _fs, fiducials, patient, _window, start, now);
    }

    private void Advance()
    {
        _windowStart += _windowSamples;
        var keepFrom = _windowStart - _margin;
        var drop = (int)Math.Max(0, keepFrom - _bufferStart);
        foreach (var lead in _buffer)
        {
            lead.RemoveRange(0, Math.Min(drop, lead.Count));
        }

        _bufferStart += drop;
        _fiducials.RemoveAll(f => f < _bufferStart);
    }
}
