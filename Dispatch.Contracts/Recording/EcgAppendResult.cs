namespace Dispatch.Contracts.Recording;

/// <summary>
/// The outcome of storing a chunk: the last sequence number stored durably, and whether this
/// chunk was new (false for a duplicate from a client that resumed).
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.EcgAppendResult")]
public sealed record EcgAppendResult(
    [property: Id(0)] long LastSequence,
    [property: Id(1)] bool Stored);
