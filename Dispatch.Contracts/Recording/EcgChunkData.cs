using System.Collections.Immutable;

namespace Dispatch.Contracts.Recording;

/// <summary>
/// About 250 ms of a 12-lead ECG. <see cref="Leads"/> holds the 12 standard leads in order
/// (I, II, III, aVR, aVL, aVF, V1–V6), each with the same number of signed 16-bit samples.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.EcgChunkData")]
public sealed record EcgChunkData(
    [property: Id(0)] string CaseId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] int SampleRateHz,
    [property: Id(3)] double MicrovoltsPerUnit,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] ImmutableArray<short[]> Leads)
{
    public const int LeadCount = 12;

    public int SamplesPerLead => Leads.IsDefaultOrEmpty ? 0 : Leads[0].Length;
}
