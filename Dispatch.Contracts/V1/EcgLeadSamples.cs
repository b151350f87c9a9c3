namespace Dispatch.Contracts.V1;

/// <summary>Sizes a lead's sample list for the usual chunk before protobuf fills it.</summary>
public sealed partial class EcgLeadSamples
{
    /// <summary>Room for a 250 ms chunk at 500 Hz, the usual monitor rate: 125 samples a lead.</summary>
    public const int SampleCapacity = 128;

    // Packed varints do not say how many values they hold, so the parser grows the list by doubling
    // from 8: five arrays a lead, sixty a chunk, of which one survives. Sized once, a usual lead takes
    // one array, and a faster monitor's one more.
    partial void OnConstruction() => samples_.Capacity = SampleCapacity;
}
