namespace Dispatch.Ecg.Synthesis;

/// <summary>A generated 12-lead ECG in mV (lead order I, II, III, aVR, aVL, aVF, V1-V6) and where each QRS truly is (its largest deflection).</summary>
public sealed record SyntheticEcgRecording(double[][] Millivolts, double SampleRateHz, IReadOnlyList<int> QrsPeaks, SyntheticEcgSpec Spec)
{
    public int Samples => Millivolts[0].Length;
}
