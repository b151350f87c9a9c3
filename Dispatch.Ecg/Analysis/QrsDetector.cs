using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Dispatch.Ecg.Signal;

namespace Dispatch.Ecg.Analysis;

/// <summary>
/// Pan–Tompkins QRS detection, run sample by sample as chunks arrive (state carries across chunks),
/// on the eight independent leads at once: each is band-passed to 5–15 Hz, differentiated and
/// squared, the squares are summed and integrated over 150 ms, and the integrated signal's peaks
/// are classified against adaptive signal and noise levels, with a refractory period, a T-wave
/// check and a search-back for a missed beat. Detections come out as absolute sample indices of
/// the steepest point of the QRS, a fiducial the median beat is aligned on.
/// </summary>
public sealed class QrsDetector
{
    /// <summary>I, II, V1-V6: the others are sums of I and II and add nothing.</summary>
    public static readonly int[] IndependentLeads = [0, 1, 6, 7, 8, 9, 10, 11];

    private readonly double _fs;
    private readonly QrsSlopeLanes.Design _design;
    // The independent leads four to a vector, in their listed order: I, II, V1, V2, then V3-V6.
    private QrsSlopeLanes _first;
    private QrsSlopeLanes _second;
    private readonly double[] _energy;
    private readonly double[] _window;
    private readonly int _windowLength;
    private readonly int _refractory;
    private readonly int _tWaveLimit;
    private readonly int _learning;
    private readonly Queue<int> _recentRr = new();
    private readonly List<(long At, double Value)> _learningPeaks = [];
    private readonly List<long> _found = [];

    private long _n;
    private double _windowSum;
    private double _m1, _m2;
    private double _learningMax, _learningSum;
    private double _spki, _npki;
    private long _lastQrs = long.MinValue;
    private long _lastFiducial = -1_000_000;
    private double _lastQrsValue;
    private (long At, double Value)? _candidate;

    public QrsDetector(double sampleRateHz)
    {
        _fs = sampleRateHz;
        _design = new QrsSlopeLanes.Design(Biquad.HighPass(5, sampleRateHz), Biquad.LowPass(15, sampleRateHz), sampleRateHz);
        _energy = new double[(int)sampleRateHz];
        _windowLength = (int)(0.15 * sampleRateHz);
        _window = new double[_windowLength];
        _refractory = (int)(0.2 * sampleRateHz);
        _tWaveLimit = (int)(0.36 * sampleRateHz);
        _learning = (int)(2 * sampleRateHz);
    }

    /// <summary>Samples seen so far.</summary>
    public long Position => _n;

    /// <summary>Feeds <paramref name="count"/> samples of each lead (mV, twelve leads) and returns the QRS fiducials found.</summary>
    public IReadOnlyList<long> Push(double[][] leads, int count) => Push(leads, 0, count);

    // Compiled optimised at once: under load, tiered compilation left the per-chunk kernels in first-tier code (docs/performance.md).
    /// <summary>Feeds the samples <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="count"/> of each lead.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<long> Push(double[][] leads, int offset, int count)
    {
        _found.Clear();
        for (var i = offset; i < offset + count; i++)
        {
            Step(leads, i);
        }

        return _found.Count == 0 ? [] : [.. _found];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Step(double[][] leads, int i)
    {
        var first = _first.Next(Vector256.Create(leads[0][i], leads[1][i], leads[6][i], leads[7][i]), _design);
        var second = _second.Next(Vector256.Create(leads[8][i], leads[9][i], leads[10][i], leads[11][i]), _design);
        var (a, b) = (first * first, second * second);
        // Summed lead by lead in the order the leads are listed, as the energy always was.
        var energy = 0.0 + a.GetElement(0) + a.GetElement(1) + a.GetElement(2) + a.GetElement(3)
            + b.GetElement(0) + b.GetElement(1) + b.GetElement(2) + b.GetElement(3);

        _energy[_n % _energy.Length] = energy;
        var slot = (int)(_n % _windowLength);
        _windowSum += energy - _window[slot];
        _window[slot] = energy;
        var m = _windowSum / _windowLength;

        if (_n >= 2 && _m1 > _m2 && _m1 >= m)
        {
            OnPeak(_n - 1, _m1);
        }

        (_m2, _m1) = (_m1, m);
        SearchBack();
        _n++;
    }

    private void OnPeak(long at, double value)
    {
        if (at < _learning)
        {
            _learningMax = Math.Max(_learningMax, value);
            _learningPeaks.Add((at, value));
            return;
        }

        if (_learningPeaks.Count > 0)
        {
            Learn();
        }

        Classify(at, value);
    }

    /// <summary>After two seconds: levels from what was seen, then the peaks of those seconds are classified with them.</summary>
    private void Learn()
    {
        _learningSum = _learningPeaks.Sum(p => p.Value);
        _spki = 0.33 * _learningMax;
        _npki = 0.5 * _learningSum / _learningPeaks.Count;
        var early = _learningPeaks.ToList();
        _learningPeaks.Clear();
        foreach (var (at, value) in early)
        {
            Classify(at, value);
        }
    }

    private double Threshold => _npki + 0.25 * (_spki - _npki);

    private void Classify(long at, double value)
    {
        var since = at - _lastQrs;
        if (_lastQrs != long.MinValue && since < _refractory)
        {
            return;
        }

        // Within 360 ms of a beat, a peak under half its size is the T wave.
        var tWave = _lastQrs != long.MinValue && since < _tWaveLimit && value < 0.5 * _lastQrsValue;
        if (value > Threshold && !tWave)
        {
            _spki = 0.125 * value + 0.875 * _spki;
            Accept(at, value);
            return;
        }

        _npki = 0.125 * value + 0.875 * _npki;
        if (!tWave && value > 0.5 * Threshold && (_candidate is null || value > _candidate.Value.Value))
        {
            _candidate = (at, value);
        }
    }

    /// <summary>No beat for 1.66 average RR: the largest peak since over half the threshold was one.</summary>
    private void SearchBack()
    {
        if (_candidate is not { } candidate || _recentRr.Count == 0 || _n < _learning)
        {
            return;
        }

        var averageRr = _recentRr.Average();
        if (_n - _lastQrs > 1.66 * averageRr)
        {
            _spki = 0.25 * candidate.Value + 0.75 * _spki;
            Accept(candidate.At, candidate.Value);
        }
    }

    private void Accept(long at, double value)
    {
        if (_lastQrs != long.MinValue)
        {
            _recentRr.Enqueue((int)(at - _lastQrs));
            if (_recentRr.Count > 8)
            {
                _recentRr.Dequeue();
            }
        }

        _lastQrs = at;
        _lastQrsValue = value;
        _candidate = null;
        var fiducial = Fiducial(at);
        if (fiducial - _lastFiducial >= _refractory)
        {
            _found.Add(fiducial);
            _lastFiducial = fiducial;
        }
    }

    /// <summary>
    /// The integrated peak trails the QRS by up to its window: the fiducial is the centre of the
    /// slope energy in that window (steady from beat to beat, and inside the QRS however wide it
    /// is), less the filters' delay.
    /// </summary>
    private long Fiducial(long peak)
    {
        var weighted = 0.0;
        var total = 0.0;
        for (var t = Math.Max(0, peak - _windowLength); t <= peak && t > _n - _energy.Length; t++)
        {
            var e = _energy[t % _energy.Length];
            weighted += e * t;
            total += e;
        }

        var centre = total > 0 ? (long)Math.Round(weighted / total) : peak;
        return Math.Max(0, centre - 2 - (long)Math.Round(0.008 * _fs));
    }
}
