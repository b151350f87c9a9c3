namespace Dispatch.Grains.Recording;

/// <summary>What a <see cref="PackedRecording"/> keeps of a chunk besides its samples, and where they lie.</summary>
internal readonly record struct PackedChunkHeader(
    long Sequence, int SampleRateHz, double MicrovoltsPerUnit, DateTimeOffset StartedAt, short[] Block, int Offset, int SamplesPerLead);
