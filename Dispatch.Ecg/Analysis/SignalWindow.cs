namespace Dispatch.Ecg.Analysis;

/// <summary>
/// A stretch of every lead (mV) inside longer arrays: a stream's window is read where it lies in the
/// stream's buffer, not copied out first.
/// </summary>
public readonly record struct SignalWindow(double[][] Leads, int Start, int Length)
{
    public int LeadCount => Leads.Length;

    public double this[int lead, int t] => Leads[lead][Start + t];
}
