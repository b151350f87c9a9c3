namespace Dispatch.Ecg.Synthesis;

/// <summary>
/// How much an ECG is disturbed. "Ambulance" is a moving vehicle: breathing and electrode motion
/// (baseline wander ~0.3 mV), muscle noise (~30 µV RMS), mains hum, and a motion burst now and then.
/// </summary>
public enum NoiseLevel
{
    None,
    Low,
    Ambulance,
    High,
}
