using System.Collections.Immutable;

namespace Dispatch.Contracts.Ecg;

/// <summary>
/// What the engine measured in one 10 s window of a case's 12-lead ECG: rate, rhythm, QRS width,
/// the ST level of every lead at J+60 ms against the PR baseline, and the STEMI screen.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.EcgFindings")]
public sealed record EcgFindings(
    [property: Id(0)] int Window,
    [property: Id(1)] DateTimeOffset WindowStart,
    [property: Id(2)] DateTimeOffset AnalysedAt,
    [property: Id(3)] int Beats,
    [property: Id(4)] double HeartRate,
    [property: Id(5)] double QrsMilliseconds,
    [property: Id(6)] bool RegularRhythm,
    [property: Id(7)] ImmutableArray<LeadMeasure> StAtJ60,
    [property: Id(8)] double NoiseMicrovolts,
    [property: Id(9)] StemiScreening Screening);
